/** Tables and the JSON file of `npm run bench`. */
import { writeFileSync } from 'node:fs';
import type { LoadResult } from './load';

export interface Measurement {
  turns: number;
  errors: number;
  silentTurns: number;
  firstError?: string;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU of the target process per turn. */
  cpuMsPerTurn: number;
  /** CPU of the local database server per turn (Lotse only). */
  dbCpuMsPerTurn?: number;
  /** CPU of the bench process (load generator and the loopback fakes) per turn. */
  loadCpuMsPerTurn: number;
  /** Cores busy with processes outside the benchmark while this was measured. */
  otherCores?: number;
  peakRssMb: number;
}

export interface Row {
  workload: string;
  label: string;
  baseline: string;
  concurrency: number;
  lotse: Measurement;
  dialog: Measurement;
  /** Lotse turns/s over the dialog bot's. */
  ratio: number;
}

export interface MemoryFigures {
  conversations: number;
  waiting: number;
  errors: number;
  rssStartMb: number;
  rssAfterConversationsMb: number;
  rssAfterWaitingMb: number;
  rssAfterGcMb: number;
  heapAfterGcMb: number;
  peakRssMb: number;
  /** Memory outside the JS heap after the last GC (buffers, native allocations V8 knows of). */
  externalAfterGcMb: number;
}

export const TARGET_RATIO = 0.5;
export const TARGET_P99_MS = 50;
export const TARGET_RSS_MB = 400;

export function toMeasurement(result: LoadResult, extra: Omit<Measurement, keyof LoadFigures>): Measurement {
  return { ...loadFigures(result), ...extra };
}

type LoadFigures = Pick<
  Measurement,
  'turns' | 'errors' | 'silentTurns' | 'firstError' | 'turnsPerSecond' | 'p50Ms' | 'p99Ms'
>;

function loadFigures(result: LoadResult): LoadFigures {
  return {
    turns: result.turns,
    errors: result.errors,
    silentTurns: result.silentTurns,
    ...(result.firstError ? { firstError: result.firstError } : {}),
    turnsPerSecond: result.turns / (result.durationMs / 1000),
    p50Ms: nearestRank(result.latenciesMs, 0.5),
    p99Ms: nearestRank(result.latenciesMs, 0.99),
  };
}

function nearestRank(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function printRows(rows: Row[]): void {
  print('\n== Workloads: Lotse and the plain botbuilder dialog bot, side by side');
  printTable(
    [
      'workload',
      'conc',
      'Lotse turns/s',
      'p50 ms',
      'p99 ms',
      'dialog bot turns/s',
      'p50 ms',
      'p99 ms',
      'ratio',
      'Lotse CPU ms/turn',
      'DB CPU ms/turn',
      'errors',
      'others busy (cores)',
    ],
    rows.map((r) => [
      r.label,
      String(r.concurrency),
      fmt(r.lotse.turnsPerSecond, 0),
      fmt(r.lotse.p50Ms, 1),
      fmt(r.lotse.p99Ms, 1),
      fmt(r.dialog.turnsPerSecond, 0),
      fmt(r.dialog.p50Ms, 1),
      fmt(r.dialog.p99Ms, 1),
      `${fmt(r.ratio, 2)} x`,
      fmt(r.lotse.cpuMsPerTurn, 2),
      r.lotse.dbCpuMsPerTurn === undefined ? '-' : fmt(r.lotse.dbCpuMsPerTurn, 2),
      `${r.lotse.errors}/${r.dialog.errors}`,
      r.lotse.otherCores === undefined ? '-' : fmt(r.lotse.otherCores, 2),
    ]),
  );
  print(
    'dialog bot: the same texts as its customer turns; for the agent relay a proactive send (continueConversationAsync).',
  );
  for (const r of rows) {
    for (const [who, m] of [
      ['Lotse', r.lotse],
      ['dialog bot', r.dialog],
    ] as const) {
      if (m.errors) print(`note: ${r.workload} ${who}: ${m.errors} failed turns, first: ${m.firstError}`);
      if (m.silentTurns) print(`note: ${r.workload} ${who}: ${m.silentTurns} turns answered without a message`);
    }
  }
  const at10 = rows.filter((r) => r.concurrency === 10);
  if (at10.length === 0) return;
  print(`\n== Targets at concurrency 10: >= ${TARGET_RATIO} x the dialog bot and p99 <= ${TARGET_P99_MS} ms`);
  for (const r of at10) {
    const ok = r.ratio >= TARGET_RATIO && r.lotse.p99Ms <= TARGET_P99_MS && r.lotse.errors === 0;
    print(`${r.label.padEnd(40)} ${fmt(r.ratio, 2)} x, p99 ${fmt(r.lotse.p99Ms, 1)} ms: ${ok ? 'met' : 'MISSED'}`);
  }
}

export function printMemory(m: MemoryFigures): void {
  print(`\n== Memory: one fresh Lotse process, ${m.conversations} conversations, then ${m.waiting} waiting customers`);
  printTable(
    ['RSS at start MB', 'after conversations', 'after waiting', 'after GC', 'heap after GC', 'peak RSS', 'errors'],
    [
      [
        fmt(m.rssStartMb, 0),
        fmt(m.rssAfterConversationsMb, 0),
        fmt(m.rssAfterWaitingMb, 0),
        fmt(m.rssAfterGcMb, 0),
        fmt(m.heapAfterGcMb, 0),
        fmt(m.peakRssMb, 0),
        String(m.errors),
      ],
    ],
  );
  print(
    `RSS after ${m.conversations} conversations and ${m.waiting} waiting: ${fmt(m.rssAfterWaitingMb, 0)} MB   (target < ${TARGET_RSS_MB} MB)`,
  );
}

export function writeJson(file: string, content: unknown): void {
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  print(`\nfigures written to ${file}`);
}

export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  print(line(header));
  print(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) print(line(row));
}

export function fmt(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}
