/**
 * Answer correctness of the knowledge search on `eval/<set>/answers.jsonl`: lines
 * `{ "id", "text", "expected": "<pack id>" | "none" }`. Runs on the shipped content pack in memory
 * (no database), through the same decision as KnowledgeBase.search.
 */
import { loadKnowledgePack } from '../services/knowledge/contentPack';
import { DEFAULT_WEIGHTS, KnowledgeMatcher } from '../services/knowledge/knowledgeMatcher';
import { loadKnowledgeExamples } from '../services/knowledge/knowledgeExamples';
import { defaultLexicon } from '../services/knowledge/text/lexicon';
import { decideSearch } from '../services/knowledge/searchDecision';
import type { SemanticRanker } from '../services/knowledge/semanticRanker';
import { preferRegion } from '../services/knowledge/regions';
import { refineWithModel } from '../services/knowledge/semanticDecision';

export interface AnswerCase {
  id: string;
  text: string;
  expected: string;
}

export interface AnswerFigures {
  n: number;
  top1: number;
  answeredRight: number;
  answeredWrong: number;
  nonePrecision: number;
  noneRecall: number;
}

/** What the bot would do: answer an entry, offer choices (first one counted), or nothing ("none"). */
async function predict(
  matcher: KnowledgeMatcher,
  text: string,
  ranker?: SemanticRanker,
): Promise<{ top: string; confident: boolean; offered: string[] }> {
  const hits = matcher.match(text, { minScore: 0, limit: 10 });
  // The pack's entries are matched by their ids, which are the keys the region file names.
  const decision = preferRegion(
    text,
    await refineWithModel(ranker, text, hits, decideSearch(hits), () => matcher.contradicted(text)),
    hits,
    (key) => key,
  );
  return {
    top: decision.best?.id ?? 'none',
    confident: decision.confident,
    offered: decision.alternatives.map((a) => a.id),
  };
}

const pct = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');

/** Prints top-1 accuracy, "none" precision/recall and the confusion pairs; returns the figures. */
export async function evalAnswers(
  cases: AnswerCase[],
  showErrors: boolean,
  label = 'answers',
  ranker?: SemanticRanker,
): Promise<AnswerFigures> {
  const pack = loadKnowledgePack();
  const known = new Set(pack.map((e) => e.id));
  // KNOWLEDGE_WEIGHTS='{"phrasing":0.6}' tries other weights without editing the defaults.
  const weights = {
    ...DEFAULT_WEIGHTS,
    ...(JSON.parse(process.env.KNOWLEDGE_WEIGHTS ?? '{}') as Partial<typeof DEFAULT_WEIGHTS>),
  };
  const matcher = new KnowledgeMatcher(pack, defaultLexicon(), weights);
  // The model learns from the studied halves' questions as the service does (knowledgeExamples.ts).
  const examples = loadKnowledgeExamples(known);
  if (ranker) await ranker.index(pack.map((e) => ({ ...e, examples: examples.get(e.id) })));
  const unknown = cases.filter((c) => c.expected !== 'none' && !known.has(c.expected));
  let right = 0;
  let answeredRight = 0;
  let answeredWrong = 0;
  let noneTrue = 0;
  let nonePredicted = 0;
  let noneGold = 0;
  let offeredRight = 0;
  const confusion = new Map<string, AnswerCase[]>();
  const misses: string[] = [];
  const started = process.hrtime.bigint();
  for (const c of cases) {
    const { top, confident, offered } = await predict(matcher, c.text, ranker);
    if (top === c.expected) right++;
    if (confident && top === c.expected) answeredRight++;
    if (confident && top !== c.expected) answeredWrong++;
    if (!confident && offered.includes(c.expected)) offeredRight++;
    if (top === 'none') nonePredicted++;
    if (c.expected === 'none') noneGold++;
    if (top === 'none' && c.expected === 'none') noneTrue++;
    if (top !== c.expected) {
      const key = `${c.expected} -> ${top}`;
      confusion.set(key, [...(confusion.get(key) ?? []), c]);
      misses.push(
        `  ${c.id} ${c.expected} -> ${top}${confident ? ' (answered)' : offered.length ? ` (offered ${offered.join(', ')})` : ''}  ${c.text}`,
      );
    }
  }
  const perQueryMs = Number(process.hrtime.bigint() - started) / 1e6 / Math.max(1, cases.length);
  const figures: AnswerFigures = {
    n: cases.length,
    top1: right / cases.length,
    answeredRight: answeredRight / cases.length,
    answeredWrong: answeredWrong / cases.length,
    nonePrecision: noneTrue / nonePredicted,
    noneRecall: noneTrue / noneGold,
  };
  console.log(`\n== Answers: ${label} (${cases.length} questions, pack of ${pack.length} entries) ==`);
  if (unknown.length > 0)
    console.log(`warning: ${unknown.length} expected ids are not in the pack, e.g. ${unknown[0].expected}`);
  console.log(`top-1 accuracy           ${pct(figures.top1)}`);
  console.log(
    `answered at once, right  ${pct(figures.answeredRight)}   wrong ${pct(figures.answeredWrong)}   right one offered as a choice ${pct(offeredRight / cases.length)}`,
  );
  console.log(
    `"none" precision         ${pct(figures.nonePrecision)}   recall ${pct(figures.noneRecall)}   (${noneGold} expected none)`,
  );
  console.log(`mean search time         ${perQueryMs.toFixed(3)} ms`);
  console.log('confusion pairs (expected -> top):');
  // The questions themselves only with --errors: a held-out half must stay unread.
  for (const [key, list] of [...confusion].sort((a, b) => b[1].length - a[1].length).slice(0, 15))
    console.log(`  ${key.padEnd(58)} ${list.length}${showErrors ? `  e.g. "${list[0].text}"` : ''}`);
  if (showErrors) console.log(misses.join('\n'));
  return figures;
}
