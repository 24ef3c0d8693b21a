import { Model, Types } from 'mongoose';
import type { Connection } from 'mongoose';
import type { Principal } from '../auth/roles';
import { hasRole } from '../auth/roles';
import type { Menu } from '../content/types';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { KEY_ALIASES } from '../knowledge/keyAliases';
import { KnowledgeEntryDoc, knowledgeEntryModel } from '../knowledge/knowledgeModel';
import type { ContentStore, VersionView } from './contentStore';
import { AdminForbiddenError } from './errors';
import { FaqEntry, validateFaqEntry } from './validators/faq';
import type { FaqIndex } from './validators/menu';

/** An entry as the FAQ API returns it. */
export interface FaqView extends FaqEntry {
  id: string;
  /** Name of a shipped entry; dialogs and menu options may point at it. */
  key?: string;
  updatedAt?: string;
}

/** What a version of an entry stores: the entry without timestamps. */
export type FaqState = FaqEntry & { key?: string };

function toState(doc: KnowledgeEntryDoc): FaqState {
  return {
    ...(doc.key ? { key: doc.key } : {}),
    questions: { de: [...(doc.questions?.de ?? [])], en: [...(doc.questions?.en ?? [])] },
    answer: { de: doc.answer?.de ?? '', en: doc.answer?.en ?? '' },
    category: doc.category as FaqEntry['category'],
    active: doc.active !== false,
  };
}

function toView(doc: KnowledgeEntryDoc): FaqView {
  return {
    id: String(doc._id),
    ...toState(doc),
    ...(doc.updatedAt ? { updatedAt: new Date(doc.updatedAt).toISOString() } : {}),
  };
}

function objectId(id: string): Types.ObjectId {
  if (!/^[0-9a-f]{24}$/i.test(id)) throw new NotFoundError('knowledge-base entry', id);
  return new Types.ObjectId(id);
}

const ATTEMPTS = 5;

/**
 * Admin CRUD of the knowledge base (collection "faqs", the one KnowledgeBase reads). Each change
 * is a compare-and-set on the entry's updatedAt (two editors cannot overwrite each other
 * unnoticed) followed by its version; if the version cannot be written the entry is put back.
 * Supervisors may change answers only.
 */
export class FaqService {
  private readonly model: Model<KnowledgeEntryDoc>;

  constructor(
    connection: Connection,
    private readonly store: ContentStore,
    /** The menus in use, to refuse deleting or deactivating an entry a menu option points at. */
    private readonly menus: () => Promise<Record<string, Menu>>,
  ) {
    this.model = knowledgeEntryModel(connection);
  }

  async list(filter: { q?: string; category?: string; active?: boolean } = {}): Promise<FaqView[]> {
    const query: Record<string, unknown> = {};
    if (filter.category) query.category = filter.category;
    if (filter.active !== undefined) query.active = filter.active;
    const docs = await this.model.find(query).sort({ category: 1, key: 1, _id: 1 }).lean<KnowledgeEntryDoc[]>().exec();
    const views = docs.map(toView);
    const needle = filter.q?.trim().toLowerCase();
    if (!needle) return views;
    return views.filter((v) =>
      [v.key ?? '', ...v.questions.de, ...v.questions.en, v.answer.de, v.answer.en].some((s) =>
        s.toLowerCase().includes(needle),
      ),
    );
  }

  async get(id: string): Promise<FaqView> {
    const doc = await this.model.findById(objectId(id)).lean<KnowledgeEntryDoc>().exec();
    if (!doc) throw new NotFoundError('knowledge-base entry', id);
    return toView(doc);
  }

  /** Entry ids and shipped keys -> active, for checking menu targets. */
  async index(): Promise<FaqIndex> {
    const docs = await this.model
      .find({}, { key: 1, active: 1 })
      .lean<Pick<KnowledgeEntryDoc, '_id' | 'key' | 'active'>[]>()
      .exec();
    const out = new Map<string, { active: boolean }>();
    for (const d of docs) {
      out.set(String(d._id), { active: d.active !== false });
      if (d.key) out.set(d.key, { active: d.active !== false });
    }
    // A menu option may still name a former built-in entry; the knowledge base resolves it.
    for (const [alias, key] of Object.entries(KEY_ALIASES)) {
      const target = out.get(key);
      if (target && !out.get(alias)?.active) out.set(alias, target);
    }
    return out;
  }

  async create(input: unknown, by: Principal): Promise<{ entry: FaqView; version: VersionView }> {
    const entry = validateFaqEntry(input);
    const id = new Types.ObjectId();
    await this.model.create({ _id: id, ...entry });
    const version = await this.versionOrUndo(String(id), by, null, entry, 'create', undefined, () =>
      this.model.deleteOne({ _id: id }).exec(),
    );
    return { entry: await this.get(String(id)), version };
  }

  async update(id: string, input: unknown, by: Principal): Promise<{ entry: FaqView; version?: VersionView }> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const doc = await this.model.findById(objectId(id)).lean<KnowledgeEntryDoc>().exec();
      if (!doc) throw new NotFoundError('knowledge-base entry', id);
      const before = toState(doc);
      const next = validateFaqEntry(input, before);
      if (!hasRole(by, 'admin')) this.onlyAnswerChanged(before, next);
      if (before.active && !next.active) await this.refuseIfReferenced(id, before.key, 'active');
      const after: FaqState = { ...(before.key ? { key: before.key } : {}), ...next };
      if (JSON.stringify(after) === JSON.stringify(before)) return { entry: toView(doc) };
      const swapped = await this.model.updateOne({ _id: doc._id, updatedAt: doc.updatedAt }, { $set: next }).exec();
      if (swapped.matchedCount === 0) continue;
      const version = await this.versionOrUndo(id, by, before, after, 'update', undefined, () =>
        this.model.updateOne({ _id: doc._id }, { $set: before }).exec(),
      );
      return { entry: await this.get(id), version };
    }
    throw new ConflictError(`knowledge-base entry ${id} is being changed by someone else right now; please retry`);
  }

  async remove(id: string, by: Principal): Promise<VersionView> {
    const doc = await this.model.findById(objectId(id)).lean<KnowledgeEntryDoc>().exec();
    if (!doc) throw new NotFoundError('knowledge-base entry', id);
    await this.refuseIfReferenced(id, doc.key ?? undefined, 'id');
    const deleted = await this.model.deleteOne({ _id: doc._id, updatedAt: doc.updatedAt }).exec();
    if (deleted.deletedCount === 0)
      throw new ConflictError(`knowledge-base entry ${id} was changed meanwhile; please reload and retry`);
    const before = toState(doc);
    return this.versionOrUndo(id, by, before, null, 'delete', undefined, () =>
      this.model.create({ ...doc }).then(() => undefined),
    );
  }

  /** Puts an entry into a stored state (null: removed) as a rollback; validated like an edit. */
  async restore(id: string, state: unknown, by: Principal, rollbackOf: string): Promise<VersionView | undefined> {
    const _id = objectId(id);
    const doc = await this.model.findById(_id).lean<KnowledgeEntryDoc>().exec();
    const before = doc ? toState(doc) : null;
    if (state === null) {
      if (!doc) return undefined;
      await this.refuseIfReferenced(id, doc.key ?? undefined, 'id');
      await this.model.deleteOne({ _id }).exec();
      return this.versionOrUndo(id, by, before, null, 'rollback', rollbackOf, () =>
        this.model.create({ ...doc }).then(() => undefined),
      );
    }
    const next = validateFaqEntry(state);
    const key = (state as { key?: unknown }).key;
    const after: FaqState = { ...(typeof key === 'string' ? { key } : {}), ...next };
    if (JSON.stringify(after) === JSON.stringify(before)) return undefined;
    if (before?.active && !next.active) await this.refuseIfReferenced(id, before.key, 'active');
    if (doc) await this.model.updateOne({ _id }, { $set: next }).exec();
    else await this.model.create({ _id, ...after });
    const undo = () =>
      doc ? this.model.updateOne({ _id }, { $set: before as FaqState }).exec() : this.model.deleteOne({ _id }).exec();
    return this.versionOrUndo(id, by, before, after, 'rollback', rollbackOf, undo);
  }

  private onlyAnswerChanged(before: FaqEntry, next: FaqEntry): void {
    if (JSON.stringify(before.questions) !== JSON.stringify(next.questions))
      throw new AdminForbiddenError('questions', 'supervisors may change answers only');
    if (before.category !== next.category)
      throw new AdminForbiddenError('category', 'supervisors may change answers only');
    if (before.active !== next.active) throw new AdminForbiddenError('active', 'supervisors may change answers only');
  }

  private async refuseIfReferenced(id: string, key: string | undefined, field: string): Promise<void> {
    const menus = await this.menus();
    for (const menu of Object.values(menus)) {
      const index = menu.options.findIndex(
        (o) => o.target.kind === 'faq' && (o.target.faqId === id || (key !== undefined && o.target.faqId === key)),
      );
      if (index >= 0)
        throw new ValidationError(
          field,
          `the menu option menus.${menu.id}.options[${index}] ("${menu.options[index].label.de}") points to this entry; change the menu first`,
        );
    }
  }

  private async versionOrUndo(
    id: string,
    by: Principal,
    before: FaqState | null,
    after: FaqState | null,
    action: 'create' | 'update' | 'delete' | 'rollback',
    rollbackOf: string | undefined,
    undo: () => Promise<unknown>,
  ): Promise<VersionView> {
    let version: VersionView;
    try {
      version = await this.store.append('faq', id, by, before, after, action, rollbackOf);
    } catch (err) {
      // Without a version the change would be invisible in the history: take it back.
      await undo().catch(() => undefined);
      throw err;
    }
    // A missed bump only delays other instances until their periodic full reload.
    await this.store.bump('faq').catch(() => undefined);
    return version;
  }
}
