import { fold } from '../../nlu/normalize';
import { stemToken } from './stem';

interface Split {
  parts: string[];
  /** Letters covered by known parts. */
  known: number;
}

const LINKS = ['', 's', 'n', 'en', 'es', 'e', 'er'];
const MIN_PART = 3;
const MIN_WORD = 7;

/**
 * Splits German compounds against a known vocabulary: "rufnummernmitnahme" -> rufnummer + mitnahme,
 * "datenvolumen" -> daten + volumen, so that they meet "Nummer mitnehmen" or "Daten nachbuchen".
 * Every part but the last must be a known word (folded or stemmed); the last may be unknown when it
 * is long enough, as customers inflect it freely.
 */
export class Decompounder {
  private readonly known = new Set<string>();
  private readonly words = new Set<string>();
  private readonly cache = new Map<string, string[]>();

  /** words: normalised words of the vocabulary. */
  constructor(words: Iterable<string>) {
    for (const w of words) {
      const folded = fold(w);
      if (folded.length >= MIN_PART) {
        this.known.add(folded);
        this.words.add(folded);
      }
      const stem = stemToken(w);
      if (stem.length >= MIN_PART) this.known.add(stem);
    }
  }

  /** Stems of the parts of word, or [] when it is no compound of known words. */
  split(word: string): string[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const folded = fold(word);
    const parts =
      folded.length >= MIN_WORD ? (this.best(folded, 0, this.words.has(folded), new Map())?.parts ?? []) : [];
    const stems = parts.length > 1 ? parts.map((p) => stemToken(p)) : [];
    if (this.cache.size < 20_000) this.cache.set(word, stems);
    return stems;
  }

  /** The split of w into the fewest parts with the known ones covering most, from a depth. */
  private best(w: string, depth: number, wholeKnown: boolean, memo: Map<string, Split | undefined>): Split | undefined {
    const key = `${depth}:${w}`;
    if (memo.has(key)) return memo.get(key);
    let choice: Split | undefined;
    // Longest known head first: "rufnumer|nmitnahme" before "ruf|numernmitnahme".
    for (let i = w.length - MIN_PART; i >= MIN_PART; i--) {
      const head = w.slice(0, i);
      // A head is a word of the vocabulary, or at least a long stem ("rech" of "Rechnung" is too short).
      if (!this.words.has(head) && !(head.length >= 5 && this.isKnown(head))) continue;
      for (const link of LINKS) {
        if (!w.startsWith(link, i)) continue;
        const rest = w.slice(i + link.length);
        if (rest.length < MIN_PART) continue;
        let tail: string[] | undefined;
        if (this.isKnown(rest)) tail = [rest];
        else if (depth < 2) tail = this.best(rest, depth + 1, wholeKnown, memo)?.parts;
        // An unknown last part only splits a word the vocabulary does not know as a whole.
        if (!tail && !wholeKnown && rest.length >= 5) tail = [rest];
        if (!tail) continue;
        const parts = [head, ...tail];
        const known = parts.filter((p) => this.isKnown(p)).reduce((n, p) => n + p.length, 0);
        if (!choice || known > choice.known || (known === choice.known && parts.length < choice.parts.length))
          choice = { parts, known };
      }
    }
    memo.set(key, choice);
    return choice;
  }

  private isKnown(part: string): boolean {
    return this.known.has(part) || this.known.has(stemToken(part));
  }
}
