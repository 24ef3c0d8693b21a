import type { Embedder } from '../embeddings/embedder';
import { embedWithCache, missingFromCache, unit, type VectorStore } from '../embeddings/vectorCache';
import { type VectorClassifier, trainVectorClassifier } from '../embeddings/vectorClassifier';
import type { Logger } from '../logger';

/** The phrasings of one entry, as the ranker indexes them. */
export interface IndexedEntry {
  id: string;
  category: string;
  questions: { de: string[]; en: string[] };
  /** The German answer: its words say what the entry is about in terms the phrasings may not use. */
  answer?: { de: string };
  /** Customers' own questions labelled with this entry (knowledgeExamples.ts): indexed like phrasings. */
  examples?: readonly string[];
}

export interface SemanticHit {
  id: string;
  category: string;
  /** The classifier's log-probability of the entry (0 would be certain; see embeddings/vectorClassifier.ts). */
  score: number;
  /** Cosine similarity of the closest stored phrasing alone. */
  closest: number;
}

interface IndexedVector {
  id: string;
  category: string;
  vector: Float32Array;
  /** A phrasing, or the entry's answer text. */
  kind: 'phrasing' | 'answer';
}

/**
 * Ranks knowledge entries by meaning: every stored question phrasing and every German answer is
 * embedded once (vectors cached in MongoDB by model and text, so a restart or a second instance embeds
 * nothing again) and a classifier is trained on them (embeddings/vectorClassifier.ts, a few seconds in the
 * background); a customer question is embedded per turn, scored by the classifier and compared with
 * the phrasings (the closest one tells how near the question comes to anything we know). Until the
 * index is built, or while the model is away, rank() answers nothing.
 */
export class SemanticRanker {
  /** The phrasings' vectors and the classifier trained on them (and on the answers), swapped in together. */
  private trained?: { phrasings: IndexedVector[]; classifier: VectorClassifier };
  private building?: Promise<void>;
  private wanted?: IndexedEntry[];

  /** Without a store (the evaluation tool) nothing is cached. */
  constructor(
    private readonly store: VectorStore | undefined,
    private readonly embedder: Embedder,
    private readonly logger: Logger,
  ) {}

  /** Whether rank() can answer now. */
  get ready(): boolean {
    return (this.trained?.phrasings.length ?? 0) > 0 && this.embedder.available;
  }

  /** Rebuilds the index in the background for the given entries (after every knowledge reload). */
  index(entries: IndexedEntry[]): Promise<void> {
    this.wanted = entries;
    this.building ??= this.build().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  /** Settles when the index being built (if any) is done. */
  async indexed(): Promise<void> {
    await this.building;
  }

  /** Entries by the classifier's log-probability, best first; empty when the index or the model is not there. */
  async rank(text: string, limit = 3): Promise<SemanticHit[]> {
    if (!this.trained || !this.ready) return [];
    const { phrasings, classifier } = this.trained;
    let query: Float32Array;
    try {
      [query] = await this.embedder.embed([text]);
    } catch {
      return [];
    }
    const q = unit(query);
    const closest = new Map<string, { category: string; first: number }>();
    for (const { id, category, vector } of phrasings) {
      let dot = 0;
      for (let i = 0; i < q.length; i++) dot += q[i] * vector[i];
      const entry = closest.get(id);
      if (!entry) closest.set(id, { category, first: dot });
      else if (dot > entry.first) entry.first = dot;
    }
    const logp = classifier.logProbabilities(q);
    const hits: SemanticHit[] = [];
    classifier.classes.forEach((id, c) => {
      const entry = closest.get(id);
      // An entry is ranked only by way of its phrasings (an answer alone is no question we know).
      if (entry) hits.push({ id, category: entry.category, score: logp[c], closest: entry.first });
    });
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  private async build(): Promise<void> {
    // Entries may change while a build runs; the loop builds again for the newest list.
    while (this.wanted) {
      const entries = this.wanted;
      this.wanted = undefined;
      try {
        // A first start embeds some 5,000 texts (over a minute on two cores) while customers are already
        // served. The pack's own phrasings, about half of them, make an index first; the customers'
        // examples and the answers follow. A start that finds the vectors cached builds once.
        if (!this.trained) {
          const core = entries.map(({ examples: _examples, answer: _answer, ...entry }) => entry);
          if (
            (await missingFromCache(
              this.embedder,
              indexedTexts(entries).map((t) => t.text),
              this.store,
            )) > FIRST_INDEX_FROM
          ) {
            await this.train(core, 'semantic knowledge index ready from the pack phrasings; examples follow');
          }
        }
        await this.train(entries, 'semantic knowledge index ready');
      } catch (err) {
        this.logger.warn({ err }, 'semantic knowledge index not built; classical matching only');
      }
    }
  }

  private async train(entries: IndexedEntry[], done: string): Promise<void> {
    const vectors = await this.vectorsFor(entries);
    const classifier = await trainVectorClassifier(vectors.map((v) => ({ label: v.id, vector: v.vector })));
    this.trained = { phrasings: vectors.filter((v) => v.kind === 'phrasing'), classifier };
    this.logger.info({ vectors: vectors.length, entries: classifier.classes.length, model: this.embedder.model }, done);
  }

  private async vectorsFor(entries: IndexedEntry[]): Promise<IndexedVector[]> {
    const texts = indexedTexts(entries);
    const vectors = await embedWithCache(
      this.embedder,
      texts.map((t) => t.text),
      this.store,
    );
    return texts.map((t, i) => ({ id: t.id, category: t.category, kind: t.kind, vector: vectors[i] }));
  }
}

/** Texts to embed beyond which a first build starts with the pack's phrasings alone. */
const FIRST_INDEX_FROM = 500;

function indexedTexts(entries: IndexedEntry[]): (Omit<IndexedVector, 'vector'> & { text: string })[] {
  return entries.flatMap((e) => [
    ...[...e.questions.de, ...e.questions.en, ...(e.examples ?? [])].map((text) => ({
      id: e.id,
      category: e.category,
      text,
      kind: 'phrasing' as const,
    })),
    ...(e.answer?.de ? [{ id: e.id, category: e.category, text: e.answer.de, kind: 'answer' as const }] : []),
  ]);
}
