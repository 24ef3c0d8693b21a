import { fold, normalizeText } from './normalize';

/**
 * A cue is a short phrase that signals something (an intent, an insult, a threat).
 * Pattern syntax, per word: `kart*` prefix, `*karte` suffix, `*karte*` anywhere inside the word,
 * plain words match exactly. Words of a multi-word pattern are consecutive, except that `~` stands for
 * up to three arbitrary words, for German's split verbs and brackets ("funktioniert ~ nicht" matches
 * "funktioniert im Ausland nicht", "ziehe ~ um" matches "ziehe zum 1. Juli um"). Patterns are folded
 * like the text (umlauts, ß, doubled letters), so "Kündigung", "kuendigung" and "kundigung" all meet.
 */
export interface Cue {
  pattern: string;
  tag: string;
  weight: number;
}

/** Cues of one tag and weight from a "|"-separated list of patterns. */
export function cues(tag: string, weight: number, patterns: string): Cue[] {
  return patterns
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((pattern) => ({ pattern, tag, weight }));
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

type WordKind = 'exact' | 'prefix' | 'suffix' | 'infix' | 'gap';

interface WordPattern {
  kind: WordKind;
  text: string;
}

interface Entry {
  cue: Cue;
  words: WordPattern[];
}

/** Endings a compound's head may carry: "Geschäftskundentarif-e", "Studentenrabatt-s". */
const INFLECTIONS = ['', 'e', 'n', 's', 'en', 'es', 'er', 'ern', 'ens'];
/** A compound's head and its modifier must each be a real word, not a stray syllable. */
const MIN_HEAD = 4;
const MIN_MODIFIER = 3;
const MIN_COMPOUND = 8;
/** Shorter words are too easily confused with other words to forgive a typo. */
const FUZZY_MIN_LENGTH = 6;
const MAX_GAP = 3;
const CACHE_LIMIT = 20_000;

interface Candidates {
  entries: Entry[];
  fuzzy: boolean;
}

function compileWord(raw: string): WordPattern {
  if (raw === '~') return { kind: 'gap', text: '~' };
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
    case 'gap':
      return true;
  }
}

/** Index after the match of words[j..] starting at token i, or -1. */
function matchRest(words: readonly WordPattern[], j: number, tokens: readonly string[], i: number): number {
  if (j === words.length) return i;
  const word = words[j];
  if (word.kind === 'gap') {
    for (let skip = 0; skip <= MAX_GAP && i + skip <= tokens.length; skip++) {
      const end = matchRest(words, j + 1, tokens, i + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (i >= tokens.length || !wordMatches(word, tokens[i])) return -1;
  return matchRest(words, j + 1, tokens, i + 1);
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
  private readonly cache = new Map<string, Candidates>();
  private readonly fuzzy: boolean;
  private readonly notTypos: ReadonlySet<string>;
  private readonly compoundTags: ReadonlySet<string>;
  private readonly notCompounds: readonly string[];

  /**
   * fuzzy: forgive one-letter typos in long words; off where a near miss is a different word ("scheint"/"scheiß").
   * notTypos: folded words that are correctly spelled words of their own and never a typo ("meinen" is not "Meilen").
   * compoundTags: tags whose cues also match as the head of a German compound ("Studentenrabatt" carries "Rabatt",
   * "Rücklastschrift" carries "Lastschrift"), tried like a typo only where nothing matched as written.
   * notCompounds: folded word endings that are no such compound ("eingeschlafen" is not "Affen", "Taschendiebe"
   * are real thieves).
   */
  constructor(
    cues: readonly Cue[],
    options: {
      fuzzy: boolean;
      notTypos?: ReadonlySet<string>;
      compoundTags?: ReadonlySet<string>;
      notCompounds?: readonly string[];
    } = { fuzzy: true },
  ) {
    this.fuzzy = options.fuzzy;
    this.notTypos = options.notTypos ?? new Set();
    this.compoundTags = options.compoundTags ?? new Set();
    this.notCompounds = options.notCompounds ?? [];
    for (const cue of cues) {
      const words = cue.pattern.trim().split(/\s+/).map(compileWord);
      if (words.length === 0 || words.some((w) => w.text.length === 0)) {
        throw new Error(`Empty word in cue pattern "${cue.pattern}" (${cue.tag})`);
      }
      if (words[0].kind === 'gap' || words[words.length - 1].kind === 'gap') {
        throw new Error(`A gap cannot open or close cue pattern "${cue.pattern}" (${cue.tag})`);
      }
      const entry: Entry = { cue, words };
      const first = words[0];
      this[first.kind as Exclude<WordKind, 'gap'>].add(first.text, entry);
      if (
        options.fuzzy &&
        first.text.length >= FUZZY_MIN_LENGTH &&
        (first.kind === 'exact' || first.kind === 'prefix')
      ) {
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
      const { entries, fuzzy } = this.candidates(tokens[i]);
      for (const entry of entries) {
        const end = matchRest(entry.words, 1, tokens, i + 1);
        if (end < 0) continue;
        hits.push({ tag: entry.cue.tag, weight: entry.cue.weight, pattern: entry.cue.pattern, start: i, end, fuzzy });
      }
    }
    return hits;
  }

  /** Cues whose first word fits this token; memoised, since words repeat across messages. */
  private candidates(token: string): Candidates {
    const cached = this.cache.get(token);
    if (cached) return cached;
    const entries: Entry[] = [];
    const push = (list: Entry[] | undefined): void => {
      if (list) for (const entry of list) entries.push(entry);
    };
    push(this.exact.get(token));
    for (const len of this.prefix.lengths) {
      if (len > token.length) break;
      push(this.prefix.get(token.slice(0, len)));
    }
    for (const len of this.suffix.lengths) {
      if (len > token.length) break;
      push(this.suffix.get(token.slice(token.length - len)));
    }
    for (const len of this.infix.lengths) {
      if (len > token.length) break;
      for (let s = 0; s + len <= token.length; s++) push(this.infix.get(token.slice(s, s + len)));
    }
    let result: Candidates = { entries, fuzzy: false };
    const heads = entries.length === 0 && this.compoundTags.size > 0 ? this.compoundCandidates(token) : [];
    if (heads.length > 0) result = { entries: heads, fuzzy: true };
    else if (entries.length === 0 && this.fuzzy && token.length >= FUZZY_MIN_LENGTH - 1 && !this.notTypos.has(token)) {
      result = { entries: this.fuzzyCandidates(token), fuzzy: true };
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(token, result);
    return result;
  }

  /** Cues matching the shortest head of a compound that any cue knows: the head decides what a compound means. */
  private compoundCandidates(token: string): Entry[] {
    if (token.length < MIN_COMPOUND || this.notTypos.has(token)) return [];
    if (this.notCompounds.some((ending) => token.endsWith(ending))) return [];
    for (let k = token.length - MIN_HEAD; k >= MIN_MODIFIER; k--) {
      const head = token.slice(k);
      const found: Entry[] = [];
      for (const ending of INFLECTIONS) {
        if (!head.endsWith(ending) || head.length - ending.length < MIN_HEAD) continue;
        const base = head.slice(0, head.length - ending.length);
        for (const entry of [...(this.exact.get(base) ?? []), ...(this.prefix.get(base) ?? [])]) {
          if (this.compoundTags.has(entry.cue.tag) && !found.includes(entry)) found.push(entry);
        }
      }
      if (found.length > 0) return found;
    }
    return [];
  }

  private fuzzyCandidates(token: string): Entry[] {
    const found = new Set<Entry>();
    const tryCandidates = (probe: string, index: Index): void => {
      for (const key of [probe, ...deletions(probe)]) {
        const entries = index.get(key);
        if (!entries) continue;
        for (const entry of entries) {
          const word = entry.words[0].text;
          if (!found.has(entry) && word[0] === probe[0] && withinOneEdit(word, probe)) found.add(entry);
        }
      }
    };
    tryCandidates(token, this.fuzzyExact);
    for (const len of this.fuzzyPrefixLengths) {
      for (const size of [len - 1, len, len + 1]) {
        if (size <= token.length) tryCandidates(token.slice(0, size), this.fuzzyPrefix);
      }
    }
    return [...found];
  }
}
