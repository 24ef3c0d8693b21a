/**
 * The recent lines of each conversation (collection "transcripts", one document per conversation),
 * masked with maskSensitive before they are stored. The handoff copies them into its record so the
 * agent sees what happened before.
 */
import { Connection, Model, Schema } from 'mongoose';
import { maskSensitive } from '../privacy/masking';
import { DriverCollection } from '../state/driverCollection';

export interface TranscriptLine {
  at: Date;
  from: 'customer' | 'bot' | 'agent';
  text: string;
}

interface TranscriptDoc {
  _id: string;
  lines: TranscriptLine[];
  updatedAt: Date;
}

const schema = new Schema<TranscriptDoc>(
  {
    _id: { type: String, required: true },
    lines: [new Schema<TranscriptLine>({ at: Date, from: String, text: String }, { _id: false })],
    updatedAt: Date,
  },
  { versionKey: false, collection: 'transcripts' },
);
schema.index({ updatedAt: 1 }, { expireAfterSeconds: 30 * 24 * 3600 });

/** Longest text kept per line; longer lines are cut, the transcript is a summary aid, not an archive. */
const MAX_LINE = 2000;

/** A line as stored: masked, cut to MAX_LINE. */
function masked(line: TranscriptLine): TranscriptLine {
  return { at: line.at, from: line.from, text: maskSensitive(line.text.slice(0, MAX_LINE)) };
}

/** channelId + ":" + conversation id: the key of a conversation across channels. */
export function conversationKey(channelId: string | undefined, conversationId: string | undefined): string {
  return `${channelId ?? 'unknown'}:${conversationId ?? 'unknown'}`;
}

/** The lines of one turn, written together when the turn is over (TranscriptStore.commit). */
export class TranscriptBatch {
  readonly lines: TranscriptLine[] = [];
  committed = false;

  constructor(readonly key: string) {}

  add(lines: TranscriptLine[]): void {
    this.lines.push(...lines);
  }
}

interface Waiter {
  key: string;
  resolve(): void;
  reject(err: unknown): void;
}

export class TranscriptStore {
  private readonly collection: DriverCollection<TranscriptDoc>;
  /** Batches of turns still running, per conversation: recent() shows their lines already. */
  private readonly open = new Map<string, Set<TranscriptBatch>>();
  /** Committed lines not yet sent, per conversation, in order. */
  private queued = new Map<string, TranscriptLine[]>();
  private waiters: Waiter[] = [];
  /** Conversations whose lines are being written right now. */
  private readonly writing = new Set<string>();
  private flushing?: Promise<void>;
  private scheduled = false;

  constructor(
    connection: Connection,
    /** Lines kept per conversation. */
    private readonly keep = 30,
    /** How long committed lines may wait to be written with others (nobody waits for them). */
    private readonly flushDelayMs = 0,
  ) {
    const model =
      (connection.models.Transcript as Model<TranscriptDoc> | undefined) ??
      connection.model<TranscriptDoc>('Transcript', schema);
    this.collection = new DriverCollection(connection, model);
  }

  /** Starts collecting one turn's lines; commit() writes them in one update. */
  begin(key: string): TranscriptBatch {
    const batch = new TranscriptBatch(key);
    let batches = this.open.get(key);
    if (!batches) this.open.set(key, (batches = new Set()));
    batches.add(batch);
    return batch;
  }

  /**
   * Writes a turn's lines after the conversation's earlier ones. Group commit: one write is in
   * flight at a time and carries every conversation's lines committed meanwhile or within
   * flushDelayMs (one bulk write, one update per conversation), so under load the transcript costs
   * a fraction of a command per turn. The caller need not wait (the customer's answer does not depend on it) but must handle
   * a rejection.
   */
  commit(batch: TranscriptBatch): Promise<void> {
    batch.committed = true;
    const batches = this.open.get(batch.key);
    batches?.delete(batch);
    if (batches?.size === 0) this.open.delete(batch.key);
    const lines = batch.lines.filter((l) => l.text.trim() !== '');
    if (lines.length === 0) return Promise.resolve();
    const queued = this.queued.get(batch.key);
    if (queued) queued.push(...lines);
    else this.queued.set(batch.key, [...lines]);
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ key: batch.key, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every line committed so far has been written or has failed (shutdown). */
  async drain(): Promise<void> {
    while (this.queued.size > 0 || this.flushing) await this.flushNow();
  }

  /** Waits for the running write, or starts the next one without the delay. */
  private async flushNow(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = this.flush().finally(() => {
      this.flushing = undefined;
      this.schedule();
    });
    return this.flushing;
  }

  private schedule(): void {
    if (this.scheduled || this.flushing || this.queued.size === 0) return;
    this.scheduled = true;
    const start = () => {
      this.scheduled = false;
      // Started early by recent() or drain(): that write's end schedules the next.
      if (!this.flushing) void this.flushNow();
    };
    if (this.flushDelayMs > 0) setTimeout(start, this.flushDelayMs).unref();
    else setImmediate(start);
  }

  private async flush(): Promise<void> {
    const queued = this.queued;
    const waiters = this.waiters;
    this.queued = new Map();
    this.waiters = [];
    if (queued.size === 0) return;
    const keys = [...queued.keys()];
    for (const key of keys) this.writing.add(key);
    const now = new Date();
    const failed = new Map<string, unknown>();
    try {
      const ops = keys.map((key) => ({
        updateOne: {
          filter: { _id: key },
          update: {
            $push: { lines: { $each: queued.get(key)!.map(masked), $slice: -this.keep } },
            $set: { updatedAt: now },
          },
          upsert: true,
        },
      }));
      const collection = this.collection.get();
      if (collection) await collection.bulkWrite(ops, { ordered: false });
      else await this.collection.model.bulkWrite(ops, { ordered: false });
    } catch (err) {
      // A bulk write names the operations that failed; anything else failed as a whole.
      const writeErrors = (err as { writeErrors?: { index: number }[] | { index: number } }).writeErrors;
      const list = writeErrors === undefined ? undefined : Array.isArray(writeErrors) ? writeErrors : [writeErrors];
      if (list && list.length > 0) for (const e of list) failed.set(keys[e.index], err);
      else for (const key of keys) failed.set(key, err);
    } finally {
      for (const key of keys) this.writing.delete(key);
    }
    for (const w of waiters) {
      if (failed.has(w.key)) w.reject(failed.get(w.key));
      else w.resolve();
    }
  }

  /** Appends lines (masked here, whatever the caller passed) and keeps only the most recent ones. */
  async append(key: string, lines: TranscriptLine[]): Promise<void> {
    const stored = lines.filter((l) => l.text.trim() !== '').map(masked);
    if (stored.length === 0) return;
    await (this.collection.get() ?? this.collection.model).updateOne(
      { _id: key },
      { $push: { lines: { $each: stored, $slice: -this.keep } }, $set: { updatedAt: new Date() } },
      { upsert: true },
    );
  }

  /** The most recent lines, oldest first, including those of turns still running in this process. */
  async recent(key: string, limit = this.keep): Promise<TranscriptLine[]> {
    // Committed lines first reach the database, so none is missed or counted twice.
    while (this.queued.has(key) || this.writing.has(key)) await this.flushNow();
    const raw = this.collection.get();
    const doc = raw
      ? await raw.findOne({ _id: key }, { projection: { lines: 1 } })
      : await this.collection.model.findById(key, { lines: 1 }).lean();
    const stored = (doc?.lines ?? []).map((l) => ({ at: l.at, from: l.from, text: l.text }));
    const running = [...(this.open.get(key) ?? [])].flatMap((b) =>
      b.lines.filter((l) => l.text.trim() !== '').map(masked),
    );
    return [...stored, ...running].slice(-limit);
  }
}
