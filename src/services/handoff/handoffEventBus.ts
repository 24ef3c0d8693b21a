/**
 * Publishes the queue's domain events to this instance at once and, through MongoDB, to every
 * other instance, which reads them with pollOnce or a change stream (watch) and emits them with
 * local: false.
 */
import { Connection, Model } from 'mongoose';
import type { Logger } from '../logger';
import { HandoffEventMap, HandoffEventName, HandoffEvents } from './handoffEvents';
import { handoffEventModel, StoredHandoffEvent } from './handoffModel';

export class HandoffEventBus {
  readonly events: HandoffEvents;
  private readonly model: Model<StoredHandoffEvent>;
  private readonly seen = new Map<string, number>();
  private since: Date;
  private polling = false;
  /** Events waiting to be stored: one insert per tick carries all of them. */
  private unstored: Omit<StoredHandoffEvent, '_id'>[] = [];

  constructor(
    connection: Connection,
    private readonly instanceId: string,
    private readonly logger: Logger,
    private readonly now: () => Date,
    /** Called for every event, ours or another instance's (the queue follows the ones that change it). */
    private readonly onEvent: (type: HandoffEventName, payload: unknown) => void,
    /** Called when events of other instances may have been missed (the queue is read anew). */
    private readonly onGap: () => void = () => undefined,
  ) {
    this.model = handoffEventModel(connection);
    this.since = now();
    this.events = new HandoffEvents((err, event) => logger.error({ err, event }, 'handoff event listener failed'));
  }

  /** `localOnly`: emitted here and not stored, so other instances never hear of it. */
  async publish<K extends HandoffEventName>(
    type: K,
    handoffId: string,
    payload: HandoffEventMap[K],
    { localOnly = false }: { localOnly?: boolean } = {},
  ): Promise<void> {
    this.onEvent(type, payload);
    this.events.emit(type, payload, { local: true });
    if (localOnly) return;
    // Stored in the background, and together with the other events of this tick: the caller's
    // answer does not wait for other instances' news.
    this.unstored.push({
      type,
      handoffId,
      at: this.now(),
      origin: this.instanceId,
      payload: payload as unknown as Record<string, unknown>,
    });
    if (this.unstored.length === 1) setImmediate(() => void this.store());
  }

  private async store(): Promise<void> {
    const batch = this.unstored;
    this.unstored = [];
    if (batch.length === 0) return;
    try {
      await this.model.collection.insertMany(batch, { ordered: false });
    } catch (err) {
      this.logger.warn(
        { handoffIds: [...new Set(batch.map((e) => e.handoffId))].slice(0, 10), err },
        'handoff events not stored; other instances learn of them from the records',
      );
    }
  }

  /**
   * Reads events other instances stored since the last poll and emits them with local: false.
   * Reads a few seconds back (clocks and inserts are not perfectly ordered) and skips seen ids.
   */
  async pollOnce(): Promise<number> {
    if (this.polling) return 0;
    this.polling = true;
    let emitted = 0;
    try {
      const from = new Date(this.since.getTime() - 5000);
      const events = await this.model
        .find({ at: { $gte: from }, origin: { $ne: this.instanceId } })
        .sort({ at: 1 })
        .limit(1000)
        .lean();
      const now = Date.now();
      for (const event of events) if (this.receive(event, now)) emitted++;
      this.forgetOld(now);
    } catch (err) {
      this.onGap();
      this.logger.warn({ err }, 'reading handoff events failed; retrying');
    } finally {
      this.polling = false;
    }
    return emitted;
  }

  /**
   * Emits other instances' events as the server reports their inserts (a change stream). onEnd is
   * called once if the stream fails: the caller falls back to polling. Returns the closer.
   */
  watch(onEnd: () => void): () => Promise<void> {
    const stream = this.model.collection.watch<StoredHandoffEvent>([
      { $match: { operationType: 'insert', 'fullDocument.origin': { $ne: this.instanceId } } },
    ]);
    let ended = false;
    stream.on('change', (change) => {
      if (change.operationType !== 'insert') return;
      const now = Date.now();
      this.receive(change.fullDocument, now);
      this.forgetOld(now);
    });
    stream.on('error', (err) => {
      if (ended) return;
      ended = true;
      this.logger.warn({ err }, 'handoff change stream failed; polling instead');
      void stream.close().catch(() => undefined);
      onEnd();
    });
    return async () => {
      ended = true;
      await stream.close().catch(() => undefined);
    };
  }

  /** Emits one stored event of another instance unless it was seen already; true when emitted. */
  private receive(event: StoredHandoffEvent, now: number): boolean {
    const key = String(event._id);
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    if (event.at > this.since) this.since = event.at;
    this.onEvent(event.type as HandoffEventName, event.payload);
    this.events.emit(event.type as HandoffEventName, event.payload as never, { local: false });
    return true;
  }

  private forgetOld(now: number): void {
    for (const [key, seenAt] of this.seen) if (now - seenAt > 60000) this.seen.delete(key);
  }
}
