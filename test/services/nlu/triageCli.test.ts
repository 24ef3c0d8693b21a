import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const cli = join(root, 'src', 'tools', 'triage.ts');

/** Words only unless a test names an embedding endpoint: the embedded model would embed the corpus first. */
function runCli(
  args: string[],
  input?: string,
  env: NodeJS.ProcessEnv = { EMBEDDINGS: 'off' },
): { stdout: string; stderr: string; status: number | null } {
  const run = spawnSync(process.execPath, [tsx, cli, ...args], {
    encoding: 'utf8',
    input,
    cwd: root,
    env: { ...process.env, ...env },
  });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

describe('triage CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lotse-triage-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON line per input line, in order, with exactly the contract fields', () => {
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: 'Meine Kreditkarte wurde gestohlen' }),
        '',
        JSON.stringify({ id: 'b', text: 'IHR SEID DOCH ALLE IDIOTEN!!!' }),
        JSON.stringify({ id: 'c', text: 'Grüezi' }),
      ].join('\n'),
    );
    const { stdout, status } = runCli([file]);
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual([
        'confidence',
        'escalate',
        'frustrationLevel',
        'frustrationScore',
        'id',
        'intent',
      ]);
    }
    expect(lines[0]).toMatchObject({ intent: 'lost_or_stolen', frustrationLevel: 0 });
    expect(lines[1]).toMatchObject({ frustrationLevel: 2, escalate: true });
    expect(lines[2]).toMatchObject({ intent: 'greeting' });
  }, 60_000);

  it('keeps a row for a malformed line that has an id, reports it on stderr and never crashes', () => {
    const input = [
      '{"id":"ok","text":"Internet geht nicht"}',
      '{"id":"bad", "text": oops}',
      'garbage',
      '{"id":"z","text":"Hallo"}',
    ].join('\n');
    const { stdout, stderr, status } = runCli(['-'], input);
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['ok', 'bad', 'z']);
    expect(lines[1]).toMatchObject({ intent: 'other' });
    expect(stderr).toMatch(/line 2/);
    expect(stderr).toMatch(/line 3/);
  }, 60_000);

  it('fails clearly when the file does not exist', () => {
    const { stdout, stderr, status } = runCli([join(dir, 'missing.jsonl')]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/cannot read/);
  }, 60_000);

  it('answers every line from the words alone when the embedding model cannot be reached', () => {
    const input = [
      JSON.stringify({ id: 1, text: 'Wieso ist meine Rechnung so hoch?' }),
      JSON.stringify({ id: 2, text: 'Kann ich mit jemandem reden der Ahnung hat' }),
      // Vague enough that the words alone are unsure, so the model would be asked.
      JSON.stringify({ id: 3, text: 'Was ist denn da bei euch los' }),
    ].join('\n');
    const wordsOnly = runCli(['-'], input);
    // A port nobody listens on: the model is away.
    const away = runCli(['-'], input, { EMBEDDINGS_URL: 'http://127.0.0.1:9/v1' });
    expect(away.status).toBe(0);
    expect(away.stdout).toBe(wordsOnly.stdout);
    expect(away.stdout.trim().split('\n')).toHaveLength(3);
    // Trained from vectors cached by an earlier run, or not trained at all: either way it is said.
    expect(away.stderr).toMatch(/embeddings model unreachable|intent model not trained/);
  });
});
