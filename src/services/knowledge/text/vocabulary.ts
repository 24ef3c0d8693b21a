import { stemSimilarity } from './similarity';

/**
 * The stems an index knows, with a bigram index so that finding the ones similar to a customer's
 * word (typos, endings the stemmer left) checks a few candidates instead of the whole vocabulary.
 */
export class Vocabulary {
  readonly forms: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly bigrams = new Map<string, number[]>();
  private readonly cache = new Map<string, [number, number][]>();
  private counts = new Int32Array(0);

  /** The id of form, added when new. */
  add(form: string): number {
    const known = this.ids.get(form);
    if (known !== undefined) return known;
    const id = this.forms.length;
    this.forms.push(form);
    this.ids.set(form, id);
    if (form.length >= 4) {
      for (const g of grams(form)) {
        const list = this.bigrams.get(g) ?? [];
        if (list[list.length - 1] !== id) list.push(id);
        this.bigrams.set(g, list);
      }
    }
    return id;
  }

  id(form: string): number | undefined {
    return this.ids.get(form);
  }

  /** Known forms similar to form as [id, similarity], the most similar first; the exact form leads with 1. */
  similar(form: string): [number, number][] {
    const cached = this.cache.get(form);
    if (cached) return cached;
    const out: [number, number][] = [];
    const exact = this.ids.get(form);
    if (exact !== undefined) out.push([exact, 1]);
    if (form.length >= 4) {
      if (this.counts.length < this.forms.length) this.counts = new Int32Array(this.forms.length * 2);
      const touched: number[] = [];
      for (const g of new Set(grams(form))) {
        for (const id of this.bigrams.get(g) ?? []) {
          if (this.counts[id]++ === 0) touched.push(id);
        }
      }
      // Every similarity the matcher knows keeps the lengths within 2 and most bigrams shared.
      const needed = Math.max(1, form.length - 4);
      for (const id of touched) {
        const candidate = this.forms[id];
        if (id !== exact && this.counts[id] >= needed && Math.abs(candidate.length - form.length) <= 2) {
          const sim = stemSimilarity(form, candidate);
          if (sim > 0) out.push([id, sim]);
        }
        this.counts[id] = 0;
      }
    }
    out.sort((a, b) => b[1] - a[1]);
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(form, out);
    return out;
  }
}

function grams(form: string): string[] {
  const padded = `^${form}$`;
  const out: string[] = [];
  for (let i = 0; i + 2 <= padded.length; i++) out.push(padded.slice(i, i + 2));
  return out;
}
