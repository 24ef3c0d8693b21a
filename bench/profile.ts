/**
 * `npx tsx bench/profile.ts [turns]`: drives the benchmark's conversations at concurrency 10
 * through a Lotse started with --cpu-prof and prints the heaviest functions and packages (self
 * time), its CPU and the database server's per turn, and the MongoDB commands per turn. The
 * .cpuprofile is left in the printed folder for Chrome DevTools. PROFILE_PRELOAD=file.ts is loaded
 * into the target with --import (e.g. to swap a store for an in-memory one and see its share).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startLocalMongo } from '../src/services/database/localMongoServer';
import { driveLoad } from './support/load';
import { CUSTOMER_SCRIPT } from './script';
import { ROOT } from './support/target';

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

async function main(): Promise<void> {
  const turns = Number(process.argv[2] ?? 3000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lotse-prof-'));
  const mongo = await startLocalMongo({});
  const port = await freePort();
  const counter = path.join(ROOT, 'bench/support/commandCounter.ts');
  const spawnedAt = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      '--disable-warning=DEP0111',
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
        MONGODB_URI: `${mongo.uri}/bench_profile`,
        MicrosoftAppId: '',
        MicrosoftAppPassword: '',
        RATE_LIMIT_PER_MINUTE: '0',
        ADMIN_API_TOKEN: '',
      },
      stdio: ['ignore', 'inherit', 'pipe'],
    },
  );
  let commands: Record<string, number> = {};
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    const m = /COMMANDS (\{.*\})/.exec(text);
    if (m) commands = JSON.parse(m[1]) as Record<string, number>;
    else process.stderr.write(text);
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
  const conversations = Math.ceil(turns / CUSTOMER_SCRIPT.length);
  // Start-up and JIT warm-up are left out of the figures (samples before the measured load).
  await driveLoad({ baseUrl, concurrency: 10, conversations: 100, script: CUSTOMER_SCRIPT, label: 'profile-warmup' });
  const measuredFrom = Date.now() - spawnedAt;
  const cpu = (pid: number) => {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  };
  const [lotseBefore, dbBefore] = [cpu(child.pid!), cpu(mongo.pid)];
  const result = await driveLoad({
    baseUrl,
    concurrency: 10,
    conversations,
    script: CUSTOMER_SCRIPT,
    label: 'profile',
  });
  const [lotseCpu, dbCpu] = [
    (cpu(child.pid!) - lotseBefore) / result.turns,
    (cpu(mongo.pid) - dbBefore) / result.turns,
  ];
  process.stdout.write(
    `${result.turns} turns, ${result.errors} errors, ${((result.turns * 1000) / result.durationMs).toFixed(0)} turns/s, CPU per turn: Lotse ${lotseCpu.toFixed(2)} ms, database ${dbCpu.toFixed(2)} ms\n`,
  );
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  await mongo.stop();
  const perTurn = Object.entries(commands)
    .filter(([, n]) => n >= result.turns / 100)
    .map(([k, n]) => `${k} ${(n / result.turns).toFixed(2)}`)
    .join(', ');
  process.stdout.write(`DB commands per turn (whole run, incl. start): ${perTurn}\n`);
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
    `\n== by package (self time)\n${top(pkg, 25)}\n\n== by function (self time)\n${top(fn, 40)}\n\nprofile: ${path.join(dir, file)}\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
