/**
 * Knowledge-base entries as stored in MongoDB (collection "faqs"), the shape the admin FAQ API
 * reads and writes.
 */
import { Connection, Model, Schema, Types } from 'mongoose';

export interface KnowledgeEntryInput {
  /** Stable name of a shipped entry ("billing.direct-debit"); absent for entries admins add. */
  key?: string;
  questions: { de: string[]; en: string[] };
  answer: { de: string; en: string };
  category: string;
  active: boolean;
  /**
   * contentHash of the shipped text when the entry came from the content pack: while the stored
   * entry still hashes to it, no admin has changed it and a newer pack may replace it.
   */
  packHash?: string;
}

export type KnowledgeEntryDoc = KnowledgeEntryInput & { _id: Types.ObjectId; createdAt?: Date; updatedAt?: Date };

const schema = new Schema<KnowledgeEntryDoc>(
  {
    key: String,
    questions: { de: { type: [String], default: [] }, en: { type: [String], default: [] } },
    answer: { de: { type: String, default: '' }, en: { type: String, default: '' } },
    category: { type: String, required: true },
    active: { type: Boolean, default: true },
    packHash: String,
  },
  { versionKey: false, collection: 'faqs', timestamps: true },
);
// Seeding from several instances at once must not duplicate a shipped entry.
schema.index({ key: 1 }, { unique: true, sparse: true });
schema.index({ category: 1, active: 1 });

export function knowledgeEntryModel(connection: Connection): Model<KnowledgeEntryDoc> {
  return (
    (connection.models.KnowledgeEntry as Model<KnowledgeEntryDoc> | undefined) ??
    connection.model<KnowledgeEntryDoc>('KnowledgeEntry', schema)
  );
}

/** Which pack ids were ever seeded, so an entry an admin deleted is not brought back at the next start. */
export interface KnowledgePackStateDoc {
  _id: string;
  keys: string[];
}

const packStateSchema = new Schema<KnowledgePackStateDoc>(
  { _id: String, keys: { type: [String], default: [] } },
  { versionKey: false, collection: 'knowledgepack' },
);

export function knowledgePackStateModel(connection: Connection): Model<KnowledgePackStateDoc> {
  return (
    (connection.models.KnowledgePackState as Model<KnowledgePackStateDoc> | undefined) ??
    connection.model<KnowledgePackStateDoc>('KnowledgePackState', packStateSchema)
  );
}
