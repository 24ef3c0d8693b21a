import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgePack } from '../../../src/services/knowledge/contentPack';
import { loadKnowledgeExamples } from '../../../src/services/knowledge/knowledgeExamples';
import { frustrationCorpus } from '../../../src/services/nlu/corpus';
import { loadIntentExamples, loadToneExamples } from '../../../src/services/nlu/nluContent';
import { foldTokens } from '../../../src/services/nlu/normalize';

const EVAL_DIR = path.resolve(__dirname, '../../../eval');

/**
 * Spelling-, case- and punctuation-blind key, so that "Rechnung zu hoch!" and "rechnung zu hoch" meet;
 * a line without letters or digits ("👍", "???") is compared as written.
 */
const key = (text: string): string => foldTokens(text).join(' ') || text.replace(/\s+/g, '');

/** The lines of `lines` (by key) that one of `texts` equals, as they are named there. */
function linesAmong(lines: ReadonlyMap<string, string>, texts: readonly string[]): string[] {
  return texts.map((text) => lines.get(key(text))).filter((hit): hit is string => hit !== undefined);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.jsonl?$/.test(name) ? [full] : [];
  });
}

/** Every string of every eval file: texts, turns, questions (ids and labels never equal a sentence). */
function strings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => strings(item, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => strings(item, out));
}

function evalTexts(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files(EVAL_DIR)) {
    const raw = readFileSync(file, 'utf8');
    const docs = file.endsWith('.jsonl')
      ? raw
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as unknown)
      : [JSON.parse(raw) as unknown];
    const texts: string[] = [];
    docs.forEach((doc) => strings(doc, texts));
    // A conversation's "ciao" or "thanks bye" is every author's line and decides no measure.
    const lines = file.endsWith('scripts.json') ? texts.filter((t) => t.trim().split(/\s+/).length > 2) : texts;
    for (const text of lines) {
      const k = key(text);
      if (k.length > 0) found.set(k, `${path.relative(EVAL_DIR, file)}: ${text}`);
    }
  }
  return found;
}

describe('training data and evaluation sets', () => {
  it('share no line: a measure on lines the models learnt from would flatter them', () => {
    const evaluation = evalTexts();
    expect(evaluation.size).toBeGreaterThan(1000);
    const shared = linesAmong(
      evaluation,
      frustrationCorpus().map((example) => example.text),
    );
    expect(shared).toEqual([]);
  });
});

/** The labelled lines of one eval file, each with whether its id is odd (the halves of a set). */
function labelledLines(file: string): { id: string; text: string; odd: boolean }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const { id, text } = JSON.parse(line) as { id: string; text: string };
      return { id, text, odd: Number(/(\d)\D*$/.exec(id)?.[1] ?? 0) % 2 === 1 };
    });
}

/** Answer sets whose lines were studied, by half ("all" for a whole set): their questions may teach the model. */
const STUDIED: Record<string, 'odd' | 'all'> = {
  answers: 'odd',
  blind5: 'odd',
  blind6: 'all',
  blind7: 'all',
  blind9: 'all',
  blind10: 'odd',
  blind12: 'odd',
  blind13: 'odd',
  blind14: 'odd',
  blind31: 'odd',
};

describe('knowledge examples and the held-out answer questions', () => {
  it('share no line: the model learns only from studied halves', () => {
    const heldOut = new Map<string, string>();
    for (const set of readdirSync(EVAL_DIR)) {
      const file = path.join(EVAL_DIR, set, 'answers.jsonl');
      if (!existsSync(file)) continue;
      for (const { id, text, odd } of labelledLines(file)) {
        const studied = STUDIED[set] === 'all' || (STUDIED[set] === 'odd' && odd);
        if (!studied) heldOut.set(key(text), `${set}/${id}: ${text}`);
      }
    }
    expect(heldOut.size).toBeGreaterThan(800);
    const examples = loadKnowledgeExamples(new Set(loadKnowledgePack().map((e) => e.id)));
    const shared = linesAmong(heldOut, [...examples.values()].flat());
    expect(shared).toEqual([]);
  });
});

/** The intent and tone lines of sets never studied by example, by half, keyed for comparison. */
function heldOutLines(sets: Record<string, 'even' | 'all'>): Map<string, string> {
  const heldOut = new Map<string, string>();
  for (const [set, half] of Object.entries(sets)) {
    for (const name of ['intents.jsonl', 'frustration.jsonl']) {
      const file = path.join(EVAL_DIR, set, name);
      if (!existsSync(file)) continue;
      for (const { id, text, odd } of labelledLines(file))
        if (half === 'all' || !odd) heldOut.set(key(text), `${set}/${id}: ${text}`);
    }
  }
  return heldOut;
}

/** Intent sets never studied by example, by half: the model's extra examples must not contain them. */
const HELD_OUT_INTENTS: Record<string, 'even' | 'all'> = {
  blind5: 'even',
  blind8: 'all',
  blind9: 'all',
  blind11: 'all',
  blind15: 'even',
  blind18: 'even',
  blind31: 'even',
};

/** Tone sets never studied by example, by half: the tone model's extra examples must not contain them. */
const HELD_OUT_TONE: Record<string, 'even' | 'all'> = {
  ...HELD_OUT_INTENTS,
  blind21: 'all',
  blind27: 'all',
  blind29: 'even',
  blind30: 'all',
};

describe("the embedding model's examples and the held-out sets", () => {
  it.each([
    { model: 'intents', sets: HELD_OUT_INTENTS, least: 1500, examples: () => loadIntentExamples() },
    { model: 'tone', sets: HELD_OUT_TONE, least: 3000, examples: () => loadToneExamples() },
  ])('share no line: $model', ({ sets, least, examples }) => {
    const heldOut = heldOutLines(sets);
    expect(heldOut.size).toBeGreaterThan(least);
    const texts = examples().map((e) => e.text);
    expect(texts.length).toBeGreaterThan(1500);
    expect(linesAmong(heldOut, texts)).toEqual([]);
  });
});
