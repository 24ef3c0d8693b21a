import type { Connection, Model } from 'mongoose';
import { Schema } from 'mongoose';
import { GroupedWrites } from '../../services/database/groupedWrites';
import type { DeliveryState, StatusUpdate } from './webhookPayload';

export type OutboundState = 'accepted' | DeliveryState;

interface StatusDoc {
  /** The wamid Meta gave our outbound message. */
  _id: string;
  recipientId: string;
  status: OutboundState;
  rank: number;
  updatedAt: Date;
  history: { status: OutboundState; at: Date }[];
  failures?: { code: number; title: string }[];
}

const schema = new Schema<StatusDoc>(
  {
    _id: { type: String, required: true },
    recipientId: { type: String, required: true },
    status: { type: String, required: true },
    rank: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    history: [{ _id: false, status: String, at: Date }],
    failures: [{ _id: false, code: Number, title: String }],
  },
  { versionKey: false, collection: 'whatsapp_statuses' },
);
schema.index({ recipientId: 1, updatedAt: -1 });

/** Statuses arrive out of order; a later state never goes back (read stays read). */
const RANK: Record<OutboundState, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/** Delivery state of every message we sent, as Meta reports it. */
export class StatusStore {
  private readonly model: Model<StatusDoc>;
  /** One write per message sent and per status Meta reports: several in one command under load. */
  private readonly writes: GroupedWrites<StatusDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.WhatsAppStatus ?? connection.model<StatusDoc>('WhatsAppStatus', schema);
    this.writes = new GroupedWrites(connection, this.model);
  }

  async recordAccepted(wamid: string, recipientId: string): Promise<void> {
    await this.apply(wamid, recipientId, 'accepted', new Date(), []);
  }

  async record(update: StatusUpdate): Promise<void> {
    await this.apply(update.wamid, update.recipientId, update.status, update.at, update.errors);
  }

  private async apply(
    wamid: string,
    recipientId: string,
    status: OutboundState,
    at: Date,
    errors: StatusDoc['failures'],
  ): Promise<void> {
    const rank = RANK[status];
    const set: Partial<StatusDoc> = { status, rank, recipientId, updatedAt: at };
    if (errors && errors.length > 0) set.failures = errors;
    try {
      // Only a higher state wins; if the document already holds a higher one, the upsert's insert
      // collides on _id and we just add the event to the history.
      await this.writes.updateOne(
        { _id: wamid, rank: { $lt: rank } },
        { $set: set, $push: { history: { status, at } } },
        true,
      );
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      await this.writes.updateOne({ _id: wamid }, { $push: { history: { status, at } } });
    }
  }

  async get(
    wamid: string,
  ): Promise<{ status: OutboundState; recipientId: string; history: { status: OutboundState; at: Date }[] } | null> {
    return this.model.findById(wamid).lean<StatusDoc>();
  }
}
