import type { KnowledgeMatch } from './knowledgeMatcher';
import type { SearchDecision } from './searchDecision';
import type { SemanticHit, SemanticRanker } from './semanticRanker';

/**
 * Cosine similarity at which the model's best entry answers, provided the classical matcher has it
 * among its three best. Chosen on the odd-numbered half of blind5: 0.88 answered 80 % at once and
 * right against 69 % without the model, at 8 % wrong against 4 % (0.92: 75 % / 6 %).
 */
export const SEMANTIC_CONFIDENT = 0.88;

/**
 * A confident classical hit below this score is checked against the model; stronger ones never pay
 * for an embedding. Together with SEMANTIC_OVERRULE and SEMANTIC_OVERRULE_LEAD chosen on the odd half
 * of blind5 (top-1 0.852 -> 0.857, answered wrong 8.2 % -> 7.7 %; checked on its even half:
 * 0.906 -> 0.917, wrong 6.6 % -> 5.5 %).
 */
export const SEMANTIC_CHECK_BELOW = 0.6;
/** The model overrules a confident classical hit only when it is this sure of another candidate … */
export const SEMANTIC_OVERRULE = 0.9;
/** … and prefers it by at least this much over the classical choice. */
export const SEMANTIC_OVERRULE_LEAD = 0.03;
/**
 * Weight of the model's similarity when the choices of an uncertain question are ordered (the
 * classical score counts once): the entry offered first is the one that fits by words and meaning.
 */
export const SEMANTIC_ORDER_WEIGHT = 5;
/** Entries the model ranks per question; one outside them counts with the lowest similarity seen. */
const RANKED = 10;

/** The candidate the model ranks first, when the classical matcher has it among its three best. */
function corroborated(top: SemanticHit | undefined, hits: readonly KnowledgeMatch[]): KnowledgeMatch | undefined {
  if (!top) return undefined;
  const hit = hits.slice(0, 3).find((h) => h.id === top.id && h.score > 0);
  return hit ? { ...hit, score: top.score } : undefined;
}

/**
 * Refines the classical decision with the embedding model, when it is there: meaning decides between
 * the words' candidates, it never answers from nowhere. An uncertain question is answered when the
 * model is sure of one of the classical candidates, else its choices are ordered by words and meaning;
 * a weak confident hit gives way when the model is clearly surer of another candidate. A strong
 * classical hit is kept without asking the model, so most turns stay within the classical path's cost.
 */
export async function refineWithModel(
  ranker: SemanticRanker | undefined,
  text: string,
  hits: readonly KnowledgeMatch[],
  decision: SearchDecision,
): Promise<SearchDecision> {
  if (!ranker?.ready) return decision;
  if (decision.confident && decision.best && decision.best.score >= SEMANTIC_CHECK_BELOW) return decision;
  const ranked = await ranker.rank(text, RANKED);
  const [top] = ranked;
  const similarity = new Map(ranked.map((r) => [r.id, r.score]));
  const floor = ranked.at(-1)?.score ?? 0;
  const meaning = (id: string): number => similarity.get(id) ?? floor;
  const pick = corroborated(top, hits);
  if (decision.confident && decision.best) {
    const overrules =
      pick &&
      pick.id !== decision.best.id &&
      pick.score >= SEMANTIC_OVERRULE &&
      pick.score - meaning(decision.best.id) >= SEMANTIC_OVERRULE_LEAD;
    return overrules ? { best: pick, confident: true, alternatives: [] } : decision;
  }
  if (pick && pick.score >= SEMANTIC_CONFIDENT) return { best: pick, confident: true, alternatives: [] };
  const alternatives = [...decision.alternatives].sort(
    (a, b) => b.score + SEMANTIC_ORDER_WEIGHT * meaning(b.id) - (a.score + SEMANTIC_ORDER_WEIGHT * meaning(a.id)),
  );
  return alternatives.length > 0 ? { best: alternatives[0], confident: false, alternatives } : decision;
}
