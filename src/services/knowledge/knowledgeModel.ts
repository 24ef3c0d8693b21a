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
}

export type KnowledgeEntryDoc = KnowledgeEntryInput & { _id: Types.ObjectId; createdAt?: Date; updatedAt?: Date };

const schema = new Schema<KnowledgeEntryDoc>(
  {
    key: String,
    questions: { de: { type: [String], default: [] }, en: { type: [String], default: [] } },
    answer: { de: { type: String, default: '' }, en: { type: String, default: '' } },
    category: { type: String, required: true },
    active: { type: Boolean, default: true },
  },
  { versionKey: false, collection: 'faqs', timestamps: true },
);
// Seeding from several instances at once must not duplicate a shipped entry.
schema.index({ key: 1 }, { unique: true, sparse: true });
schema.index({ category: 1, active: 1 });

export function knowledgeEntryModel(connection: Connection): Model<KnowledgeEntryDoc> {
  return (connection.models.KnowledgeEntry as Model<KnowledgeEntryDoc> | undefined) ?? connection.model<KnowledgeEntryDoc>('KnowledgeEntry', schema);
}
