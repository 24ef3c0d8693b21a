import { isDeepStrictEqual } from 'node:util';
import { Connection, Model, Types } from 'mongoose';
import type { Principal } from '../auth/roles';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import {
  CONTENT_KINDS,
  ContentKind,
  revisionModel,
  RevisionDoc,
  VersionAction,
  VersionDoc,
  versionModel,
} from './versionModel';
import { buildIndexes } from '../database/modelIndexes';

/** A version as the history API shows it. */
export interface VersionView {
  id: string;
  kind: ContentKind;
  target: string;
  seq: number;
  action: VersionAction;
  by: { id: string; name: string; role: string };
  at: string;
  before: unknown;
  after: unknown;
  rollbackOf?: string;
}

export interface RecordResult<T> {
  /** Undefined when the edit changed nothing (no version is written then). */
  version?: VersionView;
  value: T;
}

const ATTEMPTS = 8;

function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number })?.code === 11000;
}

export function toVersionView(doc: VersionDoc): VersionView {
  return {
    id: String(doc._id),
    kind: doc.kind,
    target: doc.target,
    seq: doc.seq,
    action: doc.action,
    by: { id: doc.by?.id ?? '', name: doc.by?.name ?? '', role: doc.by?.role ?? '' },
    at: new Date(doc.at).toISOString(),
    before: doc.before ?? null,
    after: doc.after ?? null,
    ...(doc.rollbackOf ? { rollbackOf: String(doc.rollbackOf) } : {}),
  };
}

/**
 * Versioned admin content. For menu, settings and translations the newest version of a
 * (kind, target) is the stored content; record() writes a change as one insert guarded by the
 * unique sequence, so concurrent edits are serialised without transactions. bump() tells the
 * other instances (they poll revision()) that something changed.
 */
export class ContentStore {
  private readonly versions: Model<VersionDoc>;
  private readonly revisions: Model<RevisionDoc>;

  constructor(connection: Connection) {
    this.versions = versionModel(connection);
    this.revisions = revisionModel(connection);
  }

  /** Builds the indexes; the unique sequence index is what serialises concurrent edits. */
  async init(): Promise<void> {
    await buildIndexes(this.versions);
  }

  async latest(kind: ContentKind, target: string): Promise<VersionDoc | null> {
    return this.versions.findOne({ kind, target }).sort({ seq: -1 }).lean<VersionDoc>().exec();
  }

  /** The stored content of (kind, target), or undefined while admins never changed it. */
  async current(kind: ContentKind, target: string): Promise<unknown | undefined> {
    const latest = await this.latest(kind, target);
    return latest ? latest.after : undefined;
  }

  /**
   * Writes a change: computes the new value from the current one (throwing ValidationError keeps
   * everything as it was), inserts the version and bumps the revision. Retries when another
   * instance wrote the same (kind, target) in between.
   */
  async record<T>(
    kind: ContentKind,
    target: string,
    by: Principal,
    initial: () => T,
    compute: (before: T) => T | Promise<T>,
    options: { action?: VersionAction; rollbackOf?: string } = {},
  ): Promise<RecordResult<T>> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const latest = await this.latest(kind, target);
      const before = latest ? (latest.after as T) : initial();
      const after = await compute(structuredClone(before));
      if (isDeepStrictEqual(before, after)) return { value: after };
      try {
        const version = await this.insert(
          kind,
          target,
          (latest?.seq ?? 0) + 1,
          by,
          before,
          after,
          options.action ?? 'update',
          options.rollbackOf,
        );
        // The change is saved; a missed bump only delays other instances until their periodic full reload.
        await this.bump(kind).catch(() => undefined);
        return { version, value: after };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    throw new ConflictError(`${kind} ${target} is being changed by someone else right now; please retry`);
  }

  /** Appends a version whose content lives elsewhere (knowledge-base entries); retries on a sequence clash. */
  async append(
    kind: ContentKind,
    target: string,
    by: Principal,
    before: unknown,
    after: unknown,
    action: VersionAction,
    rollbackOf?: string,
  ): Promise<VersionView> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const latest = await this.latest(kind, target);
      try {
        return await this.insert(kind, target, (latest?.seq ?? 0) + 1, by, before, after, action, rollbackOf);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    throw new ConflictError(`${kind} ${target} is being changed by someone else right now; please retry`);
  }

  async remove(id: string): Promise<void> {
    await this.versions.deleteOne({ _id: new Types.ObjectId(id) });
  }

  async history(filter: { kind?: ContentKind; target?: string; limit?: number }): Promise<VersionView[]> {
    const query: Record<string, string> = {};
    if (filter.kind) query.kind = filter.kind;
    if (filter.target) query.target = filter.target;
    const docs = await this.versions
      .find(query)
      .sort({ at: -1, _id: -1 })
      .limit(Math.min(Math.max(filter.limit ?? 50, 1), 500))
      .lean<VersionDoc[]>()
      .exec();
    return docs.map(toVersionView);
  }

  async version(id: string): Promise<VersionView> {
    if (!Types.ObjectId.isValid(id) || !/^[0-9a-f]{24}$/i.test(id)) throw new NotFoundError('version', id);
    const doc = await this.versions.findById(id).lean<VersionDoc>().exec();
    if (!doc) throw new NotFoundError('version', id);
    return toVersionView(doc);
  }

  /** Tells every instance that content of this kind changed. */
  async bump(kind: ContentKind): Promise<RevisionDoc> {
    const doc = await this.revisions
      .findOneAndUpdate(
        { _id: 'content' },
        { $inc: { revision: 1, [`kinds.${kind}`]: 1 } },
        { upsert: true, new: true },
      )
      .lean<RevisionDoc>()
      .exec();
    return doc as RevisionDoc;
  }

  async revision(): Promise<RevisionDoc | null> {
    return this.revisions.findById('content').lean<RevisionDoc>().exec();
  }

  private async insert(
    kind: ContentKind,
    target: string,
    seq: number,
    by: Principal,
    before: unknown,
    after: unknown,
    action: VersionAction,
    rollbackOf?: string,
  ): Promise<VersionView> {
    const doc = await this.versions.create({
      kind,
      target,
      seq,
      action,
      by: { id: by.id, name: by.name, role: by.role },
      at: new Date(),
      before: before ?? null,
      after: after ?? null,
      ...(rollbackOf ? { rollbackOf: new Types.ObjectId(rollbackOf) } : {}),
    });
    return toVersionView(doc.toObject() as VersionDoc);
  }
}

export function requireKind(value: unknown): ContentKind | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !(CONTENT_KINDS as readonly string[]).includes(value)) {
    throw new ValidationError('kind', `must be one of ${CONTENT_KINDS.join(', ')}`);
  }
  return value as ContentKind;
}
