/*
 * The embedding model's opinion on a message's intent, asked when the word-based recognizer is
 * unsure. A softmax regression (embeddings/vectorClassifier.ts, the knowledge search's trainer) is
 * trained on the embeddings of the shipped training corpus; its probabilities are blended with the
 * recognizer's scores.
 *
 * Measured before it was built (`npm run eval` sets, the recognizer as shipped, 1,985 corpus lines,
 * nothing of the sets in training): the model alone is worse than the recognizer on every set (mean
 * 0.88 against 0.94), but blended at 0.3 below a recognizer confidence of 0.7 it lifts the mean of
 * eleven sets from 0.940 to 0.951: blind9 0.858 -> 0.888, blind8 0.900 -> 0.915, blind5 even
 * 0.926 -> 0.959, dev 0.969 -> 0.963, blind7 0.915 -> 0.912. Weights 0.2 and 0.4 measured worse
 * (0.947 each); consulting it at every confidence gave the same mean at twice the calls. Adding the
 * knowledge phrasings (labelled with their category) to the training examples moved nothing.
 */
import type { Embedder } from '../embeddings/embedder';
import { embedWithCache, unit, type VectorStore } from '../embeddings/vectorCache';
import { type VectorClassifier, trainVectorClassifier } from '../embeddings/vectorClassifier';
import type { Logger } from '../logger';
import { INTENTS, type Intent, type IntentResult } from './types';

/** A word of at least two letters. */
const LETTERS = /\p{L}\p{L}/u;

/** The model is asked only when the recognizer's confidence is below this. */
export const CONSULT_BELOW = 0.7;
/** Share of the model's probability in the blended score of an intent. */
export const MODEL_WEIGHT = 0.3;

/** Probability of each intent for each message (one call for many), or undefined while the model cannot say. */
export interface IntentOpinion {
  probabilities(texts: readonly string[]): Promise<readonly ReadonlyMap<Intent, number>[] | undefined>;
}

/**
 * Whether a recognizer result is worth the model's call: unsure, about more than a word or two of
 * letters, and no wish for a person (the model never talks a customer out of one).
 */
export function wantsOpinion(result: IntentResult, text: string): boolean {
  if (result.confidence >= CONSULT_BELOW || result.intent === 'human') return false;
  return text.split(/\s+/).filter((word) => LETTERS.test(word)).length >= 2;
}

/**
 * The recognizer's ranking blended with the model's probabilities. "human" gets no share of the
 * model, so it can never rise to the top here: a person is handed over on the customer's words,
 * never on the model's guess.
 */
export function blendOpinion(result: IntentResult, probabilities: ReadonlyMap<Intent, number>): IntentResult {
  const ranking = INTENTS.map((intent) => {
    const words = result.ranking.find((r) => r.intent === intent)?.score ?? 0;
    const model = probabilities.get(intent) ?? 0;
    return { intent, score: (1 - MODEL_WEIGHT) * words + (intent === 'human' ? 0 : MODEL_WEIGHT * model) };
  }).sort((a, b) => b.score - a.score);
  return { intent: ranking[0].intent, confidence: ranking[0].score, ranking };
}

/**
 * Trains the classifier in the background from the corpus's embeddings (cached in the store, so
 * only the first start embeds the corpus) and answers per message with one embedding. Until it is
 * trained, or while the model is away, it has no opinion.
 */
export class IntentModel implements IntentOpinion {
  private classifier?: VectorClassifier;
  private training?: Promise<void>;

  constructor(
    private readonly embedder: Embedder,
    private readonly store: VectorStore | undefined,
    private readonly logger: Logger,
  ) {}

  get ready(): boolean {
    return this.classifier !== undefined && this.embedder.available;
  }

  /** Starts training (once); settles when the classifier is there or training has failed. */
  train(corpus: readonly { intent: Intent; text: string }[]): Promise<void> {
    this.training ??= (async () => {
      try {
        const vectors = await embedWithCache(
          this.embedder,
          corpus.map((c) => c.text),
          this.store,
        );
        this.classifier = await trainVectorClassifier(corpus.map((c, i) => ({ label: c.intent, vector: vectors[i] })));
        this.logger.info({ examples: corpus.length, model: this.embedder.model }, 'intent model ready');
      } catch (err) {
        this.logger.warn({ err }, 'intent model not trained; intents from the word-based recognizer only');
      }
    })();
    return this.training;
  }

  async probabilities(texts: readonly string[]): Promise<readonly ReadonlyMap<Intent, number>[] | undefined> {
    const classifier = this.classifier;
    if (!classifier || !this.ready) return undefined;
    let vectors: Float32Array[];
    try {
      vectors = await this.embedder.embed([...texts]);
    } catch {
      return undefined;
    }
    return vectors.map((vector) => {
      const logp = classifier.logProbabilities(unit(vector));
      return new Map(classifier.classes.map((label, i) => [label as Intent, Math.exp(logp[i])]));
    });
  }
}
