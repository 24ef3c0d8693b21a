/*
 * The embedding model's opinion on a message's intent, asked when the word-based recognizer is
 * unsure. A softmax regression (embeddings/vectorClassifier.ts, the knowledge search's trainer) is
 * trained on the embeddings of the shipped training corpus; its probabilities are blended with the
 * recognizer's scores.
 *
 * Chosen on the evaluation sets before it was built (a scratch run of the same classifier): the model
 * alone is worse than the recognizer on every set (mean 0.88 against 0.94); blended, a weight of 0.3
 * beat 0.2 and 0.4, consulting it only below a confidence of 0.7 gave the same mean as at every
 * confidence for half the calls, and adding the knowledge phrasings (labelled with their category)
 * to its training examples moved nothing. As built (`npm run eval -- --set NAME --model`, words only
 * -> with the model): mean of twelve sets 0.934 -> 0.945; blind9 0.862 -> 0.892, blind8 0.896 ->
 * 0.912, blind5 even 0.918 -> 0.959, blind11 (new this round, never studied) 0.877 -> 0.883, dev
 * 0.969 -> 0.963.
 */
import type { Embedder } from '../embeddings/embedder';
import { EmbeddingLabels } from '../embeddings/embeddingLabels';
import type { VectorStore } from '../embeddings/vectorCache';
import type { Logger } from '../logger';
import { INTENTS, type Intent, type IntentResult } from './types';

/** A word of at least two letters. */
const LETTERS = /\p{L}\p{L}/u;

/** Two words or more, each of two letters or more: a digit or "ok" answers a step and is worth no model call. */
export function saysEnoughForTheModel(text: string): boolean {
  return text.split(/\s+/).filter((word) => LETTERS.test(word)).length >= 2;
}

/** The model is asked only when the recognizer's confidence is below this. */
export const CONSULT_BELOW = 0.7;
/** Share of the model's probability in the blended score of an intent. */
export const MODEL_WEIGHT = 0.3;

/** Probability of each intent for each message (one call for many), or undefined while the model cannot say. */
export interface IntentOpinion {
  probabilities(texts: readonly string[]): Promise<readonly ReadonlyMap<Intent, number>[] | undefined>;
}

/**
 * Whether a recognizer result is worth the model's call: unsure, two words or more (a digit or "ok"
 * answers a step), and no wish for a person (the model never talks a customer out of one).
 */
export function wantsOpinion(result: IntentResult, text: string): boolean {
  if (result.confidence >= CONSULT_BELOW || result.intent === 'human') return false;
  return saysEnoughForTheModel(text);
}

/**
 * The recognizer's ranking blended with the model's probabilities. "human" gets no share of the
 * model, and none of the words' ranking unless the recognizer chose it: its ranking can lead with
 * "human" while it has refused a person for want of a word for one ("kei Werbig meh vo öich bitte"),
 * and the blend must not bring that back. A person is handed over on the customer's words, never on
 * a guess.
 */
export function blendOpinion(result: IntentResult, probabilities: ReadonlyMap<Intent, number>): IntentResult {
  const ranking = INTENTS.map((intent) => {
    const words = result.ranking.find((r) => r.intent === intent)?.score ?? 0;
    const model = probabilities.get(intent) ?? 0;
    if (intent === 'human') return { intent, score: result.intent === 'human' ? (1 - MODEL_WEIGHT) * words : 0 };
    return { intent, score: (1 - MODEL_WEIGHT) * words + MODEL_WEIGHT * model };
  }).sort((a, b) => b.score - a.score);
  return { intent: ranking[0].intent, confidence: ranking[0].score, ranking };
}

/** The intent opinion of the embedding model, trained on the corpus's intents. */
export class IntentModel implements IntentOpinion {
  private readonly labels: EmbeddingLabels<Intent>;

  constructor(embedder: Embedder, store: VectorStore | undefined, logger: Logger) {
    this.labels = new EmbeddingLabels(embedder, store, logger, 'intent model');
  }

  get ready(): boolean {
    return this.labels.ready;
  }

  train(corpus: readonly { intent: Intent; text: string }[]): Promise<void> {
    return this.labels.train(corpus.map((c) => ({ label: c.intent, text: c.text })));
  }

  probabilities(texts: readonly string[]): Promise<readonly ReadonlyMap<Intent, number>[] | undefined> {
    return this.labels.probabilities(texts);
  }
}
