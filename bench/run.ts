/**
 * `npm run bench`: Lotse's workloads side by side with a plain botbuilder dialog bot, in one run,
 * then a memory test and the micro-benchmarks. Prints figures only; nothing here passes or fails.
 *
 * Options: --quick (a tenth of the turns, 1,000 + 1,000 in the memory test; what CI runs),
 * --levels=1,10,100 (concurrency levels, default 10), --workloads=menu,knowledge,waiting,relay,
 * whatsapp,directline, --json FILE (writes the figures), --skip-load, --skip-memory, --skip-micro.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, LocalMongo, startLocalMongo } from '../src/services/database/localMongoServer';
import { memoryTest } from './memory';
import { FakeGraph, startFakeConnector, startFakeGraph } from './support/fakeChannels';
import { driveConversations } from './support/load';
import { lotseEnv, lotseNodeOptions, openAroundTheClock } from './support/lotseTarget';
import { machineBusyMs, processCpuMs } from './support/machine';
import {
  fmt,
  log,
  Measurement,
  MemoryFigures,
  print,
  printMemory,
  printRows,
  Row,
  toMeasurement,
  writeJson,
} from './support/report';
import { ROOT, startTarget, Target } from './support/target';
import { Driver, Workload, WorkloadContext, WORKLOADS, learntWhatsappReplies } from './workloads';

export { CUSTOMER_SCRIPT } from './script';

const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(`--${name}`);
/** `--name=value` or `--name value`. */
const option = (name: string): string | undefined => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
};
const list = (name: string): string[] | undefined => option(name)?.split(',').filter(Boolean);

const QUICK = flag('quick');
const LEVELS = (list('levels') ?? ['10']).map(Number).filter((n) => n > 0);
/** Measured turns per workload, target and level (a tenth with --quick). */
const TURNS = QUICK ? 150 : 1500;
// Every target gets the same warm-up per workload: long enough for V8 (and the database server's JIT)
// to reach the steady state of a long-running service. 60 conversations were not: in a fresh Lotse,
// the WhatsApp workload's CPU per turn in six runs of 1,500 turns after them was 4.61, 3.80, 3.01,
// 3.47, 3.24, 2.66 ms (the database's 2.71 falling to 0.62 ms), and in the first 10 s about 19 % of
// Lotse's CPU samples (perf) were V8's optimising compiler, 3 % after 45 s. So each target now gets
// about 3,000 turns per workload first (with --quick, about 150: a smoke run, not a figure).
const WARMUP_TURNS = QUICK ? 150 : 3000;
const MEMORY_COUNT = QUICK ? 1000 : 10000;
const MICRO_BENCHMARKS = ['bench/triage.ts', 'bench/handoffQueue.ts', 'bench/handoffFeed.ts'];
const MB = 1024 * 1024;

interface Targets {
  lotse: Target;
  dialog: Target;
  mongo: LocalMongo;
}

async function measure(
  targets: Targets,
  who: 'lotse' | 'dialog',
  workload: Workload,
  driver: Driver,
  concurrency: number,
): Promise<Measurement> {
  const target = targets[who];
  const usesDb = who === 'lotse';
  const before = await target.stats({ resetPeak: true });
  const dbBefore = usesDb ? processCpuMs(targets.mongo.pid) : undefined;
  const loadBefore = process.cpuUsage();
  const busyBefore = machineBusyMs();
  const result = await driveConversations({
    concurrency,
    conversations: Math.ceil(TURNS / workload.script.length),
    script: workload.script,
    open: (n) => driver.open(n),
    ...(driver.openFirst ? { openFirst: true } : {}),
  });
  const busyAfter = machineBusyMs();
  const after = await target.stats({ resetPeak: true });
  const load = process.cpuUsage(loadBefore);
  const dbAfter = usesDb ? processCpuMs(targets.mongo.pid) : undefined;
  const targetMs = (after.cpuMicros - before.cpuMicros) / 1000;
  const loadMs = (load.user + load.system) / 1000;
  const dbMs = dbBefore !== undefined && dbAfter !== undefined ? dbAfter - dbBefore : undefined;
  // openFirst work happens inside the window too; the others' share is what no bench process used.
  const seconds = result.durationMs / 1000;
  const otherCores =
    busyBefore !== undefined && busyAfter !== undefined
      ? Math.max(0, (busyAfter - busyBefore - targetMs - loadMs - (dbMs ?? 0)) / 1000 / seconds)
      : undefined;
  return toMeasurement(result, {
    cpuMsPerTurn: targetMs / result.turns,
    ...(dbMs !== undefined ? { dbCpuMsPerTurn: dbMs / result.turns } : {}),
    loadCpuMsPerTurn: loadMs / result.turns,
    ...(otherCores !== undefined && !driver.openFirst ? { otherCores } : {}),
    peakRssMb: after.peakRssBytes / MB,
  });
}

async function runWorkloads(targets: Targets, wanted: Workload[], graph: FakeGraph): Promise<Row[]> {
  const connector = await startFakeConnector();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const runId = randomUUID().slice(0, 6);
  const ctx = (workload: Workload, phase: string): WorkloadContext => ({
    lotseUrl: targets.lotse.baseUrl,
    dialogUrl: targets.dialog.baseUrl,
    connector,
    graph,
    prefix: `bench-${runId}-${workload.key}-${phase}`,
    agent,
  });
  const rows: Row[] = [];
  try {
    for (const workload of wanted) {
      log(`${workload.label} ...`);
      await workload.prepare?.(ctx(workload, 'prepare'));
      // Each target is warmed up right before its first measurement: a target idle for longer than
      // its keep-alive timeout (Node's 5 s) between the two may close a connection the load
      // generator is reusing that moment (ECONNRESET, a failed turn), and the other target's
      // warm-up now takes that long.
      const warmUp = async (who: 'lotse' | 'dialog') => {
        const driver = workload[who](ctx(workload, `warmup-${who}`));
        await driveConversations({
          concurrency: 10,
          conversations: Math.ceil(WARMUP_TURNS / workload.script.length),
          script: workload.script,
          open: (n) => driver.open(n),
        });
      };
      for (const [level, concurrency] of LEVELS.entries()) {
        if (level === 0) await warmUp('lotse');
        const lotse = await measure(
          targets,
          'lotse',
          workload,
          workload.lotse(ctx(workload, `c${concurrency}-l`)),
          concurrency,
        );
        if (level === 0) await warmUp('dialog');
        const dialog = await measure(
          targets,
          'dialog',
          workload,
          workload.dialog(ctx(workload, `c${concurrency}-d`)),
          concurrency,
        );
        const row: Row = {
          workload: workload.key,
          label: workload.label,
          baseline: workload.baseline,
          concurrency,
          lotse,
          dialog,
          ratio: lotse.turnsPerSecond / dialog.turnsPerSecond,
        };
        log(
          `  c=${concurrency}: Lotse ${fmt(lotse.turnsPerSecond, 0)} turns/s p99 ${fmt(lotse.p99Ms, 1)} ms, dialog bot ${fmt(dialog.turnsPerSecond, 0)} turns/s: ${fmt(row.ratio, 2)} x${lotse.errors ? `, ${lotse.errors} errors (${lotse.firstError})` : ''}`,
        );
        rows.push(row);
      }
    }
  } finally {
    agent.destroy();
    await connector.close();
  }
  return rows;
}

/** Runs each micro-benchmark in its own process; returns the ones that failed. */
async function runMicroBenchmarks(mongo: LocalMongo): Promise<string[]> {
  const failed: string[] = [];
  for (const file of MICRO_BENCHMARKS) {
    if (!existsSync(path.join(ROOT, file))) continue;
    print(`\n== micro-benchmark ${file}`);
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn('npx', ['tsx', file], {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          MONGODB_URI: `${mongo.uri}/bench_micro_${path.basename(file, '.ts')}`,
          LOG_LEVEL: 'warn',
          ...(QUICK ? { BENCH_QUICK: '1' } : {}),
        },
      });
      child.on('exit', (c) => resolve(c));
      child.on('error', () => resolve(null));
    });
    if (code !== 0) failed.push(`${file} exited with ${code}`);
  }
  return failed;
}

function firstLine(err: unknown): string {
  const text = (err as Error)?.message ?? String(err);
  return text.split('\n').find((line) => /error/i.test(line)) ?? text.split('\n')[0];
}

async function main(): Promise<void> {
  const started = new Date();
  const machine = {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    loadAverageAtStart: os.loadavg()[0],
  };
  print(
    `Lotse benchmark — node ${machine.node}, ${machine.cpus} CPU (${machine.cpuModel}), ${machine.memoryGb} GB RAM, load average ${fmt(machine.loadAverageAtStart, 2)} at start${QUICK ? ', QUICK run' : ''}`,
  );
  print(
    `Each workload: ${TURNS} turns per target at concurrency ${LEVELS.join(', ')}, after a warm-up; load generator, targets and the local database (memory backend) share this machine.`,
  );
  log('starting the local database (memory backend) ...');
  const mongo = await startLocalMongo({});
  const wantedKeys = list('workloads');
  const wanted = WORKLOADS.filter((w) => !wantedKeys || wantedKeys.includes(w.key));
  let rows: Row[] = [];
  let memory: MemoryFigures | undefined;
  // Figures never fail a run; a workload that could not run or failed turns does (CI runs --quick for that).
  const problems: string[] = [];
  try {
    if (!flag('skip-load') && wanted.length) {
      const graph = await startFakeGraph();
      let targets: Targets | undefined;
      try {
        log('starting Lotse and the dialog bot ...');
        const lotse = await startTarget(
          'lotse',
          'src/index.ts',
          await freePort(),
          lotseEnv(mongo, 'bench_lotse', graph.url),
          lotseNodeOptions(),
        );
        const dialog = await startTarget('dialog', 'bench/baselines/dialogBot.ts', await freePort());
        targets = { lotse, dialog, mongo };
        await openAroundTheClock(lotse.baseUrl);
        // The Graph fake the target was started with must be the one the WhatsApp workload waits on.
        rows = await runWorkloads(targets, wanted, graph);
      } catch (err) {
        problems.push(`workloads could not be measured: ${firstLine(err)}`);
      } finally {
        await targets?.lotse.stop();
        await targets?.dialog.stop();
        await graph.close();
      }
      printRows(rows);
      for (const r of rows)
        if (r.lotse.errors || r.dialog.errors) problems.push(`${r.workload} c=${r.concurrency}: failed turns`);
      for (const w of wanted) if (!rows.some((r) => r.workload === w.key)) problems.push(`${w.key}: not measured`);
      const replies = learntWhatsappReplies();
      if (replies) print(`WhatsApp replies per step (learnt at the start of the run): ${replies.join(', ')}`);
    }
    if (!flag('skip-memory')) {
      try {
        memory = await memoryTest(mongo, MEMORY_COUNT);
        printMemory(memory);
      } catch (err) {
        problems.push(`memory test: could not run: ${firstLine(err)}`);
      }
    }
    if (!flag('skip-micro')) problems.push(...(await runMicroBenchmarks(mongo)));
  } finally {
    await mongo.stop();
  }
  const finished = new Date();
  print(
    `\ntotal time: ${fmt((finished.getTime() - started.getTime()) / 1000, 0)} s, load average ${fmt(os.loadavg()[0], 2)} at the end`,
  );
  const json = option('json');
  if (json)
    writeJson(path.resolve(json), {
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      quick: QUICK,
      machine: { ...machine, loadAverageAtEnd: os.loadavg()[0] },
      turnsPerMeasurement: TURNS,
      rows,
      ...(memory ? { memory } : {}),
      problems,
    });
  if (problems.length) {
    print(`\nproblems:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
