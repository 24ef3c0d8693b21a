import { stem, tokenize } from '../nlu/normalize';

/** What the matcher needs of an entry. */
export interface MatchableEntry {
  id: string;
  category: string;
  questions: { de: string[]; en: string[] };
}

export interface KnowledgeMatch {
  id: string;
  category: string;
  /** In [0, 1]: how well the best question of the entry covers the customer's words and vice versa. */
  score: number;
}

/** Words that carry no topic, in the stemmed form the matcher compares. */
const STOPWORDS = new Set(
  `ich mir mich mein meine meinen meinem meiner sie ihr ihre ihren ihrem ihnen wir uns unser du der die das dem den des ein eine einen einem einer
   und oder aber auch noch schon nur so wie was wo wann warum wieso weshalb wer welche welcher welches kann koennen konnen muss muessen
   soll sollte ist sind war hat habe haben bin wird werden wurde gibt es man zu zum zur mit fur fuer von vom auf an am im in aus bei nach
   bitte danke hallo gerne mal denn doch ja nein nicht kein keine da hier dort dann wenn ob als um
   i me my mine you your we our the a an and or but also how what where when why who which can could do does did is are was were have has
   to of for from on in at by with please thanks hello not no yes it this that`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => stem(w)),
);

function keyStems(text: string): string[] {
  const out = new Set<string>();
  for (const token of tokenize(text)) {
    const s = stem(token);
    if (s.length < 2 || STOPWORDS.has(s)) continue;
    out.add(s);
  }
  return [...out];
}

// Rows of the edit distance, reused across calls: the matcher is synchronous, so no call overlaps.
let rowPrev2 = new Int32Array(64);
let rowPrev = new Int32Array(64);
let rowCur = new Int32Array(64);

/** Optimal string alignment distance, stopping early once it exceeds max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rowCur.length < width) {
    rowPrev2 = new Int32Array(width * 2);
    rowPrev = new Int32Array(width * 2);
    rowCur = new Int32Array(width * 2);
  }
  let prev2 = rowPrev2;
  let prev = rowPrev;
  let cur = rowCur;
  for (let j = 0; j < width; j++) {
    prev2[j] = 0;
    prev[j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (prev[j - 1] + cost < v) v = prev[j - 1] + cost;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const recycled = prev2;
    prev2 = prev;
    prev = cur;
    cur = recycled;
  }
  return prev[b.length];
}

/** 1 for the same stem; less for a typo or one word inside a compound ("Handyrechnung"). */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  if (shorter.length >= 4) {
    const allowed = shorter.length >= 8 ? 2 : 1;
    if (editDistance(a, b, allowed) <= allowed) return 0.85;
    if (shorter.length >= 5 && longer.includes(shorter)) return 0.7;
  }
  return 0;
}

interface IndexedQuestion {
  entry: number;
  stems: string[];
  /** The question's vector length under idf, fixed per build. */
  norm: number;
}

/**
 * Matches a customer's free text against the questions of the knowledge base: German stems
 * (umlaut spellings folded), typo-tolerant comparison, words weighted by how rare they are across
 * entries, and a cosine-like score so that neither a one-word question nor a long rambling
 * message wins by size alone. Built once per reload; pure and synchronous.
 */
export class KnowledgeMatcher {
  private readonly questions: IndexedQuestion[] = [];
  private readonly idf = new Map<string, number>();
  private readonly defaultIdf: number;

  constructor(private readonly entries: readonly MatchableEntry[]) {
    const df = new Map<string, number>();
    entries.forEach((entry, index) => {
      const seen = new Set<string>();
      for (const q of [...entry.questions.de, ...entry.questions.en]) {
        const stems = keyStems(q);
        if (stems.length === 0) continue;
        this.questions.push({ entry: index, stems, norm: 0 });
        stems.forEach((s) => seen.add(s));
      }
      seen.forEach((s) => df.set(s, (df.get(s) ?? 0) + 1));
    });
    const n = Math.max(1, entries.length);
    for (const [s, count] of df) this.idf.set(s, Math.log(1 + n / count));
    for (const q of this.questions) q.norm = Math.sqrt(q.stems.reduce((sum, t) => sum + (this.idf.get(t) ?? 0) ** 2, 0));
    // A word no entry knows still counts against the match, like a moderately rare word.
    this.defaultIdf = Math.log(1 + n / 2);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Best entries first, only those scoring at least minScore; categories listed first get a small lead. */
  match(text: string, options: { minScore?: number; preferCategory?: string; limit?: number } = {}): KnowledgeMatch[] {
    const query = keyStems(text.slice(0, 1000));
    if (query.length === 0) return [];
    // Every question stem is in the vocabulary (the idf keys): comparing each query word with the
    // vocabulary once gives what comparing it with every stem of every question would, without
    // repeating the same edit distances for each question that shares a word.
    const sims = query.map((s) => this.similarities(s));
    const queryWeights = query.map((s, i) => this.weightOf(s, sims[i]));
    const queryNorm = Math.sqrt(queryWeights.reduce((sum, w) => sum + w * w, 0));
    const best = new Map<number, number>();
    for (const q of this.questions) {
      let dot = 0;
      for (let i = 0; i < query.length; i++) {
        const known = sims[i];
        if (known.size === 0) continue;
        let sim = 0;
        let hit = '';
        for (const t of q.stems) {
          const v = known.get(t) ?? 0;
          if (v > sim) {
            sim = v;
            hit = t;
          }
        }
        if (sim > 0) dot += sim * queryWeights[i] * (this.idf.get(hit) ?? this.defaultIdf);
      }
      if (dot === 0) continue;
      let score = dot / (queryNorm * q.norm);
      const entry = this.entries[q.entry];
      if (options.preferCategory && entry.category === options.preferCategory) score *= 1.1;
      best.set(q.entry, Math.max(best.get(q.entry) ?? 0, Math.min(1, score)));
    }
    const minScore = options.minScore ?? 0.45;
    return [...best.entries()]
      .filter(([, score]) => score >= minScore)
      .sort((a, b) => b[1] - a[1])
      .slice(0, options.limit ?? 3)
      .map(([index, score]) => ({ id: this.entries[index].id, category: this.entries[index].category, score }));
  }

  /** The vocabulary stems similar to s (similarity > 0), in vocabulary order. */
  private similarities(s: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const t of this.idf.keys()) {
      const v = similarity(s, t);
      if (v > 0) out.set(t, v);
    }
    return out;
  }

  private weightOf(s: string, similar: Map<string, number>): number {
    const known = this.idf.get(s);
    if (known !== undefined) return known;
    // The first similar vocabulary stem, as the vocabulary is ordered.
    for (const t of similar.keys()) return this.idf.get(t) ?? this.defaultIdf;
    return this.defaultIdf;
  }
}
