import { loadFrustrationWords } from './nluContent';

/** One piece of evidence of frustration: a signal name reported to the dialog and its strength in [0, 1]. */
export interface Evidence {
  signal: string;
  weight: number;
}

/** The word lists of the scorer's rules (content/nlu/frustration-words.json), read at start. */
export const WORDS = loadFrustrationWords();

const WORD_OR_BREAK = /[\p{L}\p{N}]+|[,.;:!?()\n]/gu;

/** Indices of tokens that follow a comma, full stop or similar, so that clauses can be told apart. */
export function clauseStartIndices(raw: string): Set<number> {
  const starts = new Set<number>([0]);
  let index = 0;
  for (const match of raw.matchAll(WORD_OR_BREAK)) {
    const first = match[0].charCodeAt(0);
    if (match[0].length === 1 && ',.;:!?()\n'.includes(match[0]) && !(first >= 48 && first <= 57)) starts.add(index);
    else index++;
  }
  return starts;
}

export function hasEvidence(out: readonly Evidence[], signal: string, minWeight = 0): boolean {
  return out.some((e) => e.signal === signal && e.weight >= minWeight);
}
