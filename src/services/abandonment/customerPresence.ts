import { Connection, Model, Schema } from 'mongoose';

interface PresenceDoc {
  /** The handoff's conversation key, e.g. "directline:<conversation id>". */
  _id: string;
  lastReadAt: Date;
}

const presenceSchema = new Schema<PresenceDoc>(
  { _id: { type: String, required: true }, lastReadAt: { type: Date, required: true } },
  { versionKey: false, collection: 'customerpresence' },
);
// A conversation nobody has read for two days is of no interest any more.
presenceSchema.index({ lastReadAt: 1 }, { expireAfterSeconds: 2 * 86_400 });

/** Reads of one conversation are written at most this often (the page polls every second or so). */
const WRITE_EVERY_MS = 60_000;

/**
 * When a customer's page last fetched the conversation (a Direct Line read): an open page polls,
 * a closed one stops. Shared by every instance through MongoDB, written at most once a minute.
 */
export class CustomerPresence {
  private readonly model: Model<PresenceDoc>;
  private readonly written = new Map<string, number>();

  constructor(
    connection: Connection,
    private readonly now: () => number = Date.now,
  ) {
    this.model =
      (connection.models.CustomerPresence as Model<PresenceDoc> | undefined) ??
      connection.model<PresenceDoc>('CustomerPresence', presenceSchema);
  }

  async noteRead(conversationKey: string): Promise<void> {
    const now = this.now();
    if (now - (this.written.get(conversationKey) ?? 0) < WRITE_EVERY_MS) return;
    this.written.set(conversationKey, now);
    if (this.written.size > 50_000) this.written.clear();
    await this.model.updateOne({ _id: conversationKey }, { $set: { lastReadAt: new Date(now) } }, { upsert: true });
  }

  /** The last read per conversation key; keys never read are absent. */
  async lastReads(conversationKeys: string[]): Promise<Map<string, Date>> {
    if (conversationKeys.length === 0) return new Map();
    const docs = await this.model.find({ _id: { $in: conversationKeys } }).lean();
    return new Map(docs.map((d) => [d._id, d.lastReadAt]));
  }
}
