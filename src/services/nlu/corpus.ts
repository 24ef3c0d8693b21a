import { extractFeatures, type SparseVector } from './features';
import { loadCorpusFolder, loadIntentExamples, loadToneExamples, type LabelledExample } from './nluContent';
import type { FrustrationLevel, Intent } from './types';

export type { LabelledExample } from './nluContent';

let cached: LabelledExample[] | undefined;

/** The shipped training corpus (content/nlu/training/): what both models learn from. */
export function trainingCorpus(): LabelledExample[] {
  cached ??= loadCorpusFolder('training');
  return cached;
}

let modelCached: { intent: Intent; text: string }[] | undefined;

/**
 * What the embedding model's intent classifier learns from: the training corpus plus customers'
 * messages of the studied evaluation sets (content/nlu/intent-examples.json), which the word-based
 * recognizer never sees. Held-out sets with the model (`npm run eval -- --set NAME --model`): blind8
 * 0.912 -> 0.931, blind9 0.892 -> 0.892, blind11 0.883 -> 0.890, blind5 even ids 0.959 -> 0.951.
 */
export function intentModelCorpus(): { intent: Intent; text: string }[] {
  modelCached ??= [...trainingCorpus(), ...loadIntentExamples()];
  return modelCached;
}

let toneCached: LabelledExample[] | undefined;

/** The training corpus plus examples written for tone only (content/nlu/tone/): what the frustration model learns from. */
export function frustrationCorpus(): LabelledExample[] {
  toneCached ??= [...trainingCorpus(), ...loadCorpusFolder('tone')];
  return toneCached;
}

let toneModelCached: { level: FrustrationLevel; text: string }[] | undefined;

/**
 * What the embedding model's tone classifier learns from: the frustration model's corpus plus
 * customers' messages of the studied tone sets (content/nlu/tone-examples.json), which the
 * word-based scorer never sees.
 */
export function toneModelCorpus(): { level: FrustrationLevel; text: string }[] {
  toneModelCached ??= [...frustrationCorpus(), ...loadToneExamples()];
  return toneModelCached;
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
