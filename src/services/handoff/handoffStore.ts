/**
 * The queue's records in MongoDB. Every status change goes through transition(): one atomic
 * findOneAndUpdate filtered on the statuses it may start from, so any number of instances can
 * share one database and exactly one caller wins each change.
 */
import { Connection, Model, mongo, Types } from 'mongoose';
import { GroupedWrites } from '../database/groupedWrites';
import { DriverCollection } from '../state/driverCollection';
import { HandoffNotFoundError } from './errors';
import { auditWithMessages, HandoffMessages, toEntry } from './handoffMessages';
import {
  ACTIVE_STATUSES,
  Actor,
  AuditEntry,
  HandoffDoc,
  handoffModel,
  HandoffRecord,
  HandoffStatus,
} from './handoffModel';

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'lotse', name: 'Lotse' };
export const CUSTOMER_ACTOR: Actor = { kind: 'customer', id: 'customer', name: 'Kunde' };
/** The long arrays, left out wherever only the head of a record is needed. */
export const WITHOUT_ARRAYS = { transcript: 0, messages: 0, notes: 0, audit: 0 } as const;

export function toObjectId(id: string): Types.ObjectId {
  if (typeof id !== 'string' || !/^[a-f0-9]{24}$/i.test(id)) throw new HandoffNotFoundError(String(id).slice(0, 64));
  return new Types.ObjectId(id);
}

export function auditEntry(by: Actor, action: AuditEntry['action'], at: Date, detail?: string): AuditEntry {
  return detail === undefined ? { at, by, action } : { at, by, action, detail };
}

export function toRecord(doc: HandoffDoc): HandoffRecord {
  const { _id, activeKey: _activeKey, ...rest } = doc as HandoffDoc & { activeKey?: string };
  void _activeKey;
  return {
    ...rest,
    id: String(_id),
    transcript: rest.transcript ?? [],
    messages: rest.messages ?? [],
    notes: rest.notes ?? [],
    previousAgents: rest.previousAgents ?? [],
    audit: rest.audit ?? [],
  } as HandoffRecord;
}

/** One change of a handoff's status (or of its mode within a status), with its audit entry. */
export interface Transition {
  from: HandoffStatus | readonly HandoffStatus[];
  to: HandoffStatus;
  audit: AuditEntry;
  /** Further conditions, e.g. the agent who must still hold it. */
  where?: Record<string, unknown>;
  set?: Record<string, unknown>;
  unset?: string[];
  /** Further $push values besides the audit entry. */
  push?: Record<string, unknown>;
}

/** Any other change of a record that must happen only in certain statuses (messages, notes, survey). */
export interface Change {
  where: Record<string, unknown>;
  set?: Record<string, unknown>;
  unset?: string[];
  push?: Record<string, unknown>;
  audit?: AuditEntry | AuditEntry[];
}

export class HandoffStore {
  readonly model: Model<HandoffDoc>;
  /** The lines of the conversation after the handoff, one document each. */
  readonly messages: HandoffMessages;
  /** For what every waiting customer's turn does (find the record, touch it): the driver, without mongoose's per-query cost. */
  readonly driver: DriverCollection<HandoffDoc>;

  /** Stamps of many records (an agent's line), several in one command under load. */
  private readonly stamps: GroupedWrites<HandoffDoc>;

  constructor(connection: Connection) {
    this.model = handoffModel(connection);
    this.messages = new HandoffMessages(connection);
    this.driver = new DriverCollection(connection, this.model);
    this.stamps = new GroupedWrites(connection, this.model);
  }

  /** The newest record's head matching the filter (transcript, messages, notes, audit left out). */
  async newestHead(filter: Record<string, unknown>): Promise<HandoffRecord | undefined> {
    const raw = this.driver.get();
    const doc = raw
      ? await raw.findOne(filter as mongo.Filter<HandoffDoc>, { projection: WITHOUT_ARRAYS, sort: { createdAt: -1 } })
      : await this.model.findOne(filter, WITHOUT_ARRAYS).sort({ createdAt: -1 }).lean();
    return doc ? toRecord(doc) : undefined;
  }

  /** The whole record: with every line of the conversation and the audit entries of the lines. */
  async get(id: string): Promise<HandoffRecord> {
    const [doc, lines] = await Promise.all([this.model.findById(toObjectId(id)).lean(), this.messages.list(id)]);
    if (!doc) throw new HandoffNotFoundError(id);
    const record = toRecord(doc);
    if (lines.length === 0) return record;
    return {
      ...record,
      // Lines of records written before the lines had their own collection come first.
      messages: [...record.messages, ...lines.map(toEntry)],
      audit: auditWithMessages(record.audit, lines, CUSTOMER_ACTOR),
    };
  }

  /** The record without its long arrays (transcript, messages, notes, audit come back empty). */
  async head(id: string): Promise<HandoffRecord> {
    const _id = toObjectId(id);
    const raw = this.driver.get();
    const doc = raw
      ? await raw.findOne({ _id } as mongo.Filter<HandoffDoc>, { projection: WITHOUT_ARRAYS })
      : await this.model.findById(_id, WITHOUT_ARRAYS).lean();
    if (!doc) throw new HandoffNotFoundError(id);
    return toRecord(doc);
  }

  /** Sets updatedAt (the record changed without a status change, e.g. an agent's line); nothing read back. */
  async stamp(id: string, at: Date): Promise<void> {
    await this.stamps.updateOne({ _id: toObjectId(id) } as mongo.Filter<HandoffDoc>, { $set: { updatedAt: at } });
  }

  /**
   * Sets updatedAt where `where` still matches; false where it does not (or the record is gone).
   * Nothing is read: an agent's reply checks with it that the handoff is still theirs.
   */
  async stampWhere(id: string, where: Record<string, unknown>, at: Date): Promise<boolean> {
    const filter = { _id: toObjectId(id), ...where };
    const update = { $set: { updatedAt: at } };
    const raw = this.driver.get();
    const result = raw
      ? await raw.updateOne(filter as mongo.Filter<HandoffDoc>, update)
      : await this.model.updateOne(filter, update);
    return result.matchedCount === 1;
  }

  /**
   * Sets fields (and updatedAt) and adds to counters (`inc`) where `where` still matches and
   * returns the record's head; undefined when it no longer matches. Nothing long is read back.
   */
  async touch(
    id: string,
    where: Record<string, unknown>,
    set: Record<string, unknown>,
    now: Date,
    inc?: Record<string, number>,
  ): Promise<HandoffRecord | undefined> {
    const filter = { _id: toObjectId(id), ...where };
    const update = { $set: { ...set, updatedAt: now }, ...(inc ? { $inc: inc } : {}) };
    const raw = this.driver.get();
    const doc = raw
      ? await raw.findOneAndUpdate(filter as mongo.Filter<HandoffDoc>, update, {
          returnDocument: 'after',
          projection: WITHOUT_ARRAYS,
        })
      : await this.model
          .findOneAndUpdate(filter, update, { returnDocument: 'after', projection: WITHOUT_ARRAYS })
          .lean();
    return doc ? toRecord(doc) : undefined;
  }

  /**
   * Sets fields (and updatedAt) and adds to counters (`inc`) on the conversation's active record
   * (queued or assigned: the one that holds its activeKey) and returns its head as it was before
   * the change, in one command that the unique index answers; undefined when none is active.
   */
  async touchActive(
    conversationKey: string,
    set: Record<string, unknown>,
    now: Date,
    inc?: Record<string, number>,
  ): Promise<HandoffRecord | undefined> {
    const filter = { activeKey: conversationKey };
    const update = { $set: { ...set, updatedAt: now }, ...(inc ? { $inc: inc } : {}) };
    const options = { returnDocument: 'before', projection: WITHOUT_ARRAYS } as const;
    const raw = this.driver.get();
    const doc = raw
      ? await raw.findOneAndUpdate(filter as mongo.Filter<HandoffDoc>, update, options)
      : await this.model.findOneAndUpdate(filter, update, options).lean();
    return doc ? toRecord(doc) : undefined;
  }

  async findActive(conversationKey: string): Promise<HandoffRecord | undefined> {
    const raw = this.driver.get();
    const doc = raw
      ? await raw.findOne({ activeKey: conversationKey } as mongo.Filter<HandoffDoc>)
      : await this.model.findOne({ activeKey: conversationKey }).lean();
    return doc ? toRecord(doc) : undefined;
  }

  /** The id of a record still to be inserted (its ticket is worked out before the insert). */
  newId(): Types.ObjectId {
    return new Types.ObjectId();
  }

  /**
   * Inserts a new handoff as it is (the caller built it whole; nothing undefined is stored), with
   * the id it carries or a new one; undefined when the conversation has an active one already (the
   * unique index on activeKey).
   */
  async insert(fields: Omit<HandoffDoc, '_id'> & { _id?: Types.ObjectId }): Promise<HandoffRecord | undefined> {
    const doc: HandoffDoc = { ...fields, _id: fields._id ?? this.newId() };
    try {
      const raw = this.driver.get();
      if (raw) await raw.insertOne(doc, { ignoreUndefined: true });
      else await this.model.create(doc);
      return toRecord(doc);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return undefined;
      throw err;
    }
  }

  /**
   * The one way a status changes. Leaving the active statuses frees the conversation (activeKey)
   * and stops queue updates; being claimed stops them too. Undefined when the record was not in
   * a `from` status (or `where` did not match): somebody else changed it first.
   */
  async transition(id: string, change: Transition, now: Date): Promise<HandoffRecord | undefined> {
    const from = typeof change.from === 'string' ? [change.from] : [...change.from];
    const leaving = !ACTIVE_STATUSES.includes(change.to);
    const set: Record<string, unknown> = { ...change.set, status: change.to, updatedAt: now };
    if (leaving) set.closedAt = now;
    const unset = new Set(change.unset ?? []);
    if (leaving) ['activeKey', 'nextUpdateAt'].forEach((f) => unset.add(f));
    if (change.to === 'assigned') unset.add('nextUpdateAt');
    const update: Record<string, unknown> = { $set: set, $push: { ...change.push, audit: change.audit } };
    if (unset.size) update.$unset = Object.fromEntries([...unset].map((f) => [f, 1]));
    const doc = await this.model
      .findOneAndUpdate({ _id: toObjectId(id), status: { $in: from }, ...change.where }, update, {
        returnDocument: 'after',
      })
      .lean();
    return doc ? toRecord(doc) : undefined;
  }

  /** A change that is not a status change; undefined when `where` no longer matches. */
  async change(id: string, change: Change, now: Date): Promise<HandoffRecord | undefined> {
    const update: Record<string, unknown> = { $set: { ...change.set, updatedAt: now } };
    const audits = change.audit === undefined ? [] : Array.isArray(change.audit) ? change.audit : [change.audit];
    const push: Record<string, unknown> = { ...change.push };
    if (audits.length) push.audit = { $each: audits };
    if (Object.keys(push).length) update.$push = push;
    if (change.unset?.length) update.$unset = Object.fromEntries(change.unset.map((f) => [f, 1]));
    const doc = await this.model
      .findOneAndUpdate({ _id: toObjectId(id), ...change.where }, update, { returnDocument: 'after' })
      .lean();
    return doc ? toRecord(doc) : undefined;
  }
}
