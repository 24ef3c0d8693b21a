import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Connection } from 'mongoose';
import { botStateModel, HANDOFF_MARK_FIELD, StateDoc } from './botStateModel';
import { DriverCollection } from './driverCollection';
import { GroupCommit } from './groupCommit';
import { readJson, writeJson } from './stateJson';

/** Thrown when a write carries an eTag that no longer matches: someone else saved in between. */
export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(`State "${key}" was changed by another turn; the write was rejected`);
    this.name = 'StateConflictError';
  }
}

interface PendingRead {
  keys: string[];
  resolve(items: StoreItems): void;
  reject(err: unknown): void;
}

interface WriteError {
  index: number;
  code?: number;
}

interface PendingWrite {
  key: string;
  /** The eTag the turn read; undefined or "*": overwrite. */
  eTag?: string;
  doc: { data: string; eTag: string; updatedAt: Date };
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Bot Framework storage for conversation and user state in MongoDB. Honours eTags with one atomic
 * conditional update per key, so two instances can never silently overwrite each other.
 *
 * Every turn comes here twice (read, write), so it talks to the driver directly rather than through
 * mongoose queries, and it batches (GroupCommit): reads asked for while earlier ones run (the
 * conversation and user state of a turn, and those of other conversations' turns) go out as one
 * find, writes likewise as one unordered bulk write in which each key keeps its own eTag check.
 */
export class MongoStorage implements Storage {
  private readonly collection: DriverCollection<StateDoc>;
  private readonly reads = new GroupCommit<PendingRead>((batch) => this.flushReads(batch), 1);
  private readonly writes = new GroupCommit<PendingWrite>((batch) => this.flushWrites(batch), 1);

  constructor(connection: Connection) {
    this.collection = new DriverCollection(connection, botStateModel(connection));
  }

  read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return Promise.resolve({});
    return new Promise<StoreItems>((resolve, reject) => this.reads.add({ keys: keys.map(String), resolve, reject }));
  }

  private async flushReads(batch: PendingRead[]): Promise<void> {
    try {
      const filter = { _id: { $in: [...new Set(batch.flatMap((p) => p.keys))] } };
      const raw = this.collection.get();
      const docs: StateDoc[] = raw
        ? await raw.find(filter).toArray()
        : await this.collection.model.find(filter).lean<StateDoc[]>();
      const byKey = new Map(docs.map((d) => [d._id, d]));
      for (const p of batch) {
        const items: StoreItems = {};
        for (const key of p.keys) {
          const doc = byKey.get(key);
          if (!doc) continue;
          // A document holding only the handoff mark has no state yet, and so no eTag.
          const state = doc.data !== undefined ? (JSON.parse(doc.data) as Record<string, unknown>) : {};
          if (doc.data !== undefined) {
            readJson.set(state, doc.data);
            state.eTag = doc.eTag;
          }
          if (doc.handoffMark) state[HANDOFF_MARK_FIELD] = doc.handoffMark;
          items[key] = state;
        }
        p.resolve(items);
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeOne(key, item)));
  }

  private writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag, [HANDOFF_MARK_FIELD]: _mark, ...rest } = item ?? {};
    void _mark;
    const known = writeJson.get(item);
    writeJson.delete(item);
    const doc = { data: known ?? JSON.stringify(rest), eTag: randomUUID(), updatedAt: new Date() };
    const expected = eTag === undefined || eTag === null || eTag === '*' ? undefined : String(eTag);
    return new Promise<void>((resolve, reject) =>
      this.writes.add({ key: String(key), eTag: expected, doc, resolve, reject }),
    );
  }

  /**
   * One upsert per key, conditional on the eTag read: it updates the document that still has that
   * eTag, inserts one that never existed (a first write), and fails with a duplicate key where the
   * document moved on: a conflict. $set of these fields only, so a handoff mark stays as it is.
   */
  private async flushWrites(batch: PendingWrite[]): Promise<void> {
    const ops = batch.map((w) => ({
      updateOne: {
        filter: w.eTag === undefined ? { _id: w.key } : { _id: w.key, eTag: w.eTag },
        update: { $set: w.doc },
        upsert: true,
      },
    }));
    // What failed, by index in the batch; a failure that names no operation failed them all.
    const failed = new Map<number, unknown>();
    const raw = this.collection.get();
    try {
      if (raw && ops.length === 1)
        await raw.updateOne(ops[0].updateOne.filter, ops[0].updateOne.update, { upsert: true });
      else if (raw) await raw.bulkWrite(ops, { ordered: false });
      else await this.collection.model.bulkWrite(ops, { ordered: false });
    } catch (err) {
      const writeErrors = (err as { writeErrors?: WriteError[] | WriteError }).writeErrors;
      const named = writeErrors === undefined ? [] : Array.isArray(writeErrors) ? writeErrors : [writeErrors];
      if (named.length > 0) for (const e of named) failed.set(e.index, e.code === 11000 ? e : err);
      else if (ops.length === 1 && (err as { code?: number }).code === 11000) failed.set(0, err);
      else for (const i of batch.keys()) failed.set(i, err);
    }
    for (const [i, w] of batch.entries()) {
      const err = failed.get(i);
      if (err === undefined) w.resolve();
      // A duplicate key on a conditional upsert: the document exists with another eTag.
      else if (w.eTag !== undefined && (err as { code?: number }).code === 11000)
        w.reject(new StateConflictError(w.key));
      else w.reject(err);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const ids = keys.map(String);
    const collection = this.collection.get() ?? this.collection.model;
    // A conversation with an open handoff keeps its mark; only the state goes.
    await collection.deleteMany({ _id: { $in: ids }, handoffMark: { $exists: false } });
    await collection.updateMany(
      { _id: { $in: ids }, handoffMark: { $exists: true } },
      { $unset: { data: '', eTag: '' } },
    );
  }
}
