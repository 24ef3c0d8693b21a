import type { KnowledgeMatch } from './knowledgeMatcher';
import type { SearchDecision } from './searchDecision';
import type { SemanticRanker } from './semanticRanker';

/*
 * Words and meaning are fused into one score per candidate: the classical score plus
 * SEMANTIC_WEIGHT times how far the entry's log-probability stays behind the model's best entry. All
 * constants were chosen together on the studied answer sets (odd halves of eval/answers and blind5,
 * blind6, blind7: 798 questions): top-1 0.891 -> 0.921, answered at once and right 0.852 -> 0.877
 * at 5.9 % answered wrong (was 5.6 %); on the held-out even halves (436 questions) top-1
 * 0.839 -> 0.878, at once and right 0.778 -> 0.803. Since the model's side is a trained classifier
 * rather than the nearest phrasings, SEMANTIC_WEIGHT is per unit of log-probability: 0.18 (0.09, 0.27,
 * 0.45 and 0.72 measured worse on the studied sets: top-1 0.916 -> 0.924, answered wrong 6.3 -> 5.1 %;
 * held-out even halves of answers, blind5 and blind10: 0.876 -> 0.892). The model alone can veto an
 * answer (NONE_MODEL_BELOW), and answer alone when the words offer nothing near (MODEL_ALONE_MIN).
 */

/** A confident classical hit at or above this score is kept without paying for an embedding. */
export const SEMANTIC_CHECK_BELOW = 0.6;
/** Weight of the log-probability deficit against the model's best entry. */
export const SEMANTIC_WEIGHT = 0.18;
/** Nothing fits when the words score below this … */
export const NONE_CLASSICAL_BELOW = 0.45;
/** … and the model's best similarity stays below this. */
export const NONE_SEMANTIC_BELOW = 0.88;
/**
 * … or, whatever the words say, the model's closest phrasing stays below this: "wie wird das Wetter
 * morgen" shares words with entries but means none of them. Of 1,847 in-scope questions in all
 * answer sets one stays below it, of 147 out-of-scope ones 41.
 */
export const NONE_MODEL_BELOW = 0.86;
/** The fused best answers at once with at least this lead over the next candidate … */
export const FUSED_MARGIN = 0.03;
/** … and at least this fused score; the model alone (a fused score near 0) answers only as MODEL_ALONE_MIN allows. */
export const FUSED_MIN = 0.2;
/**
 * When the words find nothing near and the model's entry is the only choice left, the model alone
 * answers if its log-probability is at least this (about 0.37) …
 */
export const MODEL_ALONE_MIN = -1;
/**
 * … and at least this far ahead of its second entry (about 2.7 times as likely). Chosen on blind17's
 * odd half (6 of 7 such questions right); on the held-out halves of eight sets (1,270 questions) it
 * answers 32 questions at once that got a single "Meinten Sie …" choice: 25 right, 2 wrong, 5 that no
 * entry answers.
 */
export const MODEL_ALONE_MARGIN = 1;
/** Choices offered besides the best stay within this distance of its fused score. */
const CHOICE_SPREAD = 0.15;
/** Entries the model ranks per question; one outside them counts with the lowest log-probability seen. */
const RANKED = 30;
/** Candidates of each side that are fused. */
const CANDIDATES = 10;

/**
 * Refines the classical decision with the embedding model, when it is there: every candidate of
 * either side gets its words' score plus its meaning's distance to the model's best entry, weighted.
 * A strong classical hit is kept without asking the model, so most turns stay within the classical
 * path's cost; a question neither side finds close gets no answer ("none"), so the conversation asks
 * instead of guessing.
 */
export async function refineWithModel(
  ranker: SemanticRanker | undefined,
  text: string,
  hits: readonly KnowledgeMatch[],
  decision: SearchDecision,
  /** The entries a phrase contrast rules out (asked only when the model is consulted). */
  ruledOut: () => ReadonlySet<string> = () => new Set(),
): Promise<SearchDecision> {
  // No candidate of the words at all (an empty or off-topic message): the model alone never answers.
  if (!ranker?.ready || hits.length === 0) return decision;
  if (decision.confident && decision.best && decision.best.score >= SEMANTIC_CHECK_BELOW) return decision;
  const ranked = await ranker.rank(text, RANKED);
  const [top] = ranked;
  if (!top) return decision;
  const classicalTop = hits[0]?.score ?? 0;
  const closest = Math.max(...ranked.map((r) => r.closest));
  if (closest < NONE_MODEL_BELOW || (classicalTop < NONE_CLASSICAL_BELOW && closest < NONE_SEMANTIC_BELOW))
    return { confident: false, alternatives: [] };
  // An entry a phrase contrast rules out keeps its words' score only: the model cannot tell "zu Ihnen"
  // from "zu einem anderen Anbieter" and must not bring it back.
  const contradicted = ruledOut();
  const modelScore = new Map(ranked.filter((r) => !contradicted.has(r.id)).map((r) => [r.id, r.score]));
  const floor = ranked.at(-1)?.score ?? 0;
  const candidates = new Map<string, KnowledgeMatch>();
  for (const hit of hits.slice(0, CANDIDATES)) candidates.set(hit.id, hit);
  for (const hit of ranked.slice(0, CANDIDATES))
    if (!candidates.has(hit.id) && !contradicted.has(hit.id))
      candidates.set(hit.id, { id: hit.id, category: hit.category, score: 0 });
  // Matches keep their classical score: the conversation's thresholds are on that scale.
  const fused = [...candidates.values()]
    .map((match) => ({
      match,
      score: match.score + SEMANTIC_WEIGHT * ((modelScore.get(match.id) ?? floor) - top.score),
    }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = fused;
  const confident = best.score >= FUSED_MIN && (!second || best.score - second.score >= FUSED_MARGIN);
  if (confident) return { best: best.match, confident: true, alternatives: [], confirmed: best.match.id === top.id };
  const alternatives = fused
    .filter((c) => c.score >= best.score - CHOICE_SPREAD)
    .slice(0, 3)
    .map((c) => c.match);
  const runnerUp = ranked[1];
  const modelAlone =
    alternatives.length === 1 &&
    alternatives[0].id === top.id &&
    !contradicted.has(top.id) &&
    top.score >= MODEL_ALONE_MIN &&
    (!runnerUp || top.score - runnerUp.score >= MODEL_ALONE_MARGIN);
  if (modelAlone) return { best: alternatives[0], confident: true, alternatives: [], confirmed: true };
  return { best: best.match, confident: false, alternatives };
}
