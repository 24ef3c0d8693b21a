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

/** Optimal string alignment distance, stopping early once it exceeds max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j];
    prev = cur;
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
        this.questions.push({ entry: index, stems });
        stems.forEach((s) => seen.add(s));
      }
      seen.forEach((s) => df.set(s, (df.get(s) ?? 0) + 1));
    });
    const n = Math.max(1, entries.length);
    for (const [s, count] of df) this.idf.set(s, Math.log(1 + n / count));
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
    const queryWeights = query.map((s) => this.weightOf(s));
    const queryNorm = Math.sqrt(queryWeights.reduce((sum, w) => sum + w * w, 0));
    const best = new Map<number, number>();
    for (const q of this.questions) {
      let dot = 0;
      const matchedStems = new Set<string>();
      query.forEach((s, i) => {
        let sim = 0;
        let hit = '';
        for (const t of q.stems) {
          const v = similarity(s, t);
          if (v > sim) {
            sim = v;
            hit = t;
          }
        }
        if (sim > 0) {
          dot += sim * queryWeights[i] * (this.idf.get(hit) ?? this.defaultIdf);
          matchedStems.add(hit);
        }
      });
      if (dot === 0) continue;
      const docNorm = Math.sqrt(q.stems.reduce((sum, t) => sum + (this.idf.get(t) ?? 0) ** 2, 0));
      let score = dot / (queryNorm * docNorm);
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

  private weightOf(s: string): number {
    const known = this.idf.get(s);
    if (known !== undefined) return known;
    for (const t of this.idf.keys()) if (similarity(s, t) > 0) return this.idf.get(t) ?? this.defaultIdf;
    return this.defaultIdf;
  }
}
