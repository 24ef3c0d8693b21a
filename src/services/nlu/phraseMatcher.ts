import { fold, normalizeText } from './normalize';

/**
 * A cue is a short phrase that signals something (an intent, an insult, a threat).
 * Pattern syntax, per word: `kart*` prefix, `*karte` suffix, `*karte*` anywhere inside the word,
 * plain words match exactly. Words of a multi-word pattern must be consecutive. Patterns are folded
 * like the text (umlauts, ß, doubled letters), so "Kündigung", "kuendigung" and "kundigung" all meet.
 */
export interface Cue {
  pattern: string;
  tag: string;
  weight: number;
}

export interface CueHit {
  tag: string;
  weight: number;
  pattern: string;
  /** Index of the first token. */
  start: number;
  /** Index after the last token. */
  end: number;
  fuzzy: boolean;
}

type WordKind = 'exact' | 'prefix' | 'suffix' | 'infix';

interface WordPattern {
  kind: WordKind;
  text: string;
}

interface Entry {
  cue: Cue;
  words: WordPattern[];
}

/** Shorter words are too easily confused with other words to forgive a typo. */
const FUZZY_MIN_LENGTH = 6;

function compileWord(raw: string): WordPattern {
  const starts = raw.startsWith('*');
  const ends = raw.endsWith('*');
  const text = fold(normalizeText(raw.replace(/\*/g, '')).replace(/ /g, ''));
  const kind: WordKind = starts && ends ? 'infix' : starts ? 'suffix' : ends ? 'prefix' : 'exact';
  return { kind, text };
}

function wordMatches(word: WordPattern, token: string): boolean {
  switch (word.kind) {
    case 'exact':
      return token === word.text;
    case 'prefix':
      return token.startsWith(word.text);
    case 'suffix':
      return token.endsWith(word.text);
    case 'infix':
      return token.includes(word.text);
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent transposition. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

class Index {
  private readonly map = new Map<string, Entry[]>();
  readonly lengths: number[] = [];

  add(key: string, entry: Entry): void {
    const list = this.map.get(key);
    if (list) list.push(entry);
    else this.map.set(key, [entry]);
    if (!this.lengths.includes(key.length)) {
      this.lengths.push(key.length);
      this.lengths.sort((x, y) => x - y);
    }
  }

  get(key: string): Entry[] | undefined {
    return this.map.get(key);
  }
}

/** Finds all cues in a folded token list; built once, matching costs a few map look-ups per token. */
export class PhraseMatcher {
  private readonly exact = new Index();
  private readonly prefix = new Index();
  private readonly suffix = new Index();
  private readonly infix = new Index();
  private readonly fuzzyExact = new Index();
  private readonly fuzzyPrefix = new Index();
  private readonly fuzzyPrefixLengths: number[] = [];

  constructor(cues: readonly Cue[]) {
    for (const cue of cues) {
      const words = cue.pattern.trim().split(/\s+/).map(compileWord);
      if (words.length === 0 || words.some((w) => w.text.length === 0)) {
        throw new Error(`Empty word in cue pattern "${cue.pattern}" (${cue.tag})`);
      }
      const entry: Entry = { cue, words };
      const first = words[0];
      this[first.kind].add(first.text, entry);
      if (first.text.length >= FUZZY_MIN_LENGTH && (first.kind === 'exact' || first.kind === 'prefix')) {
        const fuzzy = first.kind === 'exact' ? this.fuzzyExact : this.fuzzyPrefix;
        fuzzy.add(first.text, entry);
        for (const d of deletions(first.text)) fuzzy.add(d, entry);
        if (first.kind === 'prefix' && !this.fuzzyPrefixLengths.includes(first.text.length)) {
          this.fuzzyPrefixLengths.push(first.text.length);
        }
      }
    }
  }

  /** Every occurrence of every cue; typos of one edit in long words are forgiven where nothing matched exactly. */
  match(tokens: readonly string[]): CueHit[] {
    const hits: CueHit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const before = hits.length;
      this.collect(this.exact.get(token), tokens, i, false, hits);
      for (const len of this.prefix.lengths) {
        if (len > token.length) break;
        this.collect(this.prefix.get(token.slice(0, len)), tokens, i, false, hits);
      }
      for (const len of this.suffix.lengths) {
        if (len > token.length) break;
        this.collect(this.suffix.get(token.slice(token.length - len)), tokens, i, false, hits);
      }
      for (const len of this.infix.lengths) {
        if (len > token.length) break;
        for (let s = 0; s + len <= token.length; s++) {
          this.collect(this.infix.get(token.slice(s, s + len)), tokens, i, false, hits);
        }
      }
      if (hits.length === before && token.length >= FUZZY_MIN_LENGTH - 1) this.matchFuzzy(tokens, i, hits);
    }
    return hits;
  }

  private matchFuzzy(tokens: readonly string[], i: number, hits: CueHit[]): void {
    const token = tokens[i];
    const seen = new Set<Entry>();
    const tryCandidates = (probe: string, index: Index): void => {
      for (const key of [probe, ...deletions(probe)]) {
        const entries = index.get(key);
        if (!entries) continue;
        for (const entry of entries) {
          if (seen.has(entry)) continue;
          const word = entry.words[0].text;
          if (word[0] !== probe[0] || !withinOneEdit(word, probe)) continue;
          seen.add(entry);
          this.collect([entry], tokens, i, true, hits);
        }
      }
    };
    tryCandidates(token, this.fuzzyExact);
    for (const len of this.fuzzyPrefixLengths) {
      for (const size of [len - 1, len, len + 1]) {
        if (size <= token.length) tryCandidates(token.slice(0, size), this.fuzzyPrefix);
      }
    }
  }

  private collect(entries: Entry[] | undefined, tokens: readonly string[], i: number, fuzzy: boolean, hits: CueHit[]): void {
    if (!entries) return;
    for (const entry of entries) {
      const { words } = entry;
      if (i + words.length > tokens.length) continue;
      let ok = true;
      for (let j = 1; j < words.length; j++) {
        if (!wordMatches(words[j], tokens[i + j])) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      hits.push({ tag: entry.cue.tag, weight: entry.cue.weight, pattern: entry.cue.pattern, start: i, end: i + words.length, fuzzy });
    }
  }
}
