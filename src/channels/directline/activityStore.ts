import type { Activity } from 'botbuilder';
import type { Connection, Model } from 'mongoose';
import { Schema } from 'mongoose';
import { GroupedWrites } from '../../services/database/groupedWrites';
import { DriverCollection } from '../../services/state/driverCollection';
import { maskDeep } from '../../services/privacy/atRest';
import { KnownLogs } from './knownLogs';
import { RecentActivities } from './recentActivities';
import type { RevocationList } from './tokenService';

interface ConversationDoc {
  _id: string;
  userId: string;
  /** 0 at the start; sequence numbers are allocated by inserting into the log (its unique index decides). */
  seq: number;
  createdAt: Date;
  updatedAt: Date;
}

interface ActivityDoc {
  conversationId: string;
  seq: number;
  /** The activity as JSON, so keys with "." or "$" in channelData are safe. Null once deleted. */
  data: string | null;
  /** The client's own id of a customer's activity (Web Chat's clientActivityID): a repeated post finds it. */
  clientKey?: string;
  createdAt: Date;
}

const conversationSchema = new Schema<ConversationDoc>(
  {
    _id: String,
    userId: { type: String, required: true },
    seq: { type: Number, required: true },
    createdAt: Date,
    updatedAt: Date,
  },
  { versionKey: false, collection: 'directline_conversations' },
);
const activitySchema = new Schema<ActivityDoc>(
  {
    conversationId: { type: String, required: true },
    seq: { type: Number, required: true },
    data: { type: String, default: null },
    clientKey: { type: String },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'directline_activities' },
);
activitySchema.index({ conversationId: 1, seq: 1 }, { unique: true });
activitySchema.index({ conversationId: 1, clientKey: 1 });

interface RevocationDoc {
  /** A conversation id: random, names nobody; kept only as long as a token could live. */
  _id: string;
  revokedAt: Date;
}
const revocationSchema = new Schema<RevocationDoc>(
  { _id: String, revokedAt: { type: Date, required: true } },
  { versionKey: false, collection: 'directline_revocations' },
);

/** How long an instance trusts its "not revoked" answer; another instance's erase counts after this. */
const REVOCATION_CACHE_MS = 2000;

/** A slot taken by another instance at the same moment: look at the log again, at most this often. */
const MAX_APPEND_ATTEMPTS = 5;

/** A slot whose writer died leaves a gap; after this long readers step over it. */
const GAP_PATIENCE_MS = 3000;
const PAGE_SIZE = 100;
/** How long the activities this instance just wrote answer a poll without a read (see RecentActivities). */
const RECENT_MS = 30_000;

/** A slot of the log handed out before its activity is written (see reserve). */
export interface ReservedActivity {
  seq: number;
  /** The activity with the slot's id. */
  activity: Partial<Activity>;
}

/** Activity ids look like Azure's: "<conversation id>|<7-digit sequence>". */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

function seqOf(conversationId: string, id: string | undefined): number | undefined {
  const prefix = `${conversationId}|`;
  if (!id?.startsWith(prefix)) return undefined;
  const seq = Number(id.slice(prefix.length));
  return Number.isInteger(seq) && seq > 0 ? seq : undefined;
}

/**
 * The activity log of every local Direct Line conversation in MongoDB: what the page polls, what a
 * reload or another instance reads back. An append is one insert with the next sequence number this
 * instance knows of; the unique index on (conversation, sequence) turns a slot another instance took
 * into a duplicate key, after which the log's end is read again. Whether the conversation still
 * exists (an erasure deletes it) is confirmed at most every REVOCATION_CACHE_MS, which also keeps
 * its updatedAt (retention) current.
 */
export class DirectLineActivityStore implements RevocationList {
  private readonly conversations: Model<ConversationDoc>;
  private readonly activities: Model<ActivityDoc>;
  private readonly revocations: Model<RevocationDoc>;
  /** Looked at every REVOCATION_CACHE_MS per conversation: through the driver. */
  private readonly revocationsDriver: DriverCollection<RevocationDoc>;
  private readonly notRevoked = new Map<string, number>();
  private readonly known = new KnownLogs(REVOCATION_CACHE_MS);
  /** Appends of all conversations, several in one insert under load. */
  private readonly inserts: GroupedWrites<ActivityDoc>;
  /** Every poll reads the log: through the driver, without mongoose's per-query cost. */
  private readonly driver: DriverCollection<ActivityDoc>;
  /** What this instance just wrote: the poll right after a post needs no read. */
  private readonly recent = new RecentActivities(RECENT_MS);

  constructor(connection: Connection) {
    this.conversations =
      connection.models.DirectLineConversation ??
      connection.model<ConversationDoc>('DirectLineConversation', conversationSchema);
    this.activities =
      connection.models.DirectLineActivity ?? connection.model<ActivityDoc>('DirectLineActivity', activitySchema);
    this.inserts = new GroupedWrites(connection, this.activities);
    this.driver = new DriverCollection(connection, this.activities);
    this.revocations =
      connection.models.DirectLineRevocation ??
      connection.model<RevocationDoc>('DirectLineRevocation', revocationSchema);
    this.revocationsDriver = new DriverCollection(connection, this.revocations);
  }

  /** Makes every token of these conversations worthless (the customer was erased). */
  async revoke(conversationIds: string[], now = new Date()): Promise<void> {
    for (const id of conversationIds) {
      this.notRevoked.delete(id);
      this.known.forget(id);
      this.recent.forget(id);
      await this.revocations.updateOne({ _id: id }, { $setOnInsert: { revokedAt: now } }, { upsert: true });
    }
  }

  async isRevoked(conversationId: string): Promise<boolean> {
    const checked = this.notRevoked.get(conversationId);
    if (checked !== undefined && Date.now() - checked < REVOCATION_CACHE_MS) return false;
    const raw = this.revocationsDriver.get();
    const revoked =
      (raw
        ? await raw.findOne({ _id: conversationId }, { projection: { _id: 1 } })
        : await this.revocations.exists({ _id: conversationId })) !== null;
    if (!revoked) {
      if (this.notRevoked.size > 10_000) this.notRevoked.clear();
      this.notRevoked.set(conversationId, Date.now());
    }
    return revoked;
  }

  /** Creates the conversation; false when it already existed. */
  async create(conversationId: string, userId: string): Promise<boolean> {
    const now = new Date();
    try {
      await this.conversations.create({ _id: conversationId, userId, seq: 0, createdAt: now, updatedAt: now });
      this.known.confirm(conversationId, 1);
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }

  /**
   * Whether the conversation exists. `forAppend`: an activity is appended right after, and that
   * append confirms a conversation whose confirmation is stale with a write of its updatedAt anyway
   * (allocate). Where this instance knows the log's end, that write is done here and is the check:
   * one command instead of a read and then the write (the append then finds the log confirmed).
   */
  async exists(conversationId: string, forAppend = false): Promise<boolean> {
    if (this.known.fresh(conversationId)) return true;
    const log = this.known.get(conversationId);
    if (forAppend && log) {
      const touched = await this.conversations.updateOne({ _id: conversationId }, { $set: { updatedAt: new Date() } });
      if (touched.matchedCount === 0) {
        this.known.forget(conversationId);
        return false;
      }
      this.known.confirm(conversationId, log.next);
      return true;
    }
    return (await this.conversations.exists({ _id: conversationId })) !== null;
  }

  /**
   * Appends an activity, stamping its id; returns it with that id, as it was given. What the
   * customer wrote is stored masked (card numbers, IBANs, phone numbers...): the turn works with
   * the text, the log and every later reader see only the masked copy.
   */
  async append(conversationId: string, activity: Partial<Activity>, clientKey?: string): Promise<Partial<Activity>> {
    for (let attempt = 1; ; attempt++) {
      const seq = await this.allocate(conversationId);
      const stored = { ...activity, id: activityId(conversationId, seq) };
      const atRest = stored.from?.role === 'user' ? maskDeep(stored) : stored;
      const data = JSON.stringify(atRest);
      try {
        await this.inserts.insertOne({
          conversationId,
          seq,
          data,
          ...(clientKey ? { clientKey } : {}),
          createdAt: new Date(),
        });
        this.recent.written(conversationId, seq, data);
        return stored;
      } catch (err) {
        // Read the log's end again before the next append: the slot was taken, or the write failed
        // (then the slot is free again and no gap stays behind).
        this.known.forget(conversationId);
        if ((err as { code?: number }).code !== 11000 || attempt >= MAX_APPEND_ATTEMPTS) throw err;
      }
    }
  }

  /**
   * Reserves the next slot of the conversation's log for a later writeReserved (a turn's replies are
   * written together when the turn ends); returns the activity with the slot's id.
   */
  async reserve(conversationId: string, activity: Partial<Activity>): Promise<ReservedActivity> {
    const seq = await this.allocate(conversationId);
    return { seq, activity: { ...activity, id: activityId(conversationId, seq) } };
  }

  /**
   * Writes reserved activities (the bot's, never masked), all in one grouped insert. A slot that
   * another instance took meanwhile is appended anew under the next free id. Returns the ids stored.
   */
  async writeReserved(conversationId: string, reserved: ReservedActivity[]): Promise<string[]> {
    const createdAt = new Date();
    const data = reserved.map(({ activity }) => JSON.stringify(activity));
    const outcomes = await Promise.allSettled(
      reserved.map(({ seq }, i) => this.inserts.insertOne({ conversationId, seq, data: data[i], createdAt })),
    );
    const ids: string[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') {
        this.recent.written(conversationId, reserved[i].seq, data[i]);
        ids.push(reserved[i].activity.id!);
        continue;
      }
      this.known.forget(conversationId);
      this.recent.forget(conversationId);
      if ((outcome.reason as { code?: number }).code !== 11000) throw outcome.reason;
      const { id: _taken, ...activity } = reserved[i].activity;
      void _taken;
      ids.push((await this.append(conversationId, activity)).id!);
    }
    return ids;
  }

  /** The next sequence number of the conversation; throws when the conversation does not exist. */
  private async allocate(conversationId: string): Promise<number> {
    const fresh = this.known.fresh(conversationId);
    if (fresh) return fresh.next++;
    const needsEnd = this.known.get(conversationId) === undefined;
    const [touched, last] = await Promise.all([
      this.conversations.updateOne({ _id: conversationId }, { $set: { updatedAt: new Date() } }),
      needsEnd
        ? this.activities.findOne({ conversationId }, { seq: 1 }).sort({ seq: -1 }).lean<{ seq: number }>()
        : undefined,
    ]);
    if (touched.matchedCount === 0) {
      this.known.forget(conversationId);
      throw new Error(`Direct Line conversation ${conversationId} does not exist`);
    }
    return this.known.confirm(conversationId, (last?.seq ?? 0) + 1).next++;
  }

  /** The id of the customer's activity stored under this client key, if one was. */
  async findByClientKey(conversationId: string, clientKey: string): Promise<string | undefined> {
    const doc = await this.activities.findOne({ conversationId, clientKey }, { seq: 1 }).lean<{ seq: number }>();
    return doc ? activityId(conversationId, doc.seq) : undefined;
  }

  /**
   * Activities after the watermark, in order. Stops before a slot that is allocated but not yet
   * written (a concurrent append), so a client never skips past it; a long-dead slot is skipped.
   */
  async list(
    conversationId: string,
    watermark: number,
  ): Promise<{ activities: Partial<Activity>[]; watermark: number }> {
    const recent = this.recent.after(conversationId, watermark);
    if (recent)
      return {
        activities: recent.data.filter((d) => d !== null).map((d) => JSON.parse(d) as Partial<Activity>),
        watermark: recent.watermark,
      };
    const filter = { conversationId, seq: { $gt: watermark } };
    const raw = this.driver.get();
    const docs = raw
      ? await raw.find(filter, { sort: { seq: 1 }, limit: PAGE_SIZE }).toArray()
      : await this.activities.find(filter).sort({ seq: 1 }).limit(PAGE_SIZE).lean<ActivityDoc[]>();
    const activities: Partial<Activity>[] = [];
    let last = watermark;
    for (const doc of docs) {
      if (doc.seq !== last + 1 && Date.now() - doc.createdAt.getTime() < GAP_PATIENCE_MS) break;
      last = doc.seq;
      if (doc.data !== null) activities.push(JSON.parse(doc.data) as Partial<Activity>);
    }
    return { activities, watermark: last };
  }

  async replace(conversationId: string, activity: Partial<Activity>): Promise<boolean> {
    const seq = seqOf(conversationId, activity.id);
    if (seq === undefined) return false;
    this.recent.forget(conversationId);
    const result = await this.activities.updateOne(
      { conversationId, seq, data: { $ne: null } },
      { $set: { data: JSON.stringify(activity) } },
    );
    return result.matchedCount === 1;
  }

  /** Leaves a tombstone, so the sequence stays without gaps. */
  async remove(conversationId: string, id: string): Promise<void> {
    const seq = seqOf(conversationId, id);
    if (seq === undefined) return;
    this.recent.forget(conversationId);
    await this.activities.updateOne({ conversationId, seq }, { $set: { data: null } });
  }
}
