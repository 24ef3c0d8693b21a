import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface ServiceProcess {
  baseUrl: string;
  process: ChildProcess;
  output(): string;
  /** The service's last 20 "request failed" log lines (a route answered 500), whatever came after them. */
  requestErrors(): string;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to clean up. */
  kill(): Promise<void>;
}

/** Runs the real service as its own process, the way `npm start` does, and waits for /readyz. */
export async function startServiceProcess(env: Record<string, string>, port: number): Promise<ServiceProcess> {
  // Node itself with tsx's loader, not the tsx launcher: the launcher runs the service as a child
  // of its own, so a SIGKILL to the launcher would leave the real service running as an orphan.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '--disable-warning=DEP0111',
      LOG_LEVEL: 'warn',
      EMBEDDINGS: 'off',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Request errors (500s) kept apart: the last 20,000 characters of the output may be all "turn failed"
  // lines of a few seconds, and the one line that explains a 500 would be gone when a test fails.
  const requestErrors: string[] = [];
  let partial = '';
  const keep = (c: Buffer) => {
    output = (output + c.toString()).slice(-20000);
    const lines = (partial + c.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines)
      if (/"msg":"(?:request failed|unhandled error in route)"/.test(line)) {
        requestErrors.push(line.slice(0, 4000));
        if (requestErrors.length > 20) requestErrors.shift();
      }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}: ${output}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60000) {
      child.kill('SIGKILL');
      throw new Error(`service not ready within 60 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const exited = () =>
    new Promise<number | null>((resolve) =>
      child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
    );
  return {
    baseUrl,
    process: child,
    output: () => output,
    requestErrors: () => requestErrors.join('\n'),
    stop: async () => {
      child.kill('SIGTERM');
      return exited();
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited();
    },
  };
}

/**
 * Staffs the service desk around the clock through the admin API. The shipped hours close on
 * Saturday afternoon and Sunday; a test that needs a person to be reachable must not depend on the
 * hour CI happens to run at.
 */
export async function openAroundTheClock(service: Pick<ServiceProcess, 'baseUrl'>, adminToken: string): Promise<void> {
  const allDay: [string, string] = ['00:00', '24:00'];
  const weekly = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((day) => [day, allDay]));
  const res = await fetch(`${service.baseUrl}/api/admin/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ businessHours: { weekly, holidays: [] } }),
  });
  if (res.status !== 200) throw new Error(`opening hours refused: ${res.status} ${await res.text()}`);
}
