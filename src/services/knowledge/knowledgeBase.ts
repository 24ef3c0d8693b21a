import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection, Model } from 'mongoose';
import type { Logger } from '../logger';
import { DEFAULT_KNOWLEDGE_PACK_DIR, loadKnowledgePack, PackEntry } from './contentPack';
import { KEY_ALIASES } from './keyAliases';
import { loadKnowledgeExamples } from './knowledgeExamples';
import { KnowledgeMatch, KnowledgeMatcher } from './knowledgeMatcher';
import {
  KnowledgeEntryDoc,
  knowledgeEntryModel,
  KnowledgePackStateDoc,
  knowledgePackStateModel,
} from './knowledgeModel';
import { PackSyncResult, syncKnowledgePack } from './packSeeder';
import { decideSearch } from './searchDecision';
import type { SemanticRanker } from './semanticRanker';
import { preferRegion } from './regions';
import { refineWithModel } from './semanticDecision';
import { isBareName } from '../nlu/personName';

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
  /** The embedding model ranks the best entry first too (words and meaning agree). */
  confirmed?: boolean;
  /** The message asks about another trade's subject only: no entry, and no part of it, answers it. */
  offTopic?: true;
}

interface LoadedEntry {
  id: string;
  key?: string;
  category: string;
  questions: { de: string[]; en: string[] };
  answer: { de: string; en: string };
}

/** Tries of one seed before it fails, and the pause before the n-th retry (n times this). */
const SEED_ATTEMPTS = 4;
const SEED_RETRY_MS = 500;
/** After a failed seed, the first search this long after it seeds again. */
const RESEED_AFTER_MS = 10_000;

/** How old the in-memory copy may get before a search refreshes it in the background. */
const DEFAULT_REFRESH_MS = 10_000;

export interface KnowledgeBaseOptions {
  /** How old the in-memory copy may get before a read reloads it (LiveContent usually reloads sooner). */
  refreshMs?: number;
  /** After a failed seed, how long until a search seeds again (default RESEED_AFTER_MS). */
  reseedAfterMs?: number;
  minScore?: number;
  /** Folder of the content pack (default: content/knowledge of the repository). */
  packDir?: string;
  /** The pack itself, instead of reading packDir (tests). */
  pack?: readonly PackEntry[];
  /** Meaning-based ranking, consulted when the classical decision is not confident. */
  semantic?: SemanticRanker;
  /**
   * Customers' questions per entry key that the meaning-based ranking learns from (knowledgeExamples.ts);
   * by default the shipped ones when the shipped pack is used, none with another pack.
   */
  examples?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Routine answers from the knowledge base in MongoDB. Active entries are loaded into an in-memory
 * matcher; reload() (alias retrain()) rebuilds it at once after an admin edit on this instance;
 * LiveContent calls reload() on every instance within its revision poll (ADMIN_CONTENT_POLL_MS)
 * when an entry changed anywhere; and a search refreshes a copy older than refreshMs in the
 * background, in case a change's revision bump was lost.
 */
export class KnowledgeBase {
  private readonly model: Model<KnowledgeEntryDoc>;
  private readonly packState: Model<KnowledgePackStateDoc>;
  private matcher = new KnowledgeMatcher([]);
  private byId = new Map<string, LoadedEntry>();
  private byKey = new Map<string, LoadedEntry>();
  private loadedAt = 0;
  private signature = '';
  private loading?: Promise<void>;
  /** The first start on an empty database: a turn that arrives meanwhile waits for the pack. */
  private seeding?: Promise<unknown>;
  /** When the last seed failed; a search after RESEED_AFTER_MS seeds again. */
  private seedFailedAt?: number;
  /** Customers' questions per entry key for the meaning-based ranking, set by seed(). */
  private examples?: ReadonlyMap<string, readonly string[]>;

  constructor(
    connection: Connection,
    private readonly logger: Logger,
    private readonly options: KnowledgeBaseOptions = {},
  ) {
    this.model = knowledgeEntryModel(connection);
    this.packState = knowledgePackStateModel(connection);
  }

  /**
   * Loads and validates the shipped content pack and brings MongoDB in step with it (missing entries
   * added by key, admin edits never overwritten; see syncKnowledgePack), then reloads. Safe to run
   * on every instance at once. Throws ContentPackError on a malformed pack, naming file, entry and field.
   */
  async seed(): Promise<PackSyncResult> {
    const seeding = (async () => {
      const pack = this.options.pack ?? loadKnowledgePack(this.options.packDir ?? DEFAULT_KNOWLEDGE_PACK_DIR);
      // The shipped examples belong to the shipped pack only; checked against the pack just loaded.
      const shipped = this.options.pack === undefined && this.options.packDir === undefined;
      this.examples ??=
        this.options.examples ?? (shipped ? loadKnowledgeExamples(new Set(pack.map((e) => e.id))) : undefined);
      const result = await this.sync(pack);
      await this.reload();
      this.seedFailedAt = undefined;
      return result;
    })();
    seeding.catch(() => {
      this.seedFailedAt = Date.now();
    });
    // Searches wait only while a seed runs, not on every turn afterwards; a failed seed is reported to
    // the caller, and searches go on with what is stored.
    const tracked: Promise<unknown> = seeding
      .catch(() => undefined)
      .finally(() => {
        if (this.seeding === tracked) this.seeding = undefined;
      });
    this.seeding = tracked;
    return seeding;
  }

  /** Brings the store in step with the pack; a failure the database may get over is tried again, bounded. */
  private async sync(pack: readonly PackEntry[]): Promise<PackSyncResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await syncKnowledgePack(this.model, this.packState, pack, this.logger);
      } catch (err) {
        if (attempt >= SEED_ATTEMPTS) throw err;
        this.logger.warn({ err, attempt }, 'knowledge pack could not be stored, trying again');
        await sleep(SEED_RETRY_MS * attempt);
      }
    }
  }

  /** True while the last seed failed: the store may lack entries until a search seeds again. */
  get seedFailed(): boolean {
    return this.seedFailedAt !== undefined;
  }

  /** Former name of seed(), kept for callers that still use it; returns how many entries were added. */
  async seedIfEmpty(): Promise<number> {
    return (await this.seed()).inserted;
  }

  /**
   * Whether the message asks about another trade's or an authority's subject only ("Wo ist mein
   * DHL-Paket?", "Öffnungszeiten des Bürgeramts"), as the entries loaded last know it.
   */
  isOffTopic(text: string): boolean {
    return this.matcher.isOffTopic(text);
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
    // Rebuilding the matcher blocks the event loop for a moment; the periodic full reload mostly
    // finds nothing changed, so it keeps the one it has. The German answer counts: the model reads it too.
    const signature = JSON.stringify(
      entries.map((e) => [e.id, e.key, e.category, e.questions, e.answer.de, e.answer.en === '']),
    );
    if (signature !== this.signature) {
      this.matcher = new KnowledgeMatcher(entries);
      if (this.options.semantic) {
        const examples = this.examples ?? this.options.examples ?? new Map<string, readonly string[]>();
        void this.options.semantic.index(
          entries.map((e) => ({ ...e, examples: e.key ? examples.get(e.key) : undefined })),
        );
      }
    }
    this.signature = signature;
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.byKey = new Map(entries.filter((e) => e.key).map((e) => [e.key as string, e]));
    this.loadedAt = Date.now();
  }

  /** Same as reload(): the matcher is rebuilt from the stored questions. */
  retrain(): Promise<void> {
    return this.reload();
  }

  /** The best answer to a free-text question, or undefined when nothing fits well enough. */
  async answer(
    text: string,
    lang: 'de' | 'en',
    options: { preferCategory?: string; minScore?: number } = {},
  ): Promise<KnowledgeAnswer | undefined> {
    await this.fresh();
    const [best] = this.matcher.match(text, {
      minScore: options.minScore ?? this.options.minScore,
      preferCategory: options.preferCategory,
      limit: 1,
    });
    if (!best) return undefined;
    const entry = this.byId.get(best.id);
    return entry ? this.toAnswer(entry, lang, best.score) : undefined;
  }

  /**
   * Searches every active entry: confident when the best hit is strong and clearly ahead of the
   * next one; otherwise up to three plausible entries to offer as choices.
   */
  async search(text: string, lang: 'de' | 'en'): Promise<KnowledgeSearch> {
    // "Maria Huber": a customer introducing themself; names in phrasings would match by their spelling.
    if (isBareName(text)) return { confident: false, alternatives: [] };
    await this.fresh();
    const hits = this.matcher.match(text, { minScore: 0, limit: 10 });
    // The matcher finds nothing for an off-topic message; say why, so that no part of it is searched either.
    if (hits.length === 0 && this.matcher.isOffTopic(text))
      return { confident: false, alternatives: [], offTopic: true };
    // The model is asked only when the classical decision is uncertain or weak (refineWithModel).
    const refined = await refineWithModel(this.options.semantic, text, hits, decideSearch(hits), () =>
      this.matcher.contradicted(text),
    );
    // "Kostet telefonieren in Kroatien extra?": the country decides between the two roaming entries.
    const decision = preferRegion(text, refined, hits, (key) => this.byKey.get(key)?.id);
    const toAnswer = (hit: KnowledgeMatch): KnowledgeAnswer[] => {
      const entry = this.byId.get(hit.id);
      return entry ? [this.toAnswer(entry, lang, hit.score)] : [];
    };
    const [best] = decision.best ? toAnswer(decision.best) : [];
    if (!best) return { confident: false, alternatives: [] };
    return {
      best,
      confident: decision.confident,
      alternatives: decision.alternatives.flatMap(toAnswer),
      ...(decision.confirmed ? { confirmed: true } : {}),
    };
  }

  /**
   * Whether the embedding model ranks `id` first for `text`: a second opinion for a decision the words
   * made alone (a confident hit is kept without asking the model). False when the model is away.
   */
  async modelAgrees(text: string, id: string): Promise<boolean> {
    const [top] = (await this.options.semantic?.rank(text, 1)) ?? [];
    return top?.id === id;
  }

  /** A shipped entry by its key or an entry by id (menu targets), if it is active. */
  async entry(keyOrId: string, lang: 'de' | 'en'): Promise<KnowledgeAnswer | undefined> {
    await this.fresh();
    // Keys of the former built-in entries still name the pack entry that replaced them.
    const entry = this.byKey.get(keyOrId) ?? this.byId.get(keyOrId) ?? this.byKey.get(KEY_ALIASES[keyOrId] ?? '');
    return entry ? this.toAnswer(entry, lang, 1) : undefined;
  }

  private toAnswer(entry: LoadedEntry, lang: 'de' | 'en', score: number): KnowledgeAnswer {
    const english = lang === 'en' && entry.answer.en.trim() !== '';
    const text = english ? entry.answer.en : entry.answer.de || entry.answer.en;
    const title =
      (lang === 'en' ? entry.questions.en[0] : undefined) ?? entry.questions.de[0] ?? entry.questions.en[0] ?? '';
    const fallbackLanguage = lang === 'en' && !english && entry.answer.de !== '';
    return {
      id: entry.id,
      key: entry.key,
      category: entry.category,
      text,
      title,
      score,
      ...(fallbackLanguage ? { fallbackLanguage } : {}),
    };
  }

  private async fresh(): Promise<void> {
    // A database left half-seeded by an instance that stopped early is complete only after this seed.
    if (this.seeding) await this.seeding;
    // A start whose seed failed would otherwise answer from an empty or partial store until restarted.
    const failedAt = this.seedFailedAt;
    if (
      !this.seeding &&
      failedAt !== undefined &&
      Date.now() - failedAt >= (this.options.reseedAfterMs ?? RESEED_AFTER_MS)
    ) {
      this.seed().then(
        (result) => this.logger.info({ ...result }, 'knowledge pack stored on a later try'),
        (err: Error) => this.logger.error({ err }, 'knowledge pack still could not be stored'),
      );
      await this.seeding;
    }
    if (this.loadedAt > 0 && Date.now() - this.loadedAt < (this.options.refreshMs ?? DEFAULT_REFRESH_MS)) return;
    this.loading ??= this.reload()
      .catch((err: Error) => {
        // A stale matcher is better than none; the first load failing leaves the KB empty for this turn.
        this.logger.warn({ err }, 'knowledge base reload failed');
      })
      .finally(() => {
        this.loading = undefined;
      });
    // Once something is loaded a turn never waits for the database: it answers from the current copy.
    if (this.loadedAt === 0) await this.loading;
  }
}
