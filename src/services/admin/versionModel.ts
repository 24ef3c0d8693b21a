/**
 * Admin content history in MongoDB. Every change is one document in "adminversions"; for the
 * menu, the settings and the translations of a language the newest version *is* the content, so
 * a change is a single atomic insert. The unique (kind, target, seq) index lets exactly one of
 * two concurrent edits of the same thing win; the loser re-reads and retries. "adminrevisions"
 * holds one counter that every change bumps, which the instances poll to reload.
 */
import { Connection, Model, Schema, Types } from 'mongoose';
import type { Role } from '../auth/roles';

export const CONTENT_KINDS = ['menu', 'settings', 'translations', 'faq'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
export type VersionAction = 'update' | 'create' | 'delete' | 'rollback';

export interface VersionDoc {
  _id: Types.ObjectId;
  kind: ContentKind;
  /** "main" for menu and settings, the language for translations, the entry id for faq. */
  target: string;
  seq: number;
  action: VersionAction;
  by: { id: string; name: string; role: Role };
  at: Date;
  /** The full content before and after (null: did not exist / deleted). */
  before: unknown;
  after: unknown;
  rollbackOf?: Types.ObjectId;
}

const versionSchema = new Schema<VersionDoc>(
  {
    kind: { type: String, required: true, enum: CONTENT_KINDS },
    target: { type: String, required: true },
    seq: { type: Number, required: true },
    action: { type: String, required: true },
    by: { id: String, name: String, role: String },
    at: { type: Date, required: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
    rollbackOf: { type: Schema.Types.ObjectId, required: false },
  },
  { versionKey: false, collection: 'adminversions', minimize: false },
);
versionSchema.index({ kind: 1, target: 1, seq: 1 }, { unique: true });
versionSchema.index({ kind: 1, at: -1 });

export interface RevisionDoc {
  _id: string;
  revision: number;
  kinds: Partial<Record<ContentKind, number>>;
}

const revisionSchema = new Schema<RevisionDoc>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, default: 0 },
    kinds: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, collection: 'adminrevisions', minimize: false },
);

export function versionModel(connection: Connection): Model<VersionDoc> {
  return (
    (connection.models.AdminVersion as Model<VersionDoc> | undefined) ??
    connection.model<VersionDoc>('AdminVersion', versionSchema)
  );
}

export function revisionModel(connection: Connection): Model<RevisionDoc> {
  return (
    (connection.models.AdminRevision as Model<RevisionDoc> | undefined) ??
    connection.model<RevisionDoc>('AdminRevision', revisionSchema)
  );
}
