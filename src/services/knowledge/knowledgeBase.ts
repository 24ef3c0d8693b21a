import type { Connection, Model } from 'mongoose';
import type { Logger } from '../logger';
import { KnowledgeMatcher } from './knowledgeMatcher';
import { KnowledgeEntryDoc, knowledgeEntryModel } from './knowledgeModel';
import { SEED_ENTRIES } from './seedEntries';

export interface KnowledgeAnswer {
  id: string;
  key?: string;
  category: string;
  /** The answer in the asked language (German when the English one is missing). */
  text: string;
  /** Short display question in the asked language (its first phrasing), for "Meinten Sie …" buttons. */
  title: string;
  score: number;
  /** True when the answer is German although English was asked (the dialog adds a one-line note). */
  fallbackLanguage?: boolean;
}

/** The outcome of searching the knowledge base with a customer's message. */
export interface KnowledgeSearch {
  best?: KnowledgeAnswer;
  /** The best hit is good enough to answer straight away. */
  confident: boolean;
  /** Two or three plausible entries when not confident ("Meinten Sie …"), best first; empty when nothing fits. */
  alternatives: KnowledgeAnswer[];
}

/** Score at or above which the best hit answers at once, and the lead it needs over the runner-up. */
const CONFIDENT_SCORE = 0.62;
const CONFIDENT_MARGIN = 0.08;
/** Below this an entry is not even offered as an alternative. */
const ALTERNATIVE_SCORE = 0.4;

interface LoadedEntry {
  id: string;
  key?: string;
  category: string;
  questions: { de: string[]; en: string[] };
  answer: { de: string; en: string };
}

/**
 * Routine answers from the knowledge base in MongoDB. Active entries are loaded into an in-memory
 * matcher; reload() (alias retrain()) rebuilds it at once after an admin edit on this instance, and
 * every instance also reloads by itself when its copy is older than refreshMs, so edits made
 * through another instance go live there too.
 */
export class KnowledgeBase {
  private readonly model: Model<KnowledgeEntryDoc>;
  private matcher = new KnowledgeMatcher([]);
  private byId = new Map<string, LoadedEntry>();
  private byKey = new Map<string, LoadedEntry>();
  private loadedAt = 0;
  private loading?: Promise<void>;

  constructor(
    connection: Connection,
    private readonly logger: Logger,
    private readonly options: { refreshMs?: number; minScore?: number } = {},
  ) {
    this.model = knowledgeEntryModel(connection);
  }

  /** Inserts the shipped entries when the knowledge base is empty; safe to run on every instance at once. */
  async seedIfEmpty(): Promise<number> {
    // Index builds first: the unique key index is what keeps concurrent seeding from duplicating.
    await this.model.init();
    if ((await this.model.estimatedDocumentCount()) > 0) return 0;
    let inserted = SEED_ENTRIES.length;
    try {
      await this.model.insertMany(SEED_ENTRIES, { ordered: false });
    } catch (err) {
      // Another instance seeded at the same moment: the unique key index turned our copies away.
      const writeErrors = (err as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors ?? [];
      const duplicates = writeErrors.filter((e) => (e.code ?? e.err?.code) === 11000).length;
      if ((err as { code?: number }).code !== 11000 && (writeErrors.length === 0 || duplicates !== writeErrors.length)) throw err;
      inserted -= Math.max(duplicates, 1);
    }
    this.logger.info({ inserted }, 'knowledge base seeded');
    await this.reload();
    return inserted;
  }

  /** Rebuilds the matcher from the active entries in MongoDB. */
  async reload(): Promise<void> {
    const docs = await this.model.find({ active: true }).lean<KnowledgeEntryDoc[]>().exec();
    const entries: LoadedEntry[] = docs.map((d) => ({
      id: String(d._id),
      key: d.key ?? undefined,
      category: d.category,
      questions: { de: d.questions?.de ?? [], en: d.questions?.en ?? [] },
      answer: { de: d.answer?.de ?? '', en: d.answer?.en ?? '' },
    }));
    this.matcher = new KnowledgeMatcher(entries);
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.byKey = new Map(entries.filter((e) => e.key).map((e) => [e.key as string, e]));
    this.loadedAt = Date.now();
  }

  /** Same as reload(): the matcher is rebuilt from the stored questions. */
  retrain(): Promise<void> {
    return this.reload();
  }

  /** The best answer to a free-text question, or undefined when nothing fits well enough. */
  async answer(text: string, lang: 'de' | 'en', options: { preferCategory?: string; minScore?: number } = {}): Promise<KnowledgeAnswer | undefined> {
    await this.fresh();
    const [best] = this.matcher.match(text, { minScore: options.minScore ?? this.options.minScore, preferCategory: options.preferCategory, limit: 1 });
    if (!best) return undefined;
    const entry = this.byId.get(best.id);
    return entry ? this.toAnswer(entry, lang, best.score) : undefined;
  }

  /**
   * Searches every active entry: confident when the best hit is strong and clearly ahead of the
   * next one; otherwise up to three plausible entries to offer as choices.
   */
  async search(text: string, lang: 'de' | 'en'): Promise<KnowledgeSearch> {
    await this.fresh();
    const hits = this.matcher.match(text, { minScore: ALTERNATIVE_SCORE, limit: 3 });
    const answers = hits.flatMap((hit) => {
      const entry = this.byId.get(hit.id);
      return entry ? [this.toAnswer(entry, lang, hit.score)] : [];
    });
    const [best, second] = answers;
    if (!best) return { confident: false, alternatives: [] };
    const confident = best.score >= CONFIDENT_SCORE && (!second || best.score - second.score >= CONFIDENT_MARGIN);
    return { best, confident, alternatives: confident ? [] : answers };
  }

  /** A shipped entry by its key or an entry by id (menu targets), if it is active. */
  async entry(keyOrId: string, lang: 'de' | 'en'): Promise<KnowledgeAnswer | undefined> {
    await this.fresh();
    const entry = this.byKey.get(keyOrId) ?? this.byId.get(keyOrId);
    return entry ? this.toAnswer(entry, lang, 1) : undefined;
  }

  private toAnswer(entry: LoadedEntry, lang: 'de' | 'en', score: number): KnowledgeAnswer {
    const english = lang === 'en' && entry.answer.en.trim() !== '';
    const text = english ? entry.answer.en : entry.answer.de || entry.answer.en;
    const title = (lang === 'en' ? entry.questions.en[0] : undefined) ?? entry.questions.de[0] ?? entry.questions.en[0] ?? '';
    const fallbackLanguage = lang === 'en' && !english && entry.answer.de !== '';
    return { id: entry.id, key: entry.key, category: entry.category, text, title, score, ...(fallbackLanguage ? { fallbackLanguage } : {}) };
  }

  private async fresh(): Promise<void> {
    if (this.loadedAt > 0 && Date.now() - this.loadedAt < (this.options.refreshMs ?? 60_000)) return;
    this.loading ??= this.reload().finally(() => {
      this.loading = undefined;
    });
    try {
      await this.loading;
    } catch (err) {
      // A stale matcher is better than none; the first load failing leaves the KB empty for this turn.
      this.logger.warn({ err: (err as Error).message }, 'knowledge base reload failed');
    }
  }
}
