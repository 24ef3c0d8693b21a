import type { Connection, Model } from 'mongoose';
import { Schema } from 'mongoose';
import type { InboundMessage } from './webhookPayload';

export type InboundStatus = 'pending' | 'processing' | 'done' | 'failed';

export interface InboundDoc {
  /** The wamid: Meta's redeliveries of the same message collide on it and are no-ops. */
  _id: string;
  waId: string;
  name?: string;
  sentAt: Date;
  receivedAt: Date;
  type: string;
  raw: string;
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
const MAX_ATTEMPTS = 3;

/**
 * Every inbound WhatsApp message, stored before Meta gets its 200 and processed from here, so a
 * crash after the acknowledgement loses nothing. Claims are single-document atomic updates.
 */
export class InboundStore {
  private readonly model: Model<InboundDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.WhatsAppInbound ?? connection.model<InboundDoc>('WhatsAppInbound', schema);
  }

  /** Stores a message; false when this wamid was stored before (a redelivery). */
  async store(message: InboundMessage, receivedAt: Date): Promise<boolean> {
    try {
      await this.model.create({
        _id: message.wamid,
        waId: message.waId,
        name: message.name,
        sentAt: message.sentAt,
        receivedAt,
        type: message.type,
        raw: message.raw,
        status: 'pending',
        attempts: 0,
      });
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }

  /** Atomically claims the customer's oldest waiting message (or one whose claim expired). */
  async claimNext(waId: string, leaseMs = DEFAULT_CLAIM_LEASE_MS): Promise<InboundDoc | null> {
    const now = new Date();
    return this.model
      .findOneAndUpdate(
        { waId, attempts: { $lt: MAX_ATTEMPTS }, $or: [{ status: 'pending' }, { status: 'processing', claimedAt: { $lt: new Date(now.getTime() - leaseMs) } }] },
        { $set: { status: 'processing', claimedAt: now }, $inc: { attempts: 1 } },
        { sort: { sentAt: 1, receivedAt: 1 }, new: true },
      )
      .lean<InboundDoc>();
  }

  async markDone(wamid: string): Promise<void> {
    await this.model.updateOne({ _id: wamid, status: 'processing' }, { $set: { status: 'done', finishedAt: new Date() }, $unset: { error: 1 } });
  }

  /** Gives up on a message after its last attempt, or returns it to the queue for another try. */
  async markFailed(wamid: string, error: string, attempts: number): Promise<void> {
    const status: InboundStatus = attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
    await this.model.updateOne({ _id: wamid, status: 'processing' }, { $set: { status, error: error.slice(0, 500), finishedAt: new Date() } });
  }

  async hasWaiting(waId: string): Promise<boolean> {
    return (await this.model.exists({ waId, status: 'pending', attempts: { $lt: MAX_ATTEMPTS } })) !== null;
  }

  /** Customers with messages nobody is working on: never claimed, or claimed by a dead instance. */
  async customersWithWork(leaseMs = DEFAULT_CLAIM_LEASE_MS): Promise<string[]> {
    const stale = new Date(Date.now() - leaseMs);
    const ids = await this.model.distinct('waId', {
      attempts: { $lt: MAX_ATTEMPTS },
      $or: [{ status: 'pending' }, { status: 'processing', claimedAt: { $lt: stale } }],
    });
    return ids.map(String);
  }

  async get(wamid: string): Promise<InboundDoc | null> {
    return this.model.findById(wamid).lean<InboundDoc>();
  }

  async count(filter: Partial<Pick<InboundDoc, 'waId' | 'status'>> = {}): Promise<number> {
    return this.model.countDocuments(filter);
  }
}
