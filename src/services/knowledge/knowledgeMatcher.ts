import { Analysis, analyze, Term } from './text/analyzer';
import { Decompounder } from './text/decompound';
import { defaultLexicon, Lexicon } from './text/lexicon';
import { occurs, OffTopicCheck, PhrasePattern, words } from './text/offTopic';
import { stemToken } from './text/stem';
import { Vocabulary } from './text/vocabulary';

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
  /** How much a word no entry knows counts against a match, relative to a moderately rare word. */
  unknownFactor: number;
}

export const DEFAULT_WEIGHTS: MatcherWeights = {
  phrasing: 0.5,
  contrastPenalty: 0.55,
  partFactor: 0.85,
  unknownFactor: 0.5,
};

/** Analyses of phrasings kept across rebuilds: an admin edit changes a few, the reload reuses the rest. */
const analyses = new WeakMap<Lexicon, Map<string, Analysis>>();

function analyzeCached(text: string, lexicon: Lexicon): Analysis {
  let cache = analyses.get(lexicon);
  if (!cache) analyses.set(lexicon, (cache = new Map()));
  let analysis = cache.get(text);
  if (!analysis) {
    if (cache.size > 50_000) cache.clear();
    cache.set(text, (analysis = analyze(text, lexicon)));
  }
  return analysis;
}

/** Letters from which an unknown word is taken for a topic rather than filler or dialect. */
const LONG_WORD = 7;

/** Content words of a message beyond this many are ignored (a long story adds little). */
const MAX_SLOTS = 32;
/** A Swiss "-ung" noun written "-ig", at least three letters before the ending. */
const SWISS_UNG = /^[a-z]{3,}ig$/;

/** A word of the message: its stems (own and synonyms), the parts of a compound, and how much it counts. */
interface Slot {
  forms: string[];
  /** The normalised word, for typo matching on whole words. */
  word: string;
  parts: string[];
  weight: number;
}

/** Reused per-query buffers, reset through the lists of what was touched. */
class Scratch {
  readonly touchedPhrasings: number[] = [];
  readonly touchedTerms: number[] = [];
  readonly touchedEntries: number[] = [];

  constructor(
    readonly current: Float64Array,
    readonly parts: Float64Array,
    readonly partCurrent: Float64Array,
    readonly covered: Float64Array,
    readonly seenPhrasing: Uint8Array,
    readonly termSim: Float64Array,
    readonly entryMax: Float64Array,
    readonly entryCovered: Float64Array,
    readonly entryBest: Float64Array,
    readonly seenEntry: Uint8Array,
  ) {}
}

/**
 * Matches a customer's free text against every phrasing of every knowledge entry. Words are
 * normalised, stemmed and mapped through the lexicon (regional variants, synonyms, English to
 * German); compounds are split against the vocabulary; typos are forgiven by edit distance; rare
 * words weigh more (idf over entries). An entry scores by its best phrasing and by how much of the
 * message all its phrasings together cover (BM25's "whole document" view); an entry that only
 * speaks of the opposite of what the message asks ("größer" for "billiger") is pushed down.
 * Built once per reload; pure and synchronous (its scratch buffers are reused between calls).
 */
export class KnowledgeMatcher {
  private readonly vocabulary = new Vocabulary();
  private readonly offTopic: OffTopicCheck;
  private readonly idf: number[] = [];
  private readonly postingTerms: Int32Array[] = [];
  private readonly postingFactors: Float32Array[] = [];
  private readonly termPhrasing: Int32Array;
  private readonly termWeight: Float64Array;
  private readonly phrasingEntry: Int32Array;
  private readonly phrasingTotal: Float64Array;
  private readonly contrastSides: { a: boolean; b: boolean }[][] = [];
  private readonly phraseSides: { a: boolean; b: boolean }[][];
  private readonly decompounder: Decompounder;
  private readonly defaultIdf: number;
  private readonly scratch: Scratch;

  constructor(
    private readonly entries: readonly MatchableEntry[],
    private readonly lexicon: Lexicon = defaultLexicon(),
    private readonly weights: MatcherWeights = DEFAULT_WEIGHTS,
  ) {
    this.offTopic = OffTopicCheck.forEntries(lexicon.offTopic, entries);
    const uses = (tokens: string[][], side: readonly PhrasePattern[]) =>
      side.some((pattern) => tokens.some((t) => occurs(t, pattern)));
    this.phraseSides = entries.map((entry) => {
      const tokens = [...entry.questions.de, ...entry.questions.en].map(words);
      return lexicon.phraseContrasts.map(([a, b]) => ({ a: uses(tokens, a), b: uses(tokens, b) }));
    });
    const analysed = entries.map((entry) =>
      [...entry.questions.de, ...entry.questions.en]
        .map((q) => analyzeCached(q, lexicon))
        .filter((a) => a.terms.length > 0),
    );
    this.decompounder = new Decompounder(analysed.flatMap((list) => list.flatMap((a) => a.terms.map((t) => t.word))));
    const postings: { terms: number[]; factors: number[] }[] = [];
    const df: number[] = [];
    const termPhrasing: number[] = [];
    const termStem: number[] = [];
    const phrasingEntry: number[] = [];
    analysed.forEach((list, entryIndex) => {
      const seen = new Set<number>();
      const sides = lexicon.contrasts.map(() => ({ a: false, b: false }));
      for (const analysis of list) {
        const phrasing = phrasingEntry.length;
        phrasingEntry.push(entryIndex);
        for (const term of analysis.terms) {
          const termId = termPhrasing.length;
          termPhrasing.push(phrasing);
          const forms: [string, number][] = term.forms.map((f) => [f, 1]);
          for (const part of this.decompounder.split(term.word)) forms.push([part, weights.partFactor]);
          forms.forEach(([form, factor], i) => {
            const id = this.vocabulary.add(form, i === 0 ? term.word : undefined);
            if (i === 0) termStem.push(id);
            postings[id] ??= { terms: [], factors: [] };
            postings[id].terms.push(termId);
            postings[id].factors.push(factor);
            seen.add(id);
          });
        }
        lexicon.contrasts.forEach(([a, b], i) => {
          for (const s of analysis.allStems) {
            if (a.has(s)) sides[i].a = true;
            if (b.has(s)) sides[i].b = true;
          }
        });
      }
      this.contrastSides.push(sides);
      seen.forEach((id) => (df[id] = (df[id] ?? 0) + 1));
    });
    const n = Math.max(1, entries.length);
    this.vocabulary.forms.forEach((_, id) => {
      this.idf[id] = Math.log(1 + n / (df[id] ?? 1));
      this.postingTerms[id] = Int32Array.from(postings[id]?.terms ?? []);
      this.postingFactors[id] = Float32Array.from(postings[id]?.factors ?? []);
    });
    this.defaultIdf = Math.log(1 + n / 2);
    this.termPhrasing = Int32Array.from(termPhrasing);
    this.termWeight = Float64Array.from(termStem, (id) => this.idf[id]);
    this.phrasingEntry = Int32Array.from(phrasingEntry);
    this.phrasingTotal = new Float64Array(phrasingEntry.length);
    termPhrasing.forEach((p, t) => (this.phrasingTotal[p] += this.termWeight[t]));
    const phrasings = phrasingEntry.length;
    const e = entries.length;
    this.scratch = new Scratch(
      new Float64Array(phrasings),
      new Float64Array(phrasings),
      new Float64Array(phrasings),
      new Float64Array(phrasings),
      new Uint8Array(phrasings),
      new Float64Array(termPhrasing.length),
      new Float64Array(e),
      new Float64Array(e),
      new Float64Array(e),
      new Uint8Array(e),
    );
  }

  get size(): number {
    return this.entries.length;
  }

  /** Whether the message asks about another trade's or an authority's subject only (no entry can answer it). */
  isOffTopic(text: string): boolean {
    return this.offTopic.test(text);
  }

  /**
   * The entries a phrase contrast rules out for this message ("zu einem anderen Anbieter" against an
   * entry that only speaks of "zu Ihnen"), so that the meaning-based side does not bring them back.
   */
  contradicted(text: string): Set<string> {
    const asked = this.phraseContrastsAsked(words(text));
    const out = new Set<string>();
    if (!asked.some((q) => q.a !== q.b)) return out;
    this.entries.forEach((entry, e) => {
      if (this.phraseContrastFactor(e, asked) < 1) out.add(entry.id);
    });
    return out;
  }

  private phraseContrastsAsked(tokens: string[]): { a: boolean; b: boolean }[] {
    return this.lexicon.phraseContrasts.map(([a, b]) => ({
      a: a.some((pattern) => occurs(tokens, pattern)),
      b: b.some((pattern) => occurs(tokens, pattern)),
    }));
  }

  /** Best entries first, only those scoring at least minScore; an entry of preferCategory gets a small lead. */
  match(text: string, options: { minScore?: number; preferCategory?: string; limit?: number } = {}): KnowledgeMatch[] {
    if (this.offTopic.test(text)) return [];
    // Customers split verbs ("Wann buchen Sie ab?"); phrasings are left as written: joined there as
    // well, they moved more evaluation answers the wrong way than they fixed.
    const analysis = analyze(text, this.lexicon, { joinSeparatedVerbs: true });
    const slots = analysis.terms
      .slice(0, MAX_SLOTS)
      .map((t) => this.withSwissEnding(t))
      .map((t) => this.slot(t.forms, t.word, t.afterPlace));
    const total = slots.reduce((sum, s) => sum + s.weight, 0);
    if (slots.length === 0 || total === 0) return [];
    const s = this.scratch;
    try {
      for (const slot of slots) this.addSlot(slot);
      // How much of each touched phrasing the message explains.
      const explained = s.parts;
      for (const t of s.touchedTerms) explained[this.termPhrasing[t]] += this.termWeight[t] * s.termSim[t];
      for (const p of s.touchedPhrasings) {
        const queryCover = s.covered[p] / total;
        const phrasingCover = Math.min(1, explained[p] / (this.phrasingTotal[p] || 1));
        const score = Math.sqrt(queryCover * phrasingCover);
        const e = this.phrasingEntry[p];
        if (score > s.entryBest[e]) s.entryBest[e] = score;
      }
      const results: KnowledgeMatch[] = [];
      const asked = this.phraseContrastsAsked(words(text));
      for (const e of s.touchedEntries) {
        let score = this.weights.phrasing * s.entryBest[e] + (1 - this.weights.phrasing) * (s.entryCovered[e] / total);
        score *= this.contrastFactor(e, analysis.allStems);
        score *= this.phraseContrastFactor(e, asked);
        const entry = this.entries[e];
        if (options.preferCategory && entry.category === options.preferCategory) score *= 1.1;
        if (score >= (options.minScore ?? 0.45))
          results.push({ id: entry.id, category: entry.category, score: Math.min(1, score) });
      }
      return results.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 3);
    } finally {
      this.reset();
    }
  }

  /** Adds one word of the message to the per-phrasing and per-entry coverage. */
  private addSlot(slot: Slot): void {
    const s = this.scratch;
    const touched: number[] = [];
    this.bestPerPhrasing(slot.forms, s.current, touched, slot.word);
    if (slot.parts.length > 1) {
      const length = slot.parts.reduce((sum, p) => sum + p.length, 0);
      const partTouched: number[] = [];
      for (const part of slot.parts) {
        const partHits: number[] = [];
        this.bestPerPhrasing([part], s.partCurrent, partHits);
        for (const p of partHits) {
          if (s.parts[p] === 0) partTouched.push(p);
          s.parts[p] += (s.partCurrent[p] * part.length) / length;
          s.partCurrent[p] = 0;
        }
      }
      for (const p of partTouched) {
        const viaParts = s.parts[p] * this.weights.partFactor;
        if (s.current[p] === 0 && viaParts > 0) touched.push(p);
        if (viaParts > s.current[p]) s.current[p] = viaParts;
        s.parts[p] = 0;
      }
    }
    const entriesHere: number[] = [];
    for (const p of touched) {
      const sim = s.current[p];
      s.current[p] = 0;
      if (sim === 0) continue;
      if (!s.seenPhrasing[p]) {
        s.seenPhrasing[p] = 1;
        s.touchedPhrasings.push(p);
      }
      s.covered[p] += slot.weight * sim;
      const e = this.phrasingEntry[p];
      if (s.entryMax[e] === 0) entriesHere.push(e);
      if (sim > s.entryMax[e]) s.entryMax[e] = sim;
    }
    for (const e of entriesHere) {
      if (!s.seenEntry[e]) {
        s.seenEntry[e] = 1;
        s.touchedEntries.push(e);
      }
      s.entryCovered[e] += slot.weight * s.entryMax[e];
      s.entryMax[e] = 0;
    }
  }

  /** Writes into into[p] the best similarity of forms to any term of phrasing p; updates term similarities. */
  private bestPerPhrasing(forms: string[], into: Float64Array, touched: number[], word?: string): void {
    const s = this.scratch;
    for (const [i, form] of forms.entries()) {
      for (const [id, sim] of this.vocabulary.similar(form, i === 0 ? word : undefined)) {
        const terms = this.postingTerms[id];
        const factors = this.postingFactors[id];
        for (let k = 0; k < terms.length; k++) {
          const t = terms[k];
          const value = sim * factors[k];
          const p = this.termPhrasing[t];
          if (into[p] === 0) touched.push(p);
          if (value > into[p]) into[p] = value;
          if (s.termSim[t] === 0) s.touchedTerms.push(t);
          if (value > s.termSim[t]) s.termSim[t] = value;
        }
      }
    }
  }

  /**
   * Swiss German writes "-ig" for "-ung" ("Rufumleitig", "Kündigig", "Mahnig"): a word the index does
   * not know is read with "-ung" when that form is known. Known "-ig" words ("günstig") stay as written.
   */
  private withSwissEnding(term: Term): Term {
    if (!SWISS_UNG.test(term.word) || this.vocabulary.id(term.forms[0]) !== undefined) return term;
    const word = `${term.word.slice(0, -2)}ung`;
    const stem = stemToken(word);
    if (this.vocabulary.id(stem) === undefined) return term;
    const synonyms = (this.lexicon.synonyms.get(word) ?? []).map(stemToken).filter((f) => f !== stem);
    return { ...term, word, forms: [stem, ...synonyms] };
  }

  /** The message's word as the index sees it: how much it counts, and its compound parts. */
  private slot(forms: string[], word: string, afterPlace: boolean): Slot {
    const parts = this.decompounder.split(word);
    let weight: number | undefined;
    for (const f of forms) {
      const id = this.vocabulary.id(f);
      if (id !== undefined) {
        weight = this.idf[id];
        break;
      }
    }
    if (weight === undefined) {
      const [similar] = this.vocabulary.similar(forms[0], word);
      if (similar) weight = this.idf[similar[0]];
      else if (parts.length > 1) weight = parts.reduce((sum, p) => sum + this.idfOf(p), 0) / parts.length;
    }
    // A long word no entry knows is mostly the topic ("Reisepass"): it counts fully against a match.
    return {
      forms,
      word,
      parts,
      weight: weight ?? this.defaultIdf * (word.length >= LONG_WORD && !afterPlace ? 1 : this.weights.unknownFactor),
    };
  }

  private idfOf(form: string): number {
    const id = this.vocabulary.id(form);
    return id === undefined ? this.defaultIdf : this.idf[id];
  }

  private reset(): void {
    const s = this.scratch;
    for (const t of s.touchedTerms) s.termSim[t] = 0;
    for (const p of s.touchedPhrasings) {
      s.covered[p] = 0;
      s.parts[p] = 0;
      s.seenPhrasing[p] = 0;
    }
    for (const t of s.touchedTerms) s.parts[this.termPhrasing[t]] = 0;
    for (const e of s.touchedEntries) {
      s.entryCovered[e] = 0;
      s.entryBest[e] = 0;
      s.seenEntry[e] = 0;
    }
    s.touchedTerms.length = 0;
    s.touchedPhrasings.length = 0;
    s.touchedEntries.length = 0;
  }

  /** The same for phrase contrasts: `asked` says which sides the message uses. */
  private phraseContrastFactor(entryIndex: number, asked: readonly { a: boolean; b: boolean }[]): number {
    let factor = 1;
    asked.forEach((q, i) => {
      const sides = this.phraseSides[entryIndex][i];
      if ((q.a && !q.b && sides.b && !sides.a) || (q.b && !q.a && sides.a && !sides.b))
        factor *= this.weights.contrastPenalty;
    });
    return factor;
  }

  /** Down when the message uses one side of a contrast pair only and the entry only the other. */
  private contrastFactor(entryIndex: number, stems: Set<string>): number {
    let factor = 1;
    this.lexicon.contrasts.forEach(([a, b], i) => {
      const sides = this.contrastSides[entryIndex][i];
      let askedA = false;
      let askedB = false;
      for (const stem of stems) {
        if (a.has(stem)) askedA = true;
        if (b.has(stem)) askedB = true;
      }
      if ((askedA && !askedB && sides.b && !sides.a) || (askedB && !askedA && sides.a && !sides.b))
        factor *= this.weights.contrastPenalty;
    });
    return factor;
  }
}
