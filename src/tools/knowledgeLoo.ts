/**
 * `npx tsx src/tools/knowledgeLoo.ts [--errors] [--every N] [--pack DIR]`: how well the knowledge matcher
 * generalises to phrasings it has not seen. Each question of each pack entry is taken out of the
 * index in turn and asked; top-1 counts when the entry it belongs to comes first. A development
 * measure only: the phrasings are the pack author's, not customers'.
 */
import { loadKnowledgePack, PackEntry } from '../services/knowledge/contentPack';
import { DEFAULT_WEIGHTS, KnowledgeMatcher } from '../services/knowledge/knowledgeMatcher';
import { defaultLexicon } from '../services/knowledge/text/lexicon';
import { decideSearch } from '../services/knowledge/searchDecision';

interface Outcome {
  entry: string;
  lang: 'de' | 'en';
  text: string;
  top?: string;
  score: number;
  confident: boolean;
  offered: boolean;
}

function without(
  pack: readonly PackEntry[],
  entryIndex: number,
  lang: 'de' | 'en',
  questionIndex: number,
): PackEntry[] {
  return pack.map((e, i) =>
    i === entryIndex
      ? { ...e, questions: { ...e.questions, [lang]: e.questions[lang].filter((_, j) => j !== questionIndex) } }
      : e,
  );
}

function main(): void {
  const packIndex = process.argv.indexOf('--pack');
  const pack = loadKnowledgePack(packIndex > 0 ? process.argv[packIndex + 1] : undefined);
  // KNOWLEDGE_WEIGHTS='{"phrasing":0.6}' tries other weights without editing the defaults.
  const weights = {
    ...DEFAULT_WEIGHTS,
    ...(JSON.parse(process.env.KNOWLEDGE_WEIGHTS ?? '{}') as Partial<typeof DEFAULT_WEIGHTS>),
  };
  const everyIndex = process.argv.indexOf('--every');
  const every = everyIndex > 0 ? Number(process.argv[everyIndex + 1]) : 1;
  const outcomes: Outcome[] = [];
  let counter = 0;
  pack.forEach((entry, entryIndex) => {
    for (const lang of ['de', 'en'] as const) {
      entry.questions[lang].forEach((text, questionIndex) => {
        if (counter++ % every !== 0) return;
        const rest = without(pack, entryIndex, lang, questionIndex);
        const matcher = new KnowledgeMatcher(rest, defaultLexicon(), weights);
        const decision = decideSearch(matcher.match(text, { minScore: 0, limit: 3 }));
        const top = decision.best?.id;
        outcomes.push({
          entry: entry.id,
          lang,
          text,
          top,
          score: decision.best?.score ?? 0,
          confident: decision.confident,
          offered: decision.alternatives.some((a) => a.id === entry.id),
        });
      });
    }
  });
  const report = (label: string, list: Outcome[]) => {
    const top1 = list.filter((o) => o.top === o.entry).length;
    const confidentRight = list.filter((o) => o.confident && o.top === o.entry).length;
    const confidentWrong = list.filter((o) => o.confident && o.top !== o.entry).length;
    const offered = list.filter((o) => !o.confident && o.offered).length;
    console.log(
      `${label.padEnd(8)} n=${String(list.length).padStart(5)}  top-1 ${(top1 / list.length).toFixed(3)}  confident&right ${(confidentRight / list.length).toFixed(3)}  confident&wrong ${(confidentWrong / list.length).toFixed(3)}  offered ${(offered / list.length).toFixed(3)}`,
    );
  };
  console.log(`pack: ${pack.length} entries, ${outcomes.length} questions asked leave-one-out`);
  report('all', outcomes);
  report(
    'de',
    outcomes.filter((o) => o.lang === 'de'),
  );
  report(
    'en',
    outcomes.filter((o) => o.lang === 'en'),
  );
  const confusion = new Map<string, number>();
  for (const o of outcomes)
    if (o.top !== o.entry)
      confusion.set(`${o.entry} -> ${o.top ?? 'none'}`, (confusion.get(`${o.entry} -> ${o.top ?? 'none'}`) ?? 0) + 1);
  console.log('most frequent confusions:');
  for (const [pair, n] of [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`  ${String(n).padStart(3)}  ${pair}`);
  if (process.argv.includes('--errors')) {
    for (const o of outcomes)
      if (o.top !== o.entry)
        console.log(
          `  ${o.entry} -> ${o.top ?? 'none'} (${o.score.toFixed(2)}${o.confident ? ', confident' : ''}) ${o.text}`,
        );
  }
}

main();
