import type { Connection, Model, mongo } from 'mongoose';
import { Schema } from 'mongoose';
import { GroupedWrites } from '../../services/database/groupedWrites';
import { DriverCollection } from '../../services/state/driverCollection';

interface ContactDoc {
  /** The customer's wa_id. */
  _id: string;
  name?: string;
  /** Meta's timestamp of the customer's latest message: the 24-hour window counts from here. */
  lastInboundAt?: Date;
  /** When the re-engagement template went out last; at most one per closed window. */
  templateSentAt?: Date;
  /** Processing lease: one instance at a time works through a customer's messages, in order. */
  lockOwner?: string;
  lockUntil?: Date;
}

const schema = new Schema<ContactDoc>(
  {
    _id: { type: String, required: true },
    name: String,
    lastInboundAt: Date,
    templateSentAt: Date,
    lockOwner: String,
    lockUntil: Date,
  },
  { versionKey: false, collection: 'whatsapp_contacts' },
);

/** Free-form messages are allowed for 24 hours after the customer's last message. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Sends that would arrive right at the edge are treated as outside, so Meta never rejects them. */
const WINDOW_SAFETY_MS = 60 * 1000;

/** Customers whose latest inbound time this instance remembers; the oldest are forgotten first. */
const MAX_REMEMBERED = 10_000;

/** What we know about a WhatsApp customer: the service window and the processing lease. */
export class ContactStore {
  private readonly model: Model<ContactDoc>;
  /**
   * The latest inbound time this instance recorded per customer. The window only moves forward
   * ($max), so a remembered time that keeps it open is proof enough and saves a read per reply.
   */
  private readonly inboundSeen = new Map<string, number>();
  /** Window and lease-release writes of all customers, several in one command under load. */
  private readonly writes: GroupedWrites<ContactDoc>;
  /** The lease is taken once per message: through the driver, without mongoose's per-query cost. */
  private readonly driver: DriverCollection<ContactDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.WhatsAppContact ?? connection.model<ContactDoc>('WhatsAppContact', schema);
    this.writes = new GroupedWrites(connection, this.model);
    this.driver = new DriverCollection(connection, this.model);
  }

  /** Moves the window forward, never back (messages may be stored out of order). */
  async recordInbound(waId: string, sentAt: Date, name?: string): Promise<void> {
    await this.writes.updateOne(
      { _id: waId },
      { $max: { lastInboundAt: sentAt }, ...(name ? { $set: { name } } : {}) },
      true,
    );
    const seen = Math.max(sentAt.getTime(), this.inboundSeen.get(waId) ?? 0);
    this.inboundSeen.delete(waId);
    this.inboundSeen.set(waId, seen);
    if (this.inboundSeen.size > MAX_REMEMBERED) this.inboundSeen.delete(this.inboundSeen.keys().next().value as string);
  }

  async isWindowOpen(waId: string, now = Date.now()): Promise<boolean> {
    const seen = this.inboundSeen.get(waId);
    if (seen !== undefined && now - seen < CUSTOMER_SERVICE_WINDOW_MS - WINDOW_SAFETY_MS) return true;
    const contact = await this.model.findById(waId, { lastInboundAt: 1 }).lean<ContactDoc>();
    const last = contact?.lastInboundAt?.getTime();
    return last !== undefined && now - last < CUSTOMER_SERVICE_WINDOW_MS - WINDOW_SAFETY_MS;
  }

  /** True for exactly one caller per closed window: the template goes out once, not per message. */
  async claimTemplateSend(waId: string): Promise<boolean> {
    const contact = await this.model.findById(waId, { lastInboundAt: 1 }).lean<ContactDoc>();
    const since = contact?.lastInboundAt ?? new Date(0);
    const claimed = await this.model.findOneAndUpdate(
      {
        _id: waId,
        $or: [{ templateSentAt: { $exists: false } }, { templateSentAt: null }, { templateSentAt: { $lt: since } }],
      },
      { $set: { templateSentAt: new Date() } },
      { new: true, upsert: false },
    );
    if (claimed) return true;
    // A customer we never heard from: create the record and claim in one insert.
    if (!contact) {
      try {
        await this.model.create({ _id: waId, templateSentAt: new Date() });
        return true;
      } catch (err) {
        if ((err as { code?: number }).code === 11000) return false;
        throw err;
      }
    }
    return false;
  }

  /** Takes the customer's processing lease unless another live instance holds it. */
  async tryLock(waId: string, owner: string, leaseMs: number): Promise<boolean> {
    const now = new Date();
    const filter = {
      _id: waId,
      $or: [{ lockUntil: { $exists: false } }, { lockUntil: null }, { lockUntil: { $lt: now } }, { lockOwner: owner }],
    };
    const update = { $set: { lockOwner: owner, lockUntil: new Date(now.getTime() + leaseMs) } };
    const raw = this.driver.get();
    const locked = raw
      ? await raw.findOneAndUpdate(filter as mongo.Filter<ContactDoc>, update, {
          returnDocument: 'after',
          projection: { _id: 1 },
        })
      : await this.model.findOneAndUpdate(filter, update, { new: true, projection: { _id: 1 } }).lean();
    if (locked) return true;
    // No record yet (a crash between storing the message and noting the contact): create it locked.
    try {
      await this.model.create({ _id: waId, lockOwner: owner, lockUntil: new Date(now.getTime() + leaseMs) });
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }

  async unlock(waId: string, owner: string): Promise<void> {
    await this.writes.updateOne({ _id: waId, lockOwner: owner }, { $unset: { lockOwner: 1, lockUntil: 1 } });
  }

  async lastInboundAt(waId: string): Promise<Date | undefined> {
    return (await this.model.findById(waId, { lastInboundAt: 1 }).lean<ContactDoc>())?.lastInboundAt ?? undefined;
  }

  /** For tests and tools: pretend the customer last wrote at the given time. */
  async setLastInboundAt(waId: string, at: Date): Promise<void> {
    this.inboundSeen.delete(waId);
    await this.model.updateOne({ _id: waId }, { $set: { lastInboundAt: at } }, { upsert: true });
  }
}
