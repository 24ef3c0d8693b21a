import { INTENTS, type FrustrationLevel, type Intent } from './types';
import { extractFeatures, type SparseVector } from './features';
import { TONE_CORPUS, TRAINING_CORPUS } from './trainingCorpus';

export interface LabelledExample {
  text: string;
  intent: Intent;
  level: FrustrationLevel;
}

/** Parses `intent|level|text` lines; a malformed line is a programming error in the shipped corpus. */
export function parseCorpus(raw: string): LabelledExample[] {
  const out: LabelledExample[] = [];
  for (const line of raw.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const [intent, level, ...rest] = trimmed.split('|');
    const text = rest.join('|');
    if (!(INTENTS as readonly string[]).includes(intent) || !['0', '1', '2'].includes(level) || !text) {
      throw new Error(`Malformed training line: ${trimmed}`);
    }
    out.push({ text, intent: intent as Intent, level: Number(level) as FrustrationLevel });
  }
  return out;
}

let cached: LabelledExample[] | undefined;

export function trainingCorpus(): LabelledExample[] {
  cached ??= parseCorpus(TRAINING_CORPUS);
  return cached;
}

let toneCached: LabelledExample[] | undefined;

/** The training corpus plus examples written for tone only: what the frustration model learns from. */
export function frustrationCorpus(): LabelledExample[] {
  toneCached ??= [...trainingCorpus(), ...parseCorpus(TONE_CORPUS)];
  return toneCached;
}

const featureCache = new WeakMap<LabelledExample, SparseVector>();

/** Feature vector of a training example, computed once for both models that train on it. */
export function exampleFeatures(example: LabelledExample): SparseVector {
  let vector = featureCache.get(example);
  if (!vector) {
    vector = extractFeatures(example.text);
    featureCache.set(example, vector);
  }
  return vector;
}
