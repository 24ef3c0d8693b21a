import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { ProbeRequest, ProbeStats } from './probe';

export const ROOT = path.resolve(__dirname, '../..');
const PROBE = path.join(ROOT, 'bench/support/probe.ts');

/** One bot under test, running as its own Node process with the probe loaded. */
export interface Target {
  name: string;
  baseUrl: string;
  pid: number;
  stats(options?: Omit<ProbeRequest, 'type' | 'id'>): Promise<ProbeStats>;
  stop(): Promise<void>;
}

/**
 * Starts `entry` (a TypeScript file, through tsx) with the probe and `nodeOptions` (V8 and Node
 * flags), waits until GET /readyz answers 200, and returns a handle that asks the process for its
 * own CPU time and memory over IPC.
 */
export async function startTarget(
  name: string,
  entry: string,
  port: number,
  env: Record<string, string> = {},
  nodeOptions: string[] = [],
): Promise<Target> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--disable-warning=DEP0111',
      ...nodeOptions,
      '--import',
      'tsx',
      '--import',
      PROBE,
      path.join(ROOT, entry),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitReady(child, baseUrl, () => output);

  let nextId = 1;
  const stats = (options: Omit<ProbeRequest, 'type' | 'id'> = {}) =>
    new Promise<ProbeStats>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(
        () => reject(new Error(`${name} did not answer the stats request`)),
        options.snapshotFile ? 120000 : 10000,
      );
      const onMessage = (message: ProbeStats) => {
        if (message?.type !== 'stats' || message.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      const request: ProbeRequest = { type: 'stats', id, ...options };
      child.send(request);
    });

  return {
    name,
    baseUrl,
    pid: child.pid!,
    stats,
    stop: () => stopChild(child),
  };
}

async function waitReady(child: ChildProcess, baseUrl: string, output: () => string): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`target exited with ${child.exitCode}: ${output()}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 90000) {
      child.kill('SIGKILL');
      throw new Error(`target not ready within 90 s: ${output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
