/*
 * A softmax regression over labelled embeddings: the knowledge search learns its entries from their
 * phrasings and answers (semanticRanker.ts), the triage learns intents from its training corpus
 * (nlu/intentModel.ts). Nearest phrasings judge a question by the one or two phrasings written
 * closest to it; the classifier learns which directions of the embedding space tell one label from
 * its neighbours, so a question worded unlike every example still lands on its label. Measured for
 * the knowledge entries with the model alone (top-1, in-scope questions, nothing of the evaluation
 * sets in training): answers 0.846 -> 0.885, blind8 0.883 -> 0.942, blind9 0.842 -> 0.896, blind10
 * 0.838 -> 0.875.
 *
 * The embeddings of e5 all lie in a narrow cone (cosines of 0.75 to 0.95), so inputs are centred on
 * the training mean and scaled to unit length first; training then settles in ten passes of
 * mini-batches with Adam. The constants were chosen on the studied halves; neighbouring values
 * (5 to 30 passes, batches of 32 to 128, l2 from 1e-5 to 1e-3) moved top-1 by about a point.
 * Training is deterministic: the same examples in the same order always give the same classifier.
 */
import { softmaxInPlace } from '../nlu/linearModel';

const EPOCHS = 10;
const BATCH = 64;
const LEARNING_RATE = 0.01;
const L2 = 1e-4;
/** Logits are the dot product times this (inputs and queries are unit length). */
const TEMPERATURE = 5;
/** Examples between two pauses for the event loop (about 10 ms of work each time). */
const YIELD_EVERY = 16;
const BETA1 = 0.9;
const BETA2 = 0.999;

/** A trained classifier: per label a log-probability for a query vector. */
export interface VectorClassifier {
  readonly classes: readonly string[];
  /** Log-probability of every class for a query embedding, in the order of `classes`. */
  logProbabilities(query: Float32Array): Float64Array;
}

/** Lets the event loop serve customers while training runs (about 6 s of CPU for the shipped knowledge pack). */
export type Yielder = () => Promise<void>;

const yieldToLoop: Yielder = () => new Promise((resolve) => setImmediate(resolve));

function centred(vector: Float32Array, mean: Float32Array): Float32Array {
  const out = new Float32Array(vector.length);
  let norm = 0;
  for (let i = 0; i < vector.length; i++) {
    out[i] = vector[i] - mean[i];
    norm += out[i] * out[i];
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < out.length; i++) out[i] *= scale;
  return out;
}

/** A fixed-seed shuffle, so the same content always trains the same classifier. */
function shuffled(n: number, seed: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let state = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/**
 * Trains a classifier on labelled embeddings (all of one length). Cooperative: it pauses every few
 * examples, so a running service keeps answering while it learns.
 */
export async function trainVectorClassifier(
  examples: readonly { label: string; vector: Float32Array }[],
  pause: Yielder = yieldToLoop,
): Promise<VectorClassifier> {
  const classes = [...new Set(examples.map((e) => e.label))];
  const classOf = new Map(classes.map((c, i) => [c, i]));
  const dim = examples[0]?.vector.length ?? 0;
  const k = classes.length;
  const mean = new Float32Array(dim);
  for (const { vector } of examples) for (let i = 0; i < dim; i++) mean[i] += vector[i] / examples.length;
  const inputs = examples.map((e) => centred(e.vector, mean));
  const labels = examples.map((e) => classOf.get(e.label) as number);

  // Weights are stored by feature: weights[f * k + c].
  const weights = new Float64Array(dim * k);
  const bias = new Float64Array(k);
  const moments = {
    w1: new Float64Array(dim * k),
    w2: new Float64Array(dim * k),
    b1: new Float64Array(k),
    b2: new Float64Array(k),
  };
  const gradW = new Float64Array(dim * k);
  const gradB = new Float64Array(k);
  const logits = new Float64Array(k);
  let step = 0;

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = shuffled(inputs.length, epoch + 1);
    for (let start = 0; start < order.length; start += BATCH) {
      const end = Math.min(order.length, start + BATCH);
      const size = end - start;
      gradW.fill(0);
      gradB.fill(0);
      for (let n = start; n < end; n++) {
        if (n > start && (n - start) % YIELD_EVERY === 0) await pause();
        const x = inputs[order[n]];
        scoresInto(logits, x, weights, bias, k);
        softmaxInPlace(logits);
        logits[labels[order[n]]] -= 1;
        for (let c = 0; c < k; c++) {
          logits[c] /= size;
          gradB[c] += logits[c];
        }
        for (let f = 0; f < dim; f++) {
          const xf = x[f] * TEMPERATURE;
          const row = f * k;
          for (let c = 0; c < k; c++) gradW[row + c] += xf * logits[c];
        }
      }
      step++;
      for (let i = 0; i < weights.length; i++) gradW[i] += L2 * weights[i];
      adam(weights, gradW, moments.w1, moments.w2, step);
      adam(bias, gradB, moments.b1, moments.b2, step);
      await pause();
    }
  }

  return {
    classes,
    logProbabilities(query: Float32Array): Float64Array {
      const out = new Float64Array(k);
      scoresInto(out, centred(query, mean), weights, bias, k);
      let max = -Infinity;
      for (const v of out) if (v > max) max = v;
      let sum = 0;
      for (const v of out) sum += Math.exp(v - max);
      const log = max + Math.log(sum);
      for (let c = 0; c < k; c++) out[c] -= log;
      return out;
    },
  };
}

function scoresInto(out: Float64Array, x: Float32Array, weights: Float64Array, bias: Float64Array, k: number): void {
  out.set(bias);
  for (let f = 0; f < x.length; f++) {
    const xf = x[f] * TEMPERATURE;
    const row = f * k;
    for (let c = 0; c < k; c++) out[c] += xf * weights[row + c];
  }
}

function adam(params: Float64Array, grad: Float64Array, m: Float64Array, v: Float64Array, step: number): void {
  const c1 = 1 - BETA1 ** step;
  const c2 = 1 - BETA2 ** step;
  for (let i = 0; i < params.length; i++) {
    m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
    v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
    params[i] -= (LEARNING_RATE * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + 1e-8);
  }
}
