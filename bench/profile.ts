/**
 * `npx tsx bench/profile.ts [turns] [--workload=menu|knowledge|waiting|relay|whatsapp|directline]
 * [--concurrency=10]`: drives one workload of `npm run bench` (at concurrency 10 unless told; 1 shows a
 * turn's own latency, without other turns queued beside it) through a Lotse started with --cpu-prof
 * and prints the heaviest functions and packages (self time), its CPU and the database server's
 * per turn, and the MongoDB commands per turn. The .cpuprofile is left in the printed folder for
 * Chrome DevTools. PROFILE_PRELOAD=file.ts is loaded into the target with --import (e.g. to swap a
 * store for an in-memory one and see its share).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startLocalMongo } from '../src/services/database/localMongoServer';
import http from 'node:http';
import { startFakeConnector, startFakeGraph } from './support/fakeChannels';
import { driveConversations } from './support/load';
import { lotseEnv, lotseNodeOptions, openAroundTheClock } from './support/lotseTarget';
import { ROOT } from './support/target';
import { WorkloadContext, WORKLOADS } from './workloads';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds between samples. */
  timeDeltas: number[];
}

/** The Lotse under test: killed when the profile fails, so it does not keep running (and skew the next run). */
let target: ChildProcess | undefined;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const turns = Number(args.find((a) => /^\d+$/.test(a)) ?? 3000);
  const key = args.find((a) => a.startsWith('--workload='))?.slice('--workload='.length) ?? 'menu';
  const concurrency = Number(args.find((a) => a.startsWith('--concurrency='))?.slice('--concurrency='.length) ?? 10);
  if (!(Number.isInteger(concurrency) && concurrency >= 1))
    throw new Error('--concurrency wants a whole number from 1');
  const workload = WORKLOADS.find((w) => w.key === key);
  if (!workload) throw new Error(`no workload ${key}; one of ${WORKLOADS.map((w) => w.key).join(', ')}`);
  const connector = await startFakeConnector();
  const graph = await startFakeGraph();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lotse-prof-'));
  const mongo = await startLocalMongo({});
  const port = await freePort();
  const counter = path.join(ROOT, 'bench/support/commandCounter.ts');
  const spawnedAt = Date.now();
  const child = (target = spawn(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      '--disable-warning=DEP0111',
      ...lotseNodeOptions(),
      '--import',
      'tsx',
      ...(process.env.PROFILE_PRELOAD ? ['--import', path.resolve(process.env.PROFILE_PRELOAD)] : []),
      '--import',
      counter,
      path.join(ROOT, 'src/index.ts'),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ...lotseEnv(mongo, 'bench_profile', graph.url),
      },
      stdio: ['ignore', 'inherit', 'pipe'],
    },
  ));
  let commands: Record<string, number> = {};
  let documents: Record<string, number> = {};
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    const m = /COMMANDS (\{.*\})/.exec(text);
    if (m) commands = JSON.parse(m[1]) as Record<string, number>;
    const d = /DOCUMENTS (\{.*\})/.exec(text);
    if (d) documents = JSON.parse(d[1]) as Record<string, number>;
    const rest = [m, d].reduce((t, x) => (x ? t.replace(x[0], '') : t), text);
    if (rest.trim()) process.stderr.write(rest);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseUrl}/readyz`)).status === 200) break;
    } catch {
      // starting
    }
    if (i > 300) throw new Error('Lotse did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  await openAroundTheClock(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const ctx = (phase: string): WorkloadContext => ({
    lotseUrl: baseUrl,
    dialogUrl: baseUrl,
    connector,
    graph,
    prefix: `profile-${workload.key}-${phase}`,
    agent,
  });
  await workload.prepare?.(ctx('prepare'));
  const drive = async (phase: string, conversations: number) => {
    const driver = workload.lotse(ctx(phase));
    return driveConversations({
      concurrency,
      conversations,
      script: workload.script,
      open: (n) => driver.open(n),
      ...(driver.openFirst ? { openFirst: true } : {}),
    });
  };
  // Start-up and JIT warm-up are left out of the figures (samples before the measured load).
  await drive('warmup', 60);
  const conversations = Math.ceil(turns / workload.script.length);
  const measuredFrom = Date.now() - spawnedAt;
  const cpu = (pid: number) => {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  };
  child.kill('SIGUSR2');
  const [lotseBefore, dbBefore] = [cpu(child.pid!), cpu(mongo.pid)];
  const result = await drive('measured', conversations);
  const [lotseCpu, dbCpu] = [
    (cpu(child.pid!) - lotseBefore) / result.turns,
    (cpu(mongo.pid) - dbBefore) / result.turns,
  ];
  process.stdout.write(
    `${workload.label}: ${result.turns} turns, ${result.errors} errors, ${((result.turns * 1000) / result.durationMs).toFixed(0)} turns/s, CPU per turn: Lotse ${lotseCpu.toFixed(2)} ms, database ${dbCpu.toFixed(2)} ms\n`,
  );
  const percentile = (values: number[], p: number) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? 0;
  for (const [step, values] of (result.byStepMs ?? []).entries())
    process.stdout.write(
      `  step ${step + 1} ${JSON.stringify(workload.script[step]).slice(0, 50)}: p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms\n`,
    );
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  await mongo.stop();
  agent.destroy();
  await connector.close();
  await graph.close();
  const perTurn = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, n]) => n >= result.turns / 100)
      .map(([k, n]) => `${k} ${(n / result.turns).toFixed(2)}`)
      .join(', ');
  const sum = (counts: Record<string, number>) =>
    (Object.values(counts).reduce((a, b) => a + b, 0) / result.turns).toFixed(2);
  process.stdout.write(`DB commands per measured turn (${sum(commands)}): ${perTurn(commands)}\n`);
  process.stdout.write(`DB documents per measured turn (${sum(documents)}): ${perTurn(documents)}\n`);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  let elapsedUs = 0;
  let total = 0;
  for (const [i, id] of profile.samples.entries()) {
    elapsedUs += profile.timeDeltas[i] ?? 0;
    if (elapsedUs / 1000 < measuredFrom) continue;
    total++;
    const frame = byId.get(id)!.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(ROOT, '')}:${frame.lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + 1);
    const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(frame.url);
    const p = m
      ? m[1]
      : frame.url.startsWith('file://') || frame.url.startsWith('/')
        ? frame.url.includes('/src/')
          ? 'lotse src'
          : 'other file'
        : frame.url
          ? 'node internals'
          : frame.functionName;
    pkg.set(p, (pkg.get(p) ?? 0) + 1);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  process.stdout.write(
    `\n== by package (self time)\n${top(pkg, 25)}\n\n== by function (self time)\n${top(fn, 40)}\n\nprofile: ${path.join(dir, file)} (measured load from ${measuredFrom} ms after the start)\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  target?.kill('SIGKILL');
  process.exit(1);
});
