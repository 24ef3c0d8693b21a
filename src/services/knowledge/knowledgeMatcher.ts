import { analyze } from './text/analyzer';
import { Decompounder } from './text/decompound';
import { defaultLexicon, Lexicon } from './text/lexicon';
import { stemSimilarity } from './text/similarity';

/** What the matcher needs of an entry. */
export interface MatchableEntry {
  id: string;
  category: string;
  questions: { de: string[]; en: string[] };
}

export interface KnowledgeMatch {
  id: string;
  category: string;
  /** In [0, 1]: how well the entry's questions cover the customer's words and vice versa. */
  score: number;
}

/** Tunable weights; the defaults were chosen by leave-one-out measurement on the pack. */
export interface MatcherWeights {
  /** Share of the best single phrasing in the score; the rest is the entry's coverage over all its phrasings. */
  phrasing: number;
  /** Factor for an entry that uses only the other side of a contrast pair the message uses. */
  contrastPenalty: number;
  /** Factor on a match through a compound part rather than the whole word. */
  partFactor: number;
}

export const DEFAULT_WEIGHTS: MatcherWeights = { phrasing: 0.5, contrastPenalty: 0.55, partFactor: 0.85 };

interface Posting {
  phrasing: number;
  term: number;
  factor: number;
}

interface Phrasing {
  entry: number;
  stems: string[];
  /** idf weight of each term (its own stem). */
  weights: number[];
  total: number;
}

/** A word of the message: its forms, the parts of a compound, and how much it counts. */
interface Slot {
  forms: string[];
  parts: string[];
  weight: number;
}

/**
 * Matches a customer's free text against every phrasing of every knowledge entry. Words are
 * normalised, stemmed and mapped through the lexicon (regional variants, synonyms, English to
 * German); compounds are split against the vocabulary; typos are forgiven by edit distance; rare
 * words weigh more (idf over entries). An entry scores by its best phrasing and by how much of the
 * message all its phrasings together cover (BM25's "the whole document" view); an entry that only
 * speaks of the opposite of what the message asks ("größer" for "billiger") is pushed down.
 * Built once per reload; pure and synchronous.
 */
export class KnowledgeMatcher {
  private readonly phrasings: Phrasing[] = [];
  private readonly postings = new Map<string, Posting[]>();
  private readonly idf = new Map<string, number>();
  private readonly contrastSides: { a: boolean; b: boolean }[][] = [];
  private readonly decompounder: Decompounder;
  private readonly defaultIdf: number;
  private readonly similarCache = new Map<string, [string, number][]>();

  constructor(
    private readonly entries: readonly MatchableEntry[],
    private readonly lexicon: Lexicon = defaultLexicon(),
    private readonly weights: MatcherWeights = DEFAULT_WEIGHTS,
  ) {
    const analysed = entries.map((entry) => [...entry.questions.de, ...entry.questions.en].map((q) => analyze(q, lexicon)));
    this.decompounder = new Decompounder(analysed.flatMap((list) => list.flatMap((a) => a.terms.map((t) => t.word))));
    const df = new Map<string, number>();
    analysed.forEach((list, entryIndex) => {
      const seen = new Set<string>();
      const sides = lexicon.contrasts.map(() => ({ a: false, b: false }));
      for (const analysis of list) {
        if (analysis.terms.length === 0) continue;
        const index = this.phrasings.length;
        analysis.terms.forEach((term, termIndex) => {
          const forms: [string, number][] = term.forms.map((f) => [f, 1]);
          for (const part of this.decompounder.split(term.word)) forms.push([part, weights.partFactor]);
          for (const [form, factor] of forms) {
            const list = this.postings.get(form) ?? [];
            list.push({ phrasing: index, term: termIndex, factor });
            this.postings.set(form, list);
            seen.add(form);
          }
        });
        this.phrasings.push({ entry: entryIndex, stems: analysis.terms.map((t) => t.forms[0]), weights: [], total: 0 });
        lexicon.contrasts.forEach(([a, b], i) => {
          for (const s of analysis.allStems) {
            if (a.has(s)) sides[i].a = true;
            if (b.has(s)) sides[i].b = true;
          }
        });
      }
      this.contrastSides.push(sides);
      seen.forEach((f) => df.set(f, (df.get(f) ?? 0) + 1));
    });
    const n = Math.max(1, entries.length);
    for (const [form, count] of df) this.idf.set(form, Math.log(1 + n / count));
    this.defaultIdf = Math.log(1 + n / 2);
    for (const p of this.phrasings) {
      p.weights = p.stems.map((s) => this.idf.get(s) ?? this.defaultIdf);
      p.total = p.weights.reduce((sum, w) => sum + w, 0);
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** Best entries first, only those scoring at least minScore; an entry of preferCategory gets a small lead. */
  match(text: string, options: { minScore?: number; preferCategory?: string; limit?: number } = {}): KnowledgeMatch[] {
    const analysis = analyze(text, this.lexicon);
    const slots = analysis.terms.map((t) => this.slot(t.forms, t.word));
    const total = slots.reduce((sum, s) => sum + s.weight, 0);
    if (slots.length === 0 || total === 0) return [];
    // Per phrasing: the best similarity of each slot, and of each phrasing term to any slot.
    const slotSims = new Map<number, Float64Array>();
    const termSims = new Map<number, Float64Array>();
    slots.forEach((slot, i) => {
      const direct = this.bestPerPhrasing(slot.forms, termSims);
      const partSums = new Map<number, number>();
      if (slot.parts.length > 1) {
        const length = slot.parts.reduce((sum, p) => sum + p.length, 0);
        for (const part of slot.parts) {
          for (const [phrasing, sim] of this.bestPerPhrasing([part], termSims)) partSums.set(phrasing, (partSums.get(phrasing) ?? 0) + (sim * part.length) / length);
        }
      }
      for (const phrasing of new Set([...direct.keys(), ...partSums.keys()])) {
        const sim = Math.max(direct.get(phrasing) ?? 0, (partSums.get(phrasing) ?? 0) * this.weights.partFactor);
        let row = slotSims.get(phrasing);
        if (!row) slotSims.set(phrasing, (row = new Float64Array(slots.length)));
        row[i] = sim;
      }
    });
    const entryBest = new Map<number, number>();
    const entryCover = new Map<number, Float64Array>();
    for (const [index, row] of slotSims) {
      const phrasing = this.phrasings[index];
      let covered = 0;
      for (let i = 0; i < slots.length; i++) covered += slots[i].weight * row[i];
      const terms = termSims.get(index);
      let explained = 0;
      if (terms) for (let j = 0; j < terms.length; j++) explained += phrasing.weights[j] * terms[j];
      const queryCover = covered / total;
      const phrasingCover = phrasing.total > 0 ? Math.min(1, explained / phrasing.total) : 0;
      const score = Math.sqrt(queryCover * phrasingCover);
      if (score > (entryBest.get(phrasing.entry) ?? 0)) entryBest.set(phrasing.entry, score);
      let cover = entryCover.get(phrasing.entry);
      if (!cover) entryCover.set(phrasing.entry, (cover = new Float64Array(slots.length)));
      for (let i = 0; i < slots.length; i++) if (row[i] > cover[i]) cover[i] = row[i];
    }
    const results: KnowledgeMatch[] = [];
    for (const [entryIndex, best] of entryBest) {
      const cover = entryCover.get(entryIndex) as Float64Array;
      let covered = 0;
      for (let i = 0; i < slots.length; i++) covered += slots[i].weight * cover[i];
      let score = this.weights.phrasing * best + (1 - this.weights.phrasing) * (covered / total);
      score *= this.contrastFactor(entryIndex, analysis.allStems);
      const entry = this.entries[entryIndex];
      if (options.preferCategory && entry.category === options.preferCategory) score *= 1.1;
      results.push({ id: entry.id, category: entry.category, score: Math.min(1, score) });
    }
    const minScore = options.minScore ?? 0.45;
    return results
      .filter((r) => r.score >= minScore)
      .sort((a, b) => b.score - a.score)
      .slice(0, options.limit ?? 3);
  }

  /** The message's word as the index sees it: how much it counts, and its compound parts. */
  private slot(forms: string[], word: string): Slot {
    const known = forms.map((f) => this.idf.get(f)).find((v) => v !== undefined);
    const parts = this.decompounder.split(word);
    let weight = known;
    if (weight === undefined) {
      const similar = this.similar(forms[0]);
      if (similar.length > 0) weight = this.idf.get(similar[0][0]);
      else if (parts.length > 1) weight = parts.reduce((sum, p) => sum + (this.idf.get(p) ?? this.defaultIdf), 0) / parts.length;
    }
    return { forms, parts, weight: weight ?? this.defaultIdf };
  }

  /** For each phrasing containing a form similar to one of forms: the best similarity; fills termSims. */
  private bestPerPhrasing(forms: string[], termSims: Map<number, Float64Array>): Map<number, number> {
    const out = new Map<number, number>();
    for (const form of forms) {
      for (const [known, sim] of this.similar(form)) {
        for (const posting of this.postings.get(known) ?? []) {
          const value = sim * posting.factor;
          if (value > (out.get(posting.phrasing) ?? 0)) out.set(posting.phrasing, value);
          let terms = termSims.get(posting.phrasing);
          if (!terms) termSims.set(posting.phrasing, (terms = new Float64Array(this.phrasings[posting.phrasing].weights.length)));
          if (value > terms[posting.term]) terms[posting.term] = value;
        }
      }
    }
    return out;
  }

  /** Vocabulary forms similar to form, most similar first (cached: customers reuse words). */
  private similar(form: string): [string, number][] {
    const cached = this.similarCache.get(form);
    if (cached) return cached;
    const out: [string, number][] = [];
    if (this.idf.has(form)) out.push([form, 1]);
    for (const known of this.idf.keys()) {
      if (known === form) continue;
      const sim = stemSimilarity(form, known);
      if (sim > 0) out.push([known, sim]);
    }
    out.sort((a, b) => b[1] - a[1]);
    if (this.similarCache.size > 20_000) this.similarCache.clear();
    this.similarCache.set(form, out);
    return out;
  }

  /** Down when the message uses one side of a contrast pair only and the entry only the other. */
  private contrastFactor(entryIndex: number, stems: Set<string>): number {
    let factor = 1;
    this.lexicon.contrasts.forEach(([a, b], i) => {
      const sides = this.contrastSides[entryIndex][i];
      const askedA = [...a].some((s) => stems.has(s));
      const askedB = [...b].some((s) => stems.has(s));
      if ((askedA && !askedB && sides.b && !sides.a) || (askedB && !askedA && sides.a && !sides.b)) factor *= this.weights.contrastPenalty;
    });
    return factor;
  }
}
