import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';

/**
 * Starts the local MongoDB-compatible server (mongo-java-server, see README) as a child process.
 * Used by `npm start` without MONGODB_URI, by `npm run db`, and by the test suite.
 */

export const LOCAL_MONGO_DIR = path.resolve(__dirname, '../../../tools/local-mongo');
const LIB_DIR = path.join(LOCAL_MONGO_DIR, 'lib');
const CLASSES_DIR = path.join(LOCAL_MONGO_DIR, 'target', 'classes');
const SOURCE = path.join(LOCAL_MONGO_DIR, 'LocalMongo.java');

export interface LocalMongoOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** H2 data file; omitted: memory only. */
  dataFile?: string;
  /** Pass the server's own output through (npm run db). */
  inheritOutput?: boolean;
  startTimeoutMs?: number;
}

export interface LocalMongo {
  uri: string;
  host: string;
  port: number;
  pid: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export class LocalMongoUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalMongoUnavailableError';
  }
}

/** Fetches the server's jars from Maven Central once; later starts use ./tools/local-mongo/lib. */
export function ensureLocalMongoInstalled(): void {
  if (!(existsSync(LIB_DIR) && readdirSync(LIB_DIR).some((f) => f.startsWith('mongo-java-server-core')))) fetchJars();
  compileLauncher();
}

function fetchJars(): void {
  const result = spawnSync('mvn', ['-q', '-B', 'dependency:copy-dependencies', '-DoutputDirectory=lib'], {
    cwd: LOCAL_MONGO_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error || result.status !== 0) {
    throw new LocalMongoUnavailableError(
      `Could not fetch the local database server with Maven (${result.error?.message ?? `exit ${result.status}`}). ` +
        'Install Java 17 and Maven, or set MONGODB_URI to a MongoDB server.',
    );
  }
}

/** Compiled once, so each start saves the in-memory compile of source launch (about 0.6 s). */
function compileLauncher(): void {
  const compiled = path.join(CLASSES_DIR, 'LocalMongo.class');
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= statSync(SOURCE).mtimeMs) return;
  mkdirSync(CLASSES_DIR, { recursive: true });
  const result = spawnSync('javac', ['-nowarn', '-cp', `${LIB_DIR}/*`, '-d', CLASSES_DIR, SOURCE], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error || result.status !== 0) {
    throw new LocalMongoUnavailableError(
      `Could not compile the local database launcher (${result.error?.message ?? `exit ${result.status}`}); install a JDK 17.`,
    );
  }
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startLocalMongo(options: LocalMongoOptions = {}): Promise<LocalMongo> {
  ensureLocalMongoInstalled();
  const host = options.host ?? '127.0.0.1';
  const port = options.port && options.port > 0 ? options.port : await freePort(host);
  const args = [
    '-Xss4m',
    '-XX:+UseSerialGC',
    '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
    // A client that disconnects abruptly is routine, not an error worth a stack trace.
    '-Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoExceptionHandler=off',
    '-cp',
    `${CLASSES_DIR}${path.delimiter}${LIB_DIR}/*`,
    'LocalMongo',
    '--host',
    host,
    '--port',
    String(port),
    '--exit-with-parent',
  ];
  if (options.dataFile) {
    mkdirSync(path.dirname(path.resolve(options.dataFile)), { recursive: true });
    args.push('--data', path.resolve(options.dataFile));
  }
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', options.inheritOutput ? 'inherit' : 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new LocalMongoUnavailableError(
          `Local database did not start within ${options.startTimeoutMs ?? 60000} ms: ${stderr}`,
        ),
      );
    }, options.startTimeoutMs ?? 60000);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (options.inheritOutput) process.stdout.write(`${line}\n`);
      if (line.startsWith('LISTENING')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(
        new LocalMongoUnavailableError(`Could not start java: ${err.message}. Install Java 17 or set MONGODB_URI.`),
      );
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new LocalMongoUnavailableError(`Local database exited with code ${code} before it listened: ${stderr}`));
    });
  });
  return {
    uri: `mongodb://${host}:${port}`,
    host,
    port,
    pid: child.pid!,
    process: child,
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
