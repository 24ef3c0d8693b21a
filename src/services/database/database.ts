import mongoose, { Connection } from 'mongoose';
import type { Logger } from '../logger';
import { buildIndexes } from './modelIndexes';

/** MONGODB_TIMEOUT_MS's default: a chat turn should apologise rather than wait longer. */
export const DEFAULT_OPERATION_TIMEOUT_MS = 5000;

/**
 * Owns the one mongoose connection of this process: connects with retry and backoff, keeps a
 * readiness flag that follows the server (checked by a ping every few seconds), and closes cleanly.
 */
export class Database {
  readonly connection: Connection;
  private ready = false;
  private closed = false;
  private monitor?: NodeJS.Timeout;
  private connecting?: Promise<void>;

  constructor(
    private readonly uri: string,
    private readonly logger: Logger,
    private readonly options: {
      pingIntervalMs?: number;
      serverSelectionTimeoutMS?: number;
      dbName?: string;
      /** Bound of one operation (MONGODB_TIMEOUT_MS); 0: none. */
      operationTimeoutMs?: number;
    } = {},
  ) {
    // Commands issued while the server is away wait briefly, then fail with a clear error
    // instead of queueing up in memory without bound.
    this.connection = mongoose.createConnection();
    this.connection.set('bufferTimeoutMS', 3000);
    // Otherwise every query formats a stack trace up front, only to show it if the same query object
    // ran twice: a few percent of all CPU under load (a profile of the waiting customers' workload).
    mongoose.set('skipOriginalStackTraces', true);
  }

  /** Resolves once connected; retries forever with capped exponential backoff until closed. */
  connect(): Promise<void> {
    this.connecting ??= this.connectWithRetry();
    return this.connecting;
  }

  private async connectWithRetry(): Promise<void> {
    let delayMs = 250;
    for (let attempt = 1; !this.closed; attempt++) {
      try {
        await this.connection.openUri(this.uri, {
          serverSelectionTimeoutMS: this.options.serverSelectionTimeoutMS ?? 3000,
          dbName: this.options.dbName,
          maxPoolSize: 50,
          // A server that vanishes mid-command must not hold a turn for minutes.
          socketTimeoutMS: 10000,
          // One bound for the whole operation. Without it a command caught between "started" and its
          // write to a connection that died in that instant waits forever for the socket to drain
          // (the driver has no other timeout there); with it, that write gives up like any other.
          timeoutMS: (this.options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS) || undefined,
          autoIndex: true,
        });
        this.ready = true;
        this.logger.info({ attempt }, 'database connected');
        this.startMonitor();
        return;
      } catch (err) {
        this.logger.warn({ attempt, retryInMs: delayMs, err }, 'database unreachable, retrying');
        await sleep(delayMs);
        delayMs = Math.min(delayMs * 2, 5000);
      }
    }
  }

  private startMonitor(): void {
    const interval = this.options.pingIntervalMs ?? 2000;
    this.monitor = setInterval(() => void this.ping(), interval);
    this.monitor.unref();
  }

  /**
   * Waits until every model compiled on this connection has its indexes. Unique indexes guard
   * against doubles, so traffic should not start before them; and the local test server can fail a
   * write that races with a collection's first index build.
   */
  async ensureIndexes(): Promise<void> {
    await Promise.all(Object.values(this.connection.models).map((model) => buildIndexes(model)));
  }

  /** Pings the server; updates and returns readiness. Never throws. */
  async ping(timeoutMs = 1500): Promise<boolean> {
    if (this.closed || !this.connection.db) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.connection.db.admin().ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('ping timed out')), timeoutMs);
        }),
      ]);
      if (!this.ready) this.logger.info('database answers again');
      this.ready = true;
    } catch (err) {
      if (this.ready) this.logger.error({ err }, 'database stopped answering');
      this.ready = false;
    } finally {
      clearTimeout(timer);
    }
    return this.ready;
  }

  isReady(): boolean {
    return this.ready && !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.ready = false;
    if (this.monitor) clearInterval(this.monitor);
    await this.connection.close(true).catch(() => undefined);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
