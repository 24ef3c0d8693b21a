import { extractFeatures, type SparseVector } from './features';
import { loadCorpusFolder, type LabelledExample } from './nluContent';

export type { LabelledExample } from './nluContent';

let cached: LabelledExample[] | undefined;

/** The shipped training corpus (content/nlu/training/): what both models learn from. */
export function trainingCorpus(): LabelledExample[] {
  cached ??= loadCorpusFolder('training');
  return cached;
}

let toneCached: LabelledExample[] | undefined;

/** The training corpus plus examples written for tone only (content/nlu/tone/): what the frustration model learns from. */
export function frustrationCorpus(): LabelledExample[] {
  toneCached ??= [...trainingCorpus(), ...loadCorpusFolder('tone')];
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
