import type { KnowledgeMatch } from './knowledgeMatcher';

/**
 * Score at or above which the best hit answers at once, and the lead it needs over the runner-up.
 * Calibrated on the odd-numbered half of the blind5 answer set: 0.40 answers 69 % at once and right
 * against 68 % at 0.45, with the same 4 % answered at once and wrong; a smaller lead would trade
 * wrong answers for right ones (margin 0.04: 73 % right, 9 % wrong).
 */
export const CONFIDENT_SCORE = 0.4;
export const CONFIDENT_MARGIN = 0.08;
/** Below this an entry is not even offered as an alternative. */
export const ALTERNATIVE_SCORE = 0.35;

export interface SearchDecision {
  best?: KnowledgeMatch;
  confident: boolean;
  alternatives: KnowledgeMatch[];
  /** The embedding model ranks the best hit first too: words and meaning agree. */
  confirmed?: boolean;
}

/**
 * Turns ranked matches (best first) into what the conversation does: answer at once when the best
 * hit is strong and clearly ahead of the next one, otherwise offer up to three plausible entries.
 */
export function decideSearch(matches: readonly KnowledgeMatch[]): SearchDecision {
  const plausible = matches.filter((m) => m.score >= ALTERNATIVE_SCORE).slice(0, 3);
  const [best, second] = plausible;
  if (!best) return { confident: false, alternatives: [] };
  const confident = best.score >= CONFIDENT_SCORE && (!second || best.score - second.score >= CONFIDENT_MARGIN);
  return { best, confident, alternatives: confident ? [] : plausible };
}
