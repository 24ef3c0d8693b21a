import type { Connection, Model, mongo } from 'mongoose';

type Filter<T> = mongo.Filter<T>;
import { Schema } from 'mongoose';
import { GroupedWrites } from '../../services/database/groupedWrites';
import { DriverCollection } from '../../services/state/driverCollection';
import { maskDeep } from '../../services/privacy/atRest';
import type { InboundSealer } from './sealedText';
import type { InboundMessage } from './webhookPayload';

/** 'failed' is the dead letter: given up after MAX_ATTEMPTS, kept for an operator, counted in a metric. */
export type InboundStatus = 'pending' | 'processing' | 'done' | 'failed';

export interface InboundDoc {
  /** The wamid: Meta's redeliveries of the same message collide on it and are no-ops. */
  _id: string;
  waId: string;
  name?: string;
  sentAt: Date;
  receivedAt: Date;
  type: string;
  /** The message as Meta sent it, with every text masked: what stays for the retention period. */
  raw: string;
  /** The original message, encrypted, only until it is processed or given up on. */
  sealed?: string;
  status: InboundStatus;
  attempts: number;
  claimedAt?: Date;
  finishedAt?: Date;
  error?: string;
}

const schema = new Schema<InboundDoc>(
  {
    _id: { type: String, required: true },
    waId: { type: String, required: true },
    name: String,
    sentAt: { type: Date, required: true },
    receivedAt: { type: Date, required: true },
    type: { type: String, required: true },
    raw: { type: String, required: true },
    sealed: String,
    status: { type: String, required: true },
    attempts: { type: Number, required: true },
    claimedAt: Date,
    finishedAt: Date,
    error: String,
  },
  { versionKey: false, collection: 'whatsapp_inbound' },
);
schema.index({ waId: 1, status: 1, sentAt: 1 });
schema.index({ status: 1, claimedAt: 1 });

/** A claim is abandoned (its instance died) once it is this old; the message is then taken again. */
export const DEFAULT_CLAIM_LEASE_MS = 120_000;
export const MAX_ATTEMPTS = 3;

/** A message that still waits, or whose claim expired, and has attempts left. */
function claimable(now: Date, leaseMs: number) {
  return {
    attempts: { $lt: MAX_ATTEMPTS },
    $or: [
      { status: 'pending' as const },
      { status: 'processing' as const, claimedAt: { $lt: new Date(now.getTime() - leaseMs) } },
    ],
  };
}

/** Takes a message for processing: one more attempt, claimed now. */
function claimUpdate(now: Date) {
  return { $set: { status: 'processing' as const, claimedAt: now }, $inc: { attempts: 1 } };
}

/**
 * Every inbound WhatsApp message, stored before Meta gets its 200 and processed from here, so a
 * crash after the acknowledgement loses nothing. Claims are single-document atomic updates.
 */
export class InboundStore {
  private readonly model: Model<InboundDoc>;
  /** Storing and finishing messages of all customers, several in one command under load. */
  private readonly writes: GroupedWrites<InboundDoc>;
  /** The claim runs once or twice per message: through the driver, without mongoose's per-query cost. */
  private readonly driver: DriverCollection<InboundDoc>;

  constructor(
    connection: Connection,
    private readonly sealer?: InboundSealer,
  ) {
    this.model = connection.models.WhatsAppInbound ?? connection.model<InboundDoc>('WhatsAppInbound', schema);
    this.writes = new GroupedWrites(connection, this.model);
    this.driver = new DriverCollection(connection, this.model);
  }

  /** The message as the customer wrote it: opened from its seal while there is one. */
  async original(doc: InboundDoc): Promise<string> {
    return doc.sealed && this.sealer ? this.sealer.open(doc.sealed) : doc.raw;
  }

  /** Stores a message and returns it as stored; undefined when this wamid was stored before (a redelivery). */
  async store(message: InboundMessage, receivedAt: Date): Promise<InboundDoc | undefined> {
    const doc: InboundDoc = {
      _id: message.wamid,
      waId: message.waId,
      ...(message.name !== undefined ? { name: message.name } : {}),
      sentAt: message.sentAt,
      receivedAt,
      type: message.type,
      raw: maskedRaw(message.raw),
      ...(this.sealer ? { sealed: await this.sealer.seal(message.raw) } : {}),
      status: 'pending',
      attempts: 0,
    };
    try {
      await this.writes.insertOne({ ...doc });
      return doc;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return undefined;
      throw err;
    }
  }

  /**
   * Claims a message as `store` returned it, if it is still untouched (waiting, never claimed), and
   * returns it claimed; null when it was taken meanwhile (claim or claimNext then finds what is
   * left). The claim is an upsert whose filter matches only the untouched message: otherwise its
   * insert collides on the wamid, a duplicate key. So the claims of many customers share one bulk
   * write under load, and each still learns whether it won, without reading the message back.
   */
  async claimStored(stored: InboundDoc): Promise<InboundDoc | null> {
    const now = new Date();
    try {
      await this.writes.updateOne({ _id: stored._id, status: 'pending', attempts: 0 }, claimUpdate(now), true);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return null;
      throw err;
    }
    return { ...stored, status: 'processing', claimedAt: now, attempts: 1 };
  }

  /** Atomically claims the customer's oldest waiting message (or one whose claim expired). */
  async claimNext(waId: string, leaseMs = DEFAULT_CLAIM_LEASE_MS): Promise<InboundDoc | null> {
    const now = new Date();
    const filter = { waId, ...claimable(now, leaseMs) };
    const update = claimUpdate(now);
    const raw = this.driver.get();
    if (raw)
      return raw.findOneAndUpdate(filter as Filter<InboundDoc>, update, {
        sort: { sentAt: 1, receivedAt: 1 },
        returnDocument: 'after',
      });
    return this.model
      .findOneAndUpdate(filter, update, { sort: { sentAt: 1, receivedAt: 1 }, new: true })
      .lean<InboundDoc>();
  }

  async markDone(wamid: string): Promise<void> {
    await this.writes.updateOne(
      { _id: wamid, status: 'processing' },
      { $set: { status: 'done', finishedAt: new Date() }, $unset: { error: 1, sealed: 1 } },
    );
  }

  /**
   * Gives up on a message after its last attempt (the dead letter; true is returned), or returns
   * it to the queue for another try.
   */
  async markFailed(wamid: string, error: string, attempts: number): Promise<boolean> {
    const dead = attempts >= MAX_ATTEMPTS;
    const result = await this.model.updateOne(
      { _id: wamid, status: 'processing' },
      {
        $set: { status: dead ? 'failed' : 'pending', error: error.slice(0, 500), finishedAt: new Date() },
        ...(dead ? { $unset: { sealed: 1 } } : {}),
      },
    );
    return dead && result.modifiedCount === 1;
  }

  /**
   * Messages whose every attempt died with its instance (claimed MAX_ATTEMPTS times, never
   * finished) become dead letters too; returns how many.
   */
  async deadLetterAbandoned(leaseMs = DEFAULT_CLAIM_LEASE_MS): Promise<number> {
    const result = await this.model.updateMany(
      { status: 'processing', attempts: { $gte: MAX_ATTEMPTS }, claimedAt: { $lt: new Date(Date.now() - leaseMs) } },
      {
        $set: { status: 'failed', error: 'abandoned: every attempt ended without a result', finishedAt: new Date() },
        $unset: { sealed: 1 },
      },
    );
    return result.modifiedCount;
  }

  /** Customers with messages nobody is working on: never claimed, or claimed by a dead instance. */
  async customersWithWork(leaseMs = DEFAULT_CLAIM_LEASE_MS): Promise<string[]> {
    const ids = await this.model.distinct('waId', claimable(new Date(), leaseMs));
    return ids.map(String);
  }

  async get(wamid: string): Promise<InboundDoc | null> {
    return this.model.findById(wamid).lean<InboundDoc>();
  }

  async count(filter: Partial<Pick<InboundDoc, 'waId' | 'status'>> = {}): Promise<number> {
    return this.model.countDocuments(filter);
  }
}

/** The stored copy: every customer-written string masked, identifiers (id, from, type, timestamp) kept. */
function maskedRaw(raw: string): string {
  try {
    return JSON.stringify(maskDeep(JSON.parse(raw) as unknown));
  } catch {
    return '{}';
  }
}
