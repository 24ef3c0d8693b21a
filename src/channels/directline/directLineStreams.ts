import type { Activity } from 'botbuilder';
import type WebSocket from 'ws';
import type { Logger } from '../../services/logger';
import type { FeedEvent, DirectLineActivityFeed } from './activityFeed';
import type { DirectLineActivityStore } from './activityStore';

export interface DirectLineStreamOptions {
  /** How often an open stream looks at the store for what another instance wrote. */
  lookEveryMs: number;
  /** Ping interval; a client that has not answered the last ping by the next one is dropped. */
  pingEveryMs: number;
  /** Called when a stream opens and at every ping while it is open: the customer's page is there. */
  onPresence?: (conversationId: string) => void;
}

/** Direct Line's WebSocket message: an activity set, with the watermark after it when it was stored. */
interface ActivitySet {
  activities: Partial<Activity>[];
  watermark?: string;
}

/** 1001 "going away": Direct Line clients fetch a new stream URL and resume from their watermark. */
const GOING_AWAY = 1001;

/**
 * The WebSocket streams of the local Direct Line endpoint. A stream sends every stored activity
 * after the watermark it was opened with, then each new one with its watermark, as Azure's does;
 * a client that loses the socket reconnects with the last watermark it saw and misses nothing.
 */
export class DirectLineStreams {
  private readonly open = new Set<StreamConnection>();

  constructor(
    private readonly store: DirectLineActivityStore,
    private readonly feed: DirectLineActivityFeed,
    private readonly logger: Logger,
    private readonly options: DirectLineStreamOptions,
  ) {}

  /** Serves one opened socket of the conversation, starting after `watermark`. */
  attach(socket: WebSocket, conversationId: string, watermark: number): void {
    const connection = new StreamConnection(socket, conversationId, watermark, this.store, this.logger, this.options);
    this.open.add(connection);
    const unsubscribe = this.feed.subscribe(conversationId, (event) => connection.hear(event));
    socket.once('close', () => {
      unsubscribe();
      connection.dispose();
      this.open.delete(connection);
    });
    connection.start();
  }

  get size(): number {
    return this.open.size;
  }

  /** Closes every stream (a shutdown): the pages reconnect to whichever instance answers next. */
  closeAll(): void {
    for (const connection of this.open) connection.close(GOING_AWAY, 'service restarting');
  }
}

class StreamConnection {
  private pumping = false;
  private again = false;
  private closed = false;
  private alive = true;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly socket: WebSocket,
    private readonly conversationId: string,
    private watermark: number,
    private readonly store: DirectLineActivityStore,
    private readonly logger: Logger,
    private readonly options: DirectLineStreamOptions,
  ) {}

  start(): void {
    // Direct Line JS sends an empty message now and then to notice a dead connection; it counts as life.
    this.socket.on('message', () => (this.alive = true));
    this.socket.on('pong', () => (this.alive = true));
    this.socket.on('error', (err: Error) =>
      this.logger.debug({ err, conversationId: this.conversationId }, 'Direct Line stream error'),
    );
    this.timers.push(setInterval(() => void this.pump(), this.options.lookEveryMs));
    this.timers.push(setInterval(() => void this.heartbeat(), this.options.pingEveryMs));
    for (const timer of this.timers) timer.unref();
    this.options.onPresence?.(this.conversationId);
    void this.pump();
  }

  hear(event: FeedEvent): void {
    if (event.kind === 'stored') void this.pump();
    // The customer's own typing is for the agents, not an echo to the page.
    else if (event.activity.from?.role !== 'user') this.send({ activities: [event.activity] });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.socket.close(code, reason);
    this.dispose();
  }

  dispose(): void {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  /** Sends what was stored after the watermark; one read at a time, repeated if news came meanwhile. */
  private async pump(): Promise<void> {
    if (this.closed) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        const page = await this.store.list(this.conversationId, this.watermark);
        if (this.closed) return;
        if (page.watermark !== this.watermark) {
          this.watermark = page.watermark;
          if (page.activities.length > 0) this.send({ activities: page.activities, watermark: String(page.watermark) });
          // A full page may have more behind it.
          this.again = true;
        }
      } while (this.again && !this.closed);
    } catch (err) {
      // The database is away for a moment: the next look tries again.
      this.logger.warn({ err, conversationId: this.conversationId }, 'Direct Line stream could not read');
    } finally {
      this.pumping = false;
    }
  }

  private async heartbeat(): Promise<void> {
    if (this.closed) return;
    if (!this.alive) {
      this.socket.terminate();
      return;
    }
    this.alive = false;
    this.socket.ping();
    this.options.onPresence?.(this.conversationId);
    // An erased customer's page loses its stream too, not only its token.
    if (await this.store.isRevoked(this.conversationId).catch(() => false)) this.close(4403, 'revoked');
  }

  private send(set: ActivitySet): void {
    if (this.closed || this.socket.readyState !== 1) return;
    this.socket.send(JSON.stringify(set), (err) => {
      if (err) this.logger.debug({ err, conversationId: this.conversationId }, 'Direct Line stream send failed');
    });
  }
}
