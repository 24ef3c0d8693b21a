/**
 * Triage throughput on this machine: `npx tsx bench/triage.ts [count]`.
 * Measures TriageService.assess in-process against a trivial baseline (normalising the text only),
 * then the triage CLI end to end (process start, model training, JSONL in and out): words only, and
 * (not with BENCH_QUICK) with the embedding model as it ships, asked where the words are unsure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeText } from '../src/services/nlu/normalize';
import { TriageService } from '../src/services/nlu/triageService';

const root = join(__dirname, '..');
const count = Number(process.argv[2] ?? (process.env.BENCH_QUICK ? 1000 : 5000));

function loadTexts(): string[] {
  const texts: string[] = [];
  for (const file of ['intents.jsonl', 'frustration.jsonl']) {
    for (const line of readFileSync(join(root, 'eval', file), 'utf8').split('\n')) {
      if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
    }
  }
  const out: string[] = [];
  // Variants keep the caches honest: shouted, without umlauts, with a suffix.
  for (let i = 0; out.length < count; i++) {
    const text = texts[i % texts.length];
    const variant = Math.floor(i / texts.length) % 4;
    out.push(
      variant === 0
        ? text
        : variant === 1
          ? text.toUpperCase()
          : variant === 2
            ? text.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u')
            : `${text} (${i})`,
    );
  }
  return out;
}

function timeIt(label: string, texts: string[], fn: (text: string) => unknown): number {
  for (let i = 0; i < Math.min(500, texts.length); i++) fn(texts[i]); // warm-up
  const started = process.hrtime.bigint();
  let sink = 0;
  for (const text of texts) sink += fn(text) ? 1 : 0;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = texts.length / seconds;
  console.log(
    `${label.padEnd(34)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} messages/s  (${texts.length} in ${(seconds * 1000).toFixed(0)} ms${sink < 0 ? '' : ''})`,
  );
  return rate;
}

function main(): void {
  const texts = loadTexts();
  const setupStarted = Date.now();
  const service = new TriageService();
  console.log(`model training at construction      ${Date.now() - setupStarted} ms`);
  const baseline = timeIt('baseline (normalizeText only)', texts, (t) => normalizeText(t));
  const triage = timeIt('TriageService.assess', texts, (t) => service.assess(t));
  console.log(
    `ratio triage / baseline             ${(triage / baseline).toFixed(3)}  (baseline is ${(baseline / triage).toFixed(1)}x faster)`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
  try {
    const file = join(dir, 'input.jsonl');
    writeFileSync(file, texts.map((text, i) => JSON.stringify({ id: `b${i}`, text })).join('\n') + '\n');
    runCli(file, texts.length, 'words only', ['--no-model']);
    if (!process.env.BENCH_QUICK) runCli(file, texts.length, 'with the model', []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runCli(file: string, count: number, label: string, flags: string[]): void {
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'src', 'tools', 'triage.ts'), ...flags, file],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const seconds = (Date.now() - started) / 1000;
  const lines = run.stdout.split('\n').filter((l) => l.trim() !== '').length;
  if (run.status !== 0 || lines !== count) {
    console.error(`triage CLI (${label}) failed: status ${run.status}, ${lines}/${count} lines\n${run.stderr}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `triage CLI end to end, ${label.padEnd(14)} ${Math.round(count / seconds)
      .toLocaleString('en-US')
      .padStart(8)} messages/s  (${count} in ${(seconds * 1000).toFixed(0)} ms, incl. start)`,
  );
}

main();
