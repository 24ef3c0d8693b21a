/**
 * `npx tsx src/tools/knowledgeBench.ts [FILE.jsonl ...]`: latency of one knowledge search on the
 * shipped pack. Every message is searched once on a fresh matcher (words it has not seen before cost
 * the most), then all again (warm). Prints the build time and p50/p99/max per search, each the
 * least of three rounds.
 */
import { readFileSync } from 'node:fs';
import { loadKnowledgePack } from '../services/knowledge/contentPack';
import { KnowledgeMatcher } from '../services/knowledge/knowledgeMatcher';
import { decideSearch } from '../services/knowledge/searchDecision';

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function main(): void {
  const files = process.argv.slice(2);
  const pack = loadKnowledgePack();
  const texts = files.length
    ? files.flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => (JSON.parse(l) as { text: string }).text),
      )
    : pack.flatMap((e) => [...e.questions.de, ...e.questions.en]).map((q) => `${q} bitte`);
  const phrasings = pack.reduce((n, e) => n + e.questions.de.length + e.questions.en.length, 0);
  // The machine is shared: each figure is the least of three rounds (a fresh matcher each), so a
  // neighbour's burst does not pass for the search's own cost.
  const rounds = 3;
  const cold = new Array<number>(texts.length).fill(Infinity);
  const warm = new Array<number>(texts.length).fill(Infinity);
  let buildMs = Infinity;
  for (let round = 0; round < rounds; round++) {
    const t0 = process.hrtime.bigint();
    const matcher = new KnowledgeMatcher(pack);
    buildMs = Math.min(buildMs, Number(process.hrtime.bigint() - t0) / 1e6);
    for (const into of [cold, warm]) {
      texts.forEach((text, i) => {
        const start = process.hrtime.bigint();
        decideSearch(matcher.match(text, { minScore: 0, limit: 3 }));
        into[i] = Math.min(into[i], Number(process.hrtime.bigint() - start) / 1e6);
      });
    }
  }
  cold.sort((a, b) => a - b);
  warm.sort((a, b) => a - b);
  console.log(
    `pack ${pack.length} entries, ${phrasings} phrasings; matcher built in ${buildMs.toFixed(1)} ms; ${texts.length} messages`,
  );
  for (const [label, list] of [
    ['first time', cold],
    ['again', warm],
  ] as const) {
    console.log(
      `${label.padEnd(10)} p50 ${quantile(list, 0.5).toFixed(3)} ms  p99 ${quantile(list, 0.99).toFixed(3)} ms  max ${list[list.length - 1].toFixed(3)} ms`,
    );
  }
}

main();
