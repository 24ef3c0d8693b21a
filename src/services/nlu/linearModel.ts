import { FEATURE_BITS, type SparseVector } from './features';

export interface TrainingExample {
  features: SparseVector;
  label: number;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** Balances rare classes: weight = (n / (k * count))^balance; 0 = off, 1 = fully balanced. */
  balance: number;
  seed: number;
}

const DEFAULT_OPTIONS: TrainingOptions = { epochs: 12, learningRate: 0.6, balance: 0.5, seed: 7 };

/**
 * Multinomial logistic regression over hashed sparse features, trained by plain SGD.
 * Small and deterministic: a thousand examples train in a few tens of milliseconds.
 */
export class LinearModel {
  private readonly dims = 1 << FEATURE_BITS;
  private readonly weights: Float32Array;

  constructor(readonly classCount: number) {
    this.weights = new Float32Array(classCount * this.dims);
  }

  static train(
    examples: readonly TrainingExample[],
    classCount: number,
    options: Partial<TrainingOptions> = {},
  ): LinearModel {
    const opts = { ...DEFAULT_OPTIONS, ...options };
    const model = new LinearModel(classCount);
    const counts = new Array<number>(classCount).fill(0);
    for (const ex of examples) counts[ex.label]++;
    const classWeight = counts.map((c) => (c === 0 ? 0 : Math.pow(examples.length / (classCount * c), opts.balance)));
    const order = examples.map((_, i) => i);
    let rng = opts.seed >>> 0 || 1;
    const random = (): number => {
      rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0;
      return rng / 0x100000000;
    };
    const probs = new Float64Array(classCount);
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const rate = opts.learningRate / (1 + epoch * 0.3);
      for (const index of order) {
        const ex = examples[index];
        model.probabilities(ex.features, probs);
        const w = classWeight[ex.label] * rate;
        for (let k = 0; k < classCount; k++) {
          const gradient = (probs[k] - (k === ex.label ? 1 : 0)) * w;
          if (gradient === 0) continue;
          for (let f = 0; f < ex.features.indices.length; f++) {
            model.weights[ex.features.indices[f] * classCount + k] -= gradient * ex.features.values[f];
          }
        }
      }
    }
    return model;
  }

  logits(features: SparseVector, out: Float64Array = new Float64Array(this.classCount)): Float64Array {
    const { indices, values } = features;
    const classes = this.classCount;
    out.fill(0);
    // Feature-major layout: the weights of one feature for all classes sit side by side in memory.
    for (let f = 0; f < indices.length; f++) {
      const base = indices[f] * classes;
      const value = values[f];
      for (let k = 0; k < classes; k++) out[k] += this.weights[base + k] * value;
    }
    return out;
  }

  probabilities(features: SparseVector, out: Float64Array = new Float64Array(this.classCount)): Float64Array {
    return softmaxInPlace(this.logits(features, out));
  }
}

export function softmaxInPlace(values: Float64Array): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) if (values[k] > max) max = values[k];
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    values[k] = Math.exp(values[k] - max);
    sum += values[k];
  }
  for (let k = 0; k < values.length; k++) values[k] /= sum;
  return values;
}
