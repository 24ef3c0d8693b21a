import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Connection, Model } from 'mongoose';
import { Schema } from 'mongoose';

/** Thrown when a write carries an eTag that no longer matches: someone else saved in between. */
export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(`State "${key}" was changed by another turn; the write was rejected`);
    this.name = 'StateConflictError';
  }
}

interface StateDoc {
  _id: string;
  /** The state serialized as JSON, like botbuilder's MemoryStorage, so keys with "." or "$" are safe. */
  data: string;
  eTag: string;
  updatedAt: Date;
}

const stateSchema = new Schema<StateDoc>(
  {
    _id: { type: String, required: true },
    data: { type: String, required: true },
    eTag: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'botstate' },
);
stateSchema.index({ updatedAt: 1 });

/**
 * Bot Framework storage for conversation and user state in MongoDB. Honours eTags with one atomic
 * conditional update per key, so two instances can never silently overwrite each other.
 */
export class MongoStorage implements Storage {
  private readonly model: Model<StateDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.BotState ?? connection.model<StateDoc>('BotState', stateSchema);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const docs = await this.model.find({ _id: { $in: keys.map(String) } }).lean();
    const items: StoreItems = {};
    for (const doc of docs) {
      items[doc._id] = { ...JSON.parse(doc.data), eTag: doc.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeOne(key, item)));
  }

  private async writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag, ...rest } = item ?? {};
    const doc = { data: JSON.stringify(rest), eTag: randomUUID(), updatedAt: new Date() };
    if (eTag === undefined || eTag === '*' || eTag === null) {
      await this.model.updateOne({ _id: key }, { $set: doc }, { upsert: true });
      return;
    }
    const result = await this.model.updateOne({ _id: key, eTag: String(eTag) }, { $set: doc });
    if (result.matchedCount === 1) return;
    // No document with that eTag: either it never existed (a first write may insert) or it moved on.
    try {
      await this.model.create({ _id: key, ...doc });
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw new StateConflictError(key);
      throw err;
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.model.deleteMany({ _id: { $in: keys.map(String) } });
  }
}
