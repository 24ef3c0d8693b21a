import type { Model } from 'mongoose';
import type { Logger } from '../logger';
import { contentHash, PackEntry } from './contentPack';
import type { KnowledgeEntryDoc, KnowledgePackStateDoc } from './knowledgeModel';
import { buildIndexes } from '../database/modelIndexes';

export interface PackSyncResult {
  inserted: number;
  updated: number;
  retired: number;
}

type StoredEntry = Pick<
  KnowledgeEntryDoc,
  '_id' | 'key' | 'category' | 'questions' | 'answer' | 'active' | 'packHash' | 'createdAt' | 'updatedAt'
>;

const STATE_ID = 'shipped';

function hashOf(doc: StoredEntry): string {
  return contentHash({
    category: doc.category,
    questions: { de: doc.questions?.de ?? [], en: doc.questions?.en ?? [] },
    answer: { de: doc.answer?.de ?? '', en: doc.answer?.en ?? '' },
    active: doc.active !== false,
  });
}

/**
 * Whether a stored shipped entry is still exactly as shipped. Pack entries carry the hash of their
 * shipped text; entries of the older built-in seed carry none, but no admin edit has touched them
 * while their creation and update times are equal.
 */
function untouched(doc: StoredEntry): boolean {
  if (doc.packHash) return hashOf(doc) === doc.packHash;
  return (
    doc.createdAt !== undefined &&
    doc.updatedAt !== undefined &&
    new Date(doc.createdAt).getTime() === new Date(doc.updatedAt).getTime()
  );
}

function isDuplicateKeyOnly(err: unknown): boolean {
  const writeErrors = (err as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors ?? [];
  if (writeErrors.length === 0) return (err as { code?: number }).code === 11000;
  return writeErrors.every((e) => (e.code ?? e.err?.code) === 11000);
}

/**
 * Brings the stored knowledge base in step with the shipped pack, by key, without ever losing an
 * admin's work:
 * - a pack entry whose key is not stored is added, unless it was seeded before (an admin deleted it);
 * - a stored entry still exactly as shipped is replaced by a newer pack text; an edited one is kept;
 * - a shipped entry that is no longer in the pack is deactivated if untouched, kept otherwise.
 * Safe on several instances at once: the unique key index turns away a second copy.
 */
export async function syncKnowledgePack(
  entries: Model<KnowledgeEntryDoc>,
  state: Model<KnowledgePackStateDoc>,
  pack: readonly PackEntry[],
  logger: Logger,
): Promise<PackSyncResult> {
  await buildIndexes(entries);
  const stored = await entries
    .find(
      { key: { $exists: true, $ne: null } },
      { key: 1, category: 1, questions: 1, answer: 1, active: 1, packHash: 1, createdAt: 1, updatedAt: 1 },
    )
    .lean<StoredEntry[]>()
    .exec();
  const byKey = new Map(stored.filter((d) => d.key).map((d) => [d.key as string, d]));
  const seededBefore = new Set((await state.findById(STATE_ID).lean<KnowledgePackStateDoc>().exec())?.keys ?? []);
  const packIds = new Set(pack.map((e) => e.id));
  const result: PackSyncResult = { inserted: 0, updated: 0, retired: 0 };

  const missing = [];
  for (const entry of pack) {
    const shipped = {
      key: entry.id,
      category: entry.category,
      questions: entry.questions,
      answer: entry.answer,
      active: true,
    };
    const packHash = contentHash(shipped);
    const doc = byKey.get(entry.id);
    if (!doc) {
      if (!seededBefore.has(entry.id)) missing.push({ ...shipped, packHash });
      continue;
    }
    if (doc.packHash !== packHash && untouched(doc)) {
      // Compare-and-set on updatedAt: an admin saving at this moment wins.
      const res = await entries
        .updateOne({ _id: doc._id, updatedAt: doc.updatedAt }, { $set: { ...shipped, packHash } })
        .exec();
      result.updated += res.modifiedCount;
    }
  }
  if (missing.length > 0) {
    result.inserted = missing.length;
    try {
      await entries.insertMany(missing, { ordered: false });
    } catch (err) {
      // Another instance seeded the same keys at the same moment.
      if (!isDuplicateKeyOnly(err)) throw err;
      const writeErrors = (err as { writeErrors?: unknown[] }).writeErrors ?? [];
      result.inserted -= Math.max(writeErrors.length, 1);
    }
  }
  for (const doc of stored) {
    if (!doc.key || packIds.has(doc.key) || doc.active === false || !untouched(doc)) continue;
    // Not shipped any more and nobody changed it: off, but kept, so an admin can bring it back.
    const res = await entries
      .updateOne({ _id: doc._id, updatedAt: doc.updatedAt }, { $set: { active: false } }, { timestamps: false })
      .exec();
    result.retired += res.modifiedCount;
  }
  if (pack.length > 0)
    await state.updateOne({ _id: STATE_ID }, { $addToSet: { keys: { $each: [...packIds] } } }, { upsert: true }).exec();
  logger.info({ ...result, packEntries: pack.length }, 'knowledge pack synchronised');
  return result;
}
