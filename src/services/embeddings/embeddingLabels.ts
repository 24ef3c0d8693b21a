import type { Logger } from '../logger';
import type { Embedder } from './embedder';
import { embedWithCache, unit, type VectorStore } from './vectorCache';
import { type VectorClassifier, trainVectorClassifier } from './vectorClassifier';

/** A failed training is tried again after this long. */
const RETRY_AFTER_MS = 60_000;

/**
 * Labels texts by their embeddings: a softmax regression (vectorClassifier.ts) trained in the
 * background on the embeddings of labelled examples (cached in the store, so only the first start
 * embeds them), then one embedding per text asked about. Until it is trained, or while the model is
 * away, it has no opinion. The triage's intent and tone models are two of these.
 */
export class EmbeddingLabels<L extends string> {
  private classifier?: VectorClassifier;
  private training?: Promise<void>;

  constructor(
    private readonly embedder: Embedder,
    private readonly store: VectorStore | undefined,
    private readonly logger: Logger,
    /** What the labels are, for the log: "intent model", "tone model". */
    private readonly name: string,
  ) {}

  get ready(): boolean {
    return this.classifier !== undefined && this.embedder.available;
  }

  /**
   * Starts training (once); settles when the classifier is there or training has failed. After a
   * failure (the model away at start) it tries again a minute later, in the background.
   */
  train(examples: readonly { label: L; text: string }[]): Promise<void> {
    this.training ??= (async () => {
      try {
        const vectors = await embedWithCache(
          this.embedder,
          examples.map((e) => e.text),
          this.store,
        );
        this.classifier = await trainVectorClassifier(examples.map((e, i) => ({ label: e.label, vector: vectors[i] })));
        this.logger.info({ examples: examples.length, model: this.embedder.model }, `${this.name} ready`);
      } catch (err) {
        this.logger.warn({ err }, `${this.name} not trained; the words decide alone`);
        this.training = undefined;
        setTimeout(() => void this.train(examples), RETRY_AFTER_MS).unref();
      }
    })();
    return this.training;
  }

  /** Probability of each label for each text (one call for many), or undefined while the model cannot say. */
  async probabilities(texts: readonly string[]): Promise<readonly ReadonlyMap<L, number>[] | undefined> {
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
      return new Map(classifier.classes.map((label, i) => [label as L, Math.exp(logp[i])]));
    });
  }
}
