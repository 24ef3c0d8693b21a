import type { Connection, Model, mongo } from 'mongoose';
import { DriverCollection } from '../state/driverCollection';
import { GroupCommit } from '../state/groupCommit';

interface PendingWrite<T extends mongo.Document> {
  op: mongo.AnyBulkWriteOperation<T>;
  resolve(): void;
  reject(err: unknown): void;
}

const MAX_BATCHES_IN_FLIGHT = 2;

interface WriteError {
  index: number;
  code?: number;
}

/**
 * Single-document writes of many conversations to one collection, sent together: writes asked for
 * while earlier ones run go out as one unordered bulk write (GroupCommit), so under load several
 * turns share one database command. Two batches may be in flight, so a write waits for at most
 * one running batch rather than queueing behind every other conversation's. Each caller learns its own outcome: a write that failed
 * (e.g. a duplicate key, code 11000) rejects with that write's error, the others resolve. Callers
 * await their write, so the order of one conversation's writes is the order it asked for them;
 * writes of different callers to the same document in one batch may apply in any order.
 */
export class GroupedWrites<T extends mongo.Document> {
  private readonly collection: DriverCollection<T>;
  private readonly group = new GroupCommit<PendingWrite<T>>((batch) => this.flush(batch), MAX_BATCHES_IN_FLIGHT);

  constructor(connection: Connection, model: Model<T>) {
    this.collection = new DriverCollection(connection, model);
  }

  write(op: mongo.AnyBulkWriteOperation<T>): Promise<void> {
    return new Promise<void>((resolve, reject) => this.group.add({ op, resolve, reject }));
  }

  insertOne(document: mongo.OptionalId<T>): Promise<void> {
    return this.write({ insertOne: { document } });
  }

  updateOne(filter: mongo.Filter<T>, update: mongo.UpdateFilter<T>, upsert = false): Promise<void> {
    return this.write({ updateOne: { filter, update, upsert } });
  }

  /** Resolves once every write asked for so far has landed or failed (shutdown). */
  drained(): Promise<void> {
    return this.group.drained();
  }

  private async flush(batch: PendingWrite<T>[]): Promise<void> {
    const failed = new Map<number, unknown>();
    try {
      const ops = batch.map((w) => w.op);
      const raw = this.collection.get();
      if (raw) await raw.bulkWrite(ops, { ordered: false });
      else await this.collection.model.bulkWrite(ops as never, { ordered: false });
    } catch (err) {
      // A bulk write names the writes that failed; an error that names none failed them all.
      const writeErrors = (err as { writeErrors?: WriteError[] | WriteError }).writeErrors;
      const named = writeErrors === undefined ? [] : Array.isArray(writeErrors) ? writeErrors : [writeErrors];
      if (named.length > 0) for (const e of named) failed.set(e.index, e);
      else for (const i of batch.keys()) failed.set(i, err);
    }
    for (const [i, w] of batch.entries()) {
      if (failed.has(i)) w.reject(failed.get(i));
      else w.resolve();
    }
  }
}
