import type { mongo } from 'mongoose';
import { GroupCommit } from '../state/groupCommit';
import type { HandoffDoc } from './handoffModel';

interface PendingTouch {
  key: string;
  set: Record<string, unknown>;
  resolve(doc: HandoffDoc | undefined): void;
  reject(err: unknown): void;
}

/**
 * The touch every waiting customer's message makes on its conversation's active handoff (the
 * record holding the conversation's activeKey): fields set, the head returned as it was before.
 * Alone it is one findOneAndUpdate. Touches asked for while a batch runs go out together: one find
 * by their active keys, then one unordered update of the records found, so under load several
 * turns share two commands instead of one each. One batch runs at a time and the touches of one
 * conversation within a batch apply in the order asked (each caller sees the fields the one before
 * it set), so a conversation's touches never overtake each other. Between the find and the update
 * a record may end (claimed, resolved): the caller then has the head as it was before that change,
 * as if its single command had run first; the update's filter leaves an ended record alone.
 */
export class ActiveTouches {
  private readonly group = new GroupCommit<PendingTouch>((batch) => this.flush(batch), 1);

  constructor(
    private readonly collection: () => mongo.Collection<HandoffDoc>,
    /** What of a record is read back (its head: the long arrays left out). */
    private readonly projection: Record<string, 0>,
  ) {}

  touch(key: string, set: Record<string, unknown>): Promise<HandoffDoc | undefined> {
    return new Promise((resolve, reject) => this.group.add({ key, set, resolve, reject }));
  }

  private async flush(batch: PendingTouch[]): Promise<void> {
    try {
      const raw = this.collection();
      if (batch.length === 1) {
        const [only] = batch;
        only.resolve(
          (await raw.findOneAndUpdate(
            { activeKey: only.key } as mongo.Filter<HandoffDoc>,
            { $set: only.set },
            {
              returnDocument: 'before',
              projection: this.projection,
            },
          )) ?? undefined,
        );
        return;
      }
      const keys = [...new Set(batch.map((t) => t.key))];
      const found = await raw
        .find({ activeKey: { $in: keys } } as mongo.Filter<HandoffDoc>, { projection: this.projection })
        .toArray();
      // The record as each touch finds it: the one before it in this batch has changed it already.
      const current = new Map<string, HandoffDoc>();
      for (const doc of found) current.set((doc as HandoffDoc & { activeKey: string }).activeKey, doc);
      const before: (HandoffDoc | undefined)[] = [];
      const sets = new Map<string, Record<string, unknown>>();
      for (const touch of batch) {
        const doc = current.get(touch.key);
        before.push(doc);
        if (!doc) continue;
        current.set(touch.key, { ...doc, ...touch.set });
        sets.set(touch.key, { ...sets.get(touch.key), ...touch.set });
      }
      const ops = [...sets].map(([key, set]): mongo.AnyBulkWriteOperation<HandoffDoc> => ({
        updateOne: {
          filter: { _id: current.get(key)!._id, activeKey: key } as mongo.Filter<HandoffDoc>,
          update: { $set: set },
        },
      }));
      if (ops.length > 0) await raw.bulkWrite(ops, { ordered: false });
      for (const [i, touch] of batch.entries()) touch.resolve(before[i]);
    } catch (err) {
      for (const touch of batch) touch.reject(err);
    }
  }
}
