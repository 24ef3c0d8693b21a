import { fold } from '../../nlu/normalize';
import { editDistance } from './similarity';

/** Similarity of a stem that starts another (an ending the stemmer left) and of a misspelt word. */
const PREFIX_SIMILARITY = 0.9;
const TYPO_SIMILARITY = 0.85;

/** Words and stems with a bigram index each, for finding near matches among a few candidates. */
class BigramIndex {
  private readonly lists = new Map<string, number[]>();
  private counts = new Int32Array(0);

  add(id: number, text: string): void {
    for (const g of grams(text)) {
      const list = this.lists.get(g) ?? [];
      if (list[list.length - 1] !== id) list.push(id);
      this.lists.set(g, list);
    }
  }

  /** Ids sharing at least needed bigrams with text. */
  candidates(text: string, size: number, needed: number): number[] {
    if (this.counts.length < size) this.counts = new Int32Array(size * 2);
    const touched: number[] = [];
    for (const g of new Set(grams(text))) {
      for (const id of this.lists.get(g) ?? []) if (this.counts[id]++ === 0) touched.push(id);
    }
    const out = touched.filter((id) => this.counts[id] >= needed);
    for (const id of touched) this.counts[id] = 0;
    return out;
  }
}

/**
 * The stems an index knows, and the words they came from. A customer's stem meets the known stems
 * it starts or that start it (within two letters); a misspelt word meets the known words within one
 * edit (two from eight letters), judged on whole words, where a typo is still recognisable.
 */
export class Vocabulary {
  readonly forms: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly formGrams = new BigramIndex();
  private readonly words: string[] = [];
  private readonly wordStems: number[][] = [];
  private readonly wordIds = new Map<string, number>();
  private readonly wordGrams = new BigramIndex();
  private readonly cache = new Map<string, [number, number][]>();

  /** The id of form, added when new; word is the normalised word it was stemmed from, if any. */
  add(form: string, word?: string): number {
    let id = this.ids.get(form);
    if (id === undefined) {
      id = this.forms.length;
      this.forms.push(form);
      this.ids.set(form, id);
      if (form.length >= 4) this.formGrams.add(id, form);
    }
    if (word) {
      const folded = fold(word);
      let w = this.wordIds.get(folded);
      if (w === undefined) {
        w = this.words.length;
        this.words.push(folded);
        this.wordStems.push([]);
        this.wordIds.set(folded, w);
        if (folded.length >= 5) this.wordGrams.add(w, folded);
      }
      if (!this.wordStems[w].includes(id)) this.wordStems[w].push(id);
    }
    return id;
  }

  id(form: string): number | undefined {
    return this.ids.get(form);
  }

  /** Known forms similar to form (and to word, for typos) as [id, similarity], most similar first. */
  similar(form: string, word?: string): [number, number][] {
    const key = word ? `${form}|${word}` : form;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const best = new Map<number, number>();
    const exact = this.ids.get(form);
    if (exact !== undefined) best.set(exact, 1);
    if (form.length >= 4) {
      for (const id of this.formGrams.candidates(form, this.forms.length, form.length - 3)) {
        const other = this.forms[id];
        const [shorter, longer] = other.length < form.length ? [other, form] : [form, other];
        if (id === exact || longer.length - shorter.length > 2) continue;
        if (longer.startsWith(shorter)) best.set(id, PREFIX_SIMILARITY);
        // Long stems also meet across one edit: inflection inside the word ("mitnahm"/"mitnehm").
        else if (shorter.length >= 6 && editDistance(form, other, 1) <= 1) best.set(id, TYPO_SIMILARITY);
      }
    }
    const folded = word ? fold(word) : '';
    if (folded.length >= 5 && !this.wordIds.has(folded)) {
      const allowed = folded.length >= 8 ? 2 : 1;
      for (const w of this.wordGrams.candidates(
        folded,
        this.words.length,
        Math.max(1, folded.length - 1 - 3 * allowed),
      )) {
        if (editDistance(folded, this.words[w], allowed) > allowed) continue;
        for (const id of this.wordStems[w]) if ((best.get(id) ?? 0) < TYPO_SIMILARITY) best.set(id, TYPO_SIMILARITY);
      }
    }
    const out = [...best].sort((a, b) => b[1] - a[1]);
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(key, out);
    return out;
  }
}

function grams(text: string): string[] {
  const padded = `^${text}$`;
  const out: string[] = [];
  for (let i = 0; i + 2 <= padded.length; i++) out.push(padded.slice(i, i + 2));
  return out;
}
