import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const cli = join(root, 'src', 'tools', 'triage.ts');

function runCli(args: string[], input?: string): { stdout: string; stderr: string; status: number | null } {
  const run = spawnSync(process.execPath, [tsx, cli, ...args], { encoding: 'utf8', input, cwd: root });
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
});
