/**
 * `npm run bench`: the full Lotse customer turn side by side with two plain botbuilder bots, all
 * driven through POST /api/messages (expectReplies) in one run, then a memory test and the
 * micro-benchmarks. Prints figures only; nothing here passes or fails.
 *
 * Options: --quick (a tenth of the turns, 1,000 conversations in the memory test),
 * --levels=1,10,100 (the concurrency levels to measure), --targets=echo,dialog,lotse,
 * --skip-load, --skip-memory, --skip-micro.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, LocalMongo, startLocalMongo } from '../src/services/database/localMongoServer';
import { driveLoad, LoadResult, percentile } from './support/load';
import { CUSTOMER_SCRIPT } from './script';
import { ROOT, startTarget, Target } from './support/target';

export { CUSTOMER_SCRIPT };

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const option = (name: string): string[] | undefined =>
  [...args]
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3)
    .split(',')
    .filter(Boolean);
const wantedLevels = option('levels')?.map(Number);
const LEVELS: { concurrency: number; turns: number }[] = [
  { concurrency: 1, turns: 300 },
  { concurrency: 10, turns: 1500 },
  { concurrency: 100, turns: 3000 },
]
  .filter((l) => !wantedLevels || wantedLevels.includes(l.concurrency))
  .map((l) => ({ ...l, turns: QUICK ? l.turns / 10 : l.turns }));
// Every target gets the same warm-up: long enough for V8 (and the database server's JIT) to reach
// the steady state a long-running service is in; 20 conversations left Lotse's CPU per turn at c=1
// more than twice its steady value.
const WARMUP_CONVERSATIONS = 100;
const MEMORY_CONVERSATIONS = QUICK ? 1000 : 10000;
const MEMORY_CONCURRENCY = 50;
const MEMORY_SCRIPT = ['Hallo', '1'];
const MICRO_BENCHMARKS = ['bench/triage.ts', 'bench/handoffQueue.ts'];

interface TargetSpec {
  key: 'echo' | 'dialog' | 'lotse';
  label: string;
  entry: string;
  env?: (mongo: LocalMongo) => Record<string, string>;
}

const TARGETS: TargetSpec[] = [
  { key: 'echo', label: 'echo bot (botbuilder, no state)', entry: 'bench/baselines/echoBot.ts' },
  { key: 'dialog', label: 'plain dialog bot (MemoryStorage)', entry: 'bench/baselines/dialogBot.ts' },
  {
    key: 'lotse',
    label: 'Lotse (full customer turn, MongoDB)',
    entry: 'src/index.ts',
    env: (mongo) => lotseEnv(mongo, 'bench_lotse'),
  },
];

function lotseEnv(mongo: LocalMongo, db: string): Record<string, string> {
  return {
    MONGODB_URI: `${mongo.uri}/${db}`,
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    RATE_LIMIT_PER_MINUTE: '0',
    ADMIN_API_TOKEN: '',
    // Each run starts on an empty database: indexing the knowledge phrasings with the embedding model
    // (once per database in production) would be measured as load.
    EMBEDDINGS: 'off',
  };
}

interface Row {
  target: TargetSpec['key'];
  concurrency: number;
  result: LoadResult;
  turnsPerSecond: number;
  p50: number;
  p99: number;
  cpuMsPerTurn: number;
  /** CPU of the local database server per turn (only targets that use it). */
  dbCpuMsPerTurn?: number;
  /** CPU of this process (the load generator) per turn. */
  loadCpuMsPerTurn: number;
  peakRssMb: number;
}

const MB = 1024 * 1024;

/** CPU seconds a process has used so far (Linux /proc), or undefined where that cannot be read. */
function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function measureLevel(
  target: Target,
  spec: TargetSpec,
  concurrency: number,
  turns: number,
  mongo: LocalMongo,
): Promise<Row> {
  const before = await target.stats({ resetPeak: true });
  const dbBefore = spec.env ? processCpuMs(mongo.pid) : undefined;
  const loadBefore = process.cpuUsage();
  const result = await driveLoad({
    baseUrl: target.baseUrl,
    concurrency,
    conversations: Math.ceil(turns / CUSTOMER_SCRIPT.length),
    script: CUSTOMER_SCRIPT,
    label: `${spec.key}-c${concurrency}`,
  });
  const after = await target.stats({ resetPeak: true });
  const load = process.cpuUsage(loadBefore);
  const dbAfter = spec.env ? processCpuMs(mongo.pid) : undefined;
  return {
    target: spec.key,
    concurrency,
    result,
    turnsPerSecond: result.turns / (result.durationMs / 1000),
    p50: percentile(result.latenciesMs, 0.5),
    p99: percentile(result.latenciesMs, 0.99),
    cpuMsPerTurn: (after.cpuMicros - before.cpuMicros) / 1000 / result.turns,
    ...(dbBefore !== undefined && dbAfter !== undefined ? { dbCpuMsPerTurn: (dbAfter - dbBefore) / result.turns } : {}),
    loadCpuMsPerTurn: (load.user + load.system) / 1000 / result.turns,
    peakRssMb: after.peakRssBytes / MB,
  };
}

async function benchTarget(spec: TargetSpec, mongo: LocalMongo): Promise<Row[]> {
  log(`starting ${spec.label} ...`);
  const target = await startTarget(spec.key, spec.entry, await freePort(), spec.env?.(mongo) ?? {});
  const rows: Row[] = [];
  try {
    // Warm-up (not measured): JIT, connection pools, index builds.
    await driveLoad({
      baseUrl: target.baseUrl,
      concurrency: 10,
      conversations: WARMUP_CONVERSATIONS,
      script: CUSTOMER_SCRIPT,
      label: `${spec.key}-warmup`,
    });
    for (const level of LEVELS) {
      const row = await measureLevel(target, spec, level.concurrency, level.turns, mongo);
      log(
        `  ${spec.key} c=${level.concurrency}: ${fmt(row.turnsPerSecond, 0)} turns/s, p99 ${fmt(row.p99, 1)} ms${row.result.errors ? `, ${row.result.errors} errors (${row.result.firstError})` : ''}`,
      );
      rows.push(row);
    }
  } finally {
    await target.stop();
  }
  return rows;
}

interface MemoryFigures {
  conversations: number;
  turns: number;
  errors: number;
  durationMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  rssAfterMb: number;
  rssAfterGcMb: number;
  heapBeforeMb: number;
  heapAfterGcMb: number;
}

async function memoryTest(mongo: LocalMongo): Promise<MemoryFigures> {
  log(`memory test: ${MEMORY_CONVERSATIONS} distinct conversations through a fresh Lotse process ...`);
  const target = await startTarget('lotse-memory', 'src/index.ts', await freePort(), lotseEnv(mongo, 'bench_memory'));
  try {
    await driveLoad({
      baseUrl: target.baseUrl,
      concurrency: 10,
      conversations: WARMUP_CONVERSATIONS,
      script: MEMORY_SCRIPT,
      label: 'memory-warmup',
    });
    const before = await target.stats({ gc: true, resetPeak: true });
    const result = await driveLoad({
      baseUrl: target.baseUrl,
      concurrency: MEMORY_CONCURRENCY,
      conversations: MEMORY_CONVERSATIONS,
      script: MEMORY_SCRIPT,
      label: 'memory',
    });
    const after = await target.stats();
    const afterGc = await target.stats({ gc: true });
    return {
      conversations: MEMORY_CONVERSATIONS,
      turns: result.turns,
      errors: result.errors,
      durationMs: result.durationMs,
      rssBeforeMb: before.rssBytes / MB,
      peakRssMb: after.peakRssBytes / MB,
      rssAfterMb: after.rssBytes / MB,
      rssAfterGcMb: afterGc.rssBytes / MB,
      heapBeforeMb: before.heapUsedBytes / MB,
      heapAfterGcMb: afterGc.heapUsedBytes / MB,
    };
  } finally {
    await target.stop();
  }
}

async function runMicroBenchmarks(mongo: LocalMongo): Promise<void> {
  for (const file of MICRO_BENCHMARKS) {
    if (!existsSync(path.join(ROOT, file))) {
      print(`\n${file}: not present yet, skipped`);
      continue;
    }
    print(`\n== micro-benchmark ${file}`);
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn('npx', ['tsx', file], {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          MONGODB_URI: `${mongo.uri}/bench_micro_${path.basename(file, '.ts')}`,
          LOG_LEVEL: 'warn',
        },
      });
      child.on('exit', (c) => resolve(c));
      child.on('error', () => resolve(null));
    });
    if (code !== 0) print(`${file} exited with ${code}`);
  }
}

function printResults(rows: Row[]): void {
  print('\n== Throughput and latency (POST /api/messages, expectReplies, distinct conversations)');
  print(
    `script: ${CUSTOMER_SCRIPT.length} German customer messages per conversation ("${CUSTOMER_SCRIPT.slice(0, 3).join('", "')}", ...)`,
  );
  const header = [
    'target',
    'conc',
    'turns',
    'errors',
    'turns/s',
    'p50 ms',
    'p99 ms',
    'CPU ms/turn',
    'DB CPU ms/turn',
    'load gen CPU ms/turn',
    'peak RSS MB',
  ];
  const table = rows.map((r) => [
    TARGETS.find((t) => t.key === r.target)!.label,
    String(r.concurrency),
    String(r.result.turns),
    String(r.result.errors),
    fmt(r.turnsPerSecond, 0),
    fmt(r.p50, 1),
    fmt(r.p99, 1),
    fmt(r.cpuMsPerTurn, 2),
    r.dbCpuMsPerTurn === undefined ? '-' : fmt(r.dbCpuMsPerTurn, 2),
    fmt(r.loadCpuMsPerTurn, 2),
    fmt(r.peakRssMb, 0),
  ]);
  printTable(header, table);

  print('\n== Ratios Lotse / plain dialog bot (throughput: higher is better; others: lower is better)');
  const ratioRows: string[][] = [];
  for (const level of LEVELS) {
    const lotse = rows.find((r) => r.target === 'lotse' && r.concurrency === level.concurrency);
    const dialog = rows.find((r) => r.target === 'dialog' && r.concurrency === level.concurrency);
    if (!lotse || !dialog) continue;
    ratioRows.push([
      String(level.concurrency),
      fmt(lotse.turnsPerSecond / dialog.turnsPerSecond, 2),
      fmt(lotse.p50 / dialog.p50, 2),
      fmt(lotse.p99 / dialog.p99, 2),
      fmt(lotse.cpuMsPerTurn / dialog.cpuMsPerTurn, 2),
      fmt(lotse.peakRssMb / dialog.peakRssMb, 2),
    ]);
  }
  printTable(['conc', 'turns/s', 'p50', 'p99', 'CPU/turn', 'peak RSS'], ratioRows);

  const lotse10 = rows.find((r) => r.target === 'lotse' && r.concurrency === 10);
  const dialog10 = rows.find((r) => r.target === 'dialog' && r.concurrency === 10);
  if (lotse10 && dialog10) {
    print('\n== At concurrency 10 (the outcomes of issue 7)');
    print(
      `Lotse throughput: ${fmt(lotse10.turnsPerSecond / dialog10.turnsPerSecond, 2)} x the plain dialog bot   (target >= 0.5)`,
    );
    print(`Lotse p99 latency: ${fmt(lotse10.p99, 1)} ms   (target <= 50 ms)`);
  }
  const silent = rows.filter((r) => r.result.silentTurns > 0);
  for (const r of silent)
    print(`note: ${r.target} c=${r.concurrency}: ${r.result.silentTurns} turns answered without a message`);
}

function printMemory(m: MemoryFigures): void {
  print('\n== Memory: distinct conversations through one Lotse process (2 turns each)');
  printTable(
    [
      'conversations',
      'turns',
      'errors',
      'seconds',
      'RSS before MB',
      'peak RSS MB',
      'RSS after MB',
      'RSS after GC MB',
      'heap before MB',
      'heap after GC MB',
    ],
    [
      [
        String(m.conversations),
        String(m.turns),
        String(m.errors),
        fmt(m.durationMs / 1000, 1),
        fmt(m.rssBeforeMb, 0),
        fmt(m.peakRssMb, 0),
        fmt(m.rssAfterMb, 0),
        fmt(m.rssAfterGcMb, 0),
        fmt(m.heapBeforeMb, 0),
        fmt(m.heapAfterGcMb, 0),
      ],
    ],
  );
  print(`RSS after ${m.conversations} conversations: ${fmt(m.rssAfterMb, 0)} MB   (target < 400 MB)`);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  print(line(header));
  print(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) print(line(row));
}

function firstLine(err: unknown): string {
  const text = (err as Error)?.message ?? String(err);
  return text.split('\n').find((line) => /error/i.test(line)) ?? text.split('\n')[0];
}

function fmt(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

async function main(): Promise<void> {
  const started = Date.now();
  print(
    `Lotse benchmark — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? 'unknown'}), ${fmt(os.totalmem() / 1024 ** 3, 1)} GB RAM${QUICK ? ', QUICK run' : ''}`,
  );
  print(
    'Every target runs alone as its own process; the load generator, the target and the local database share this machine.',
  );
  print(
    'CPU ms/turn is the target process alone; DB CPU is the local database server (Lotse only), load gen CPU this process.',
  );
  log('starting the local database (memory backend) ...');
  const mongo = await startLocalMongo({});
  try {
    if (!args.has('--skip-load')) {
      const rows: Row[] = [];
      const wantedTargets = option('targets');
      for (const spec of TARGETS.filter((t) => !wantedTargets || wantedTargets.includes(t.key))) {
        try {
          rows.push(...(await benchTarget(spec, mongo)));
        } catch (err) {
          // One target that cannot start must not hide the others' figures.
          print(`\n${spec.label}: could not be measured: ${firstLine(err)}`);
        }
      }
      printResults(rows);
    }
    if (!args.has('--skip-memory')) {
      try {
        printMemory(await memoryTest(mongo));
      } catch (err) {
        print(`\nmemory test: could not run: ${firstLine(err)}`);
      }
    }
    if (!args.has('--skip-micro')) await runMicroBenchmarks(mongo);
  } finally {
    await mongo.stop();
  }
  print(`\ntotal time: ${fmt((Date.now() - started) / 1000, 0)} s`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
