/*
 * The embedding model's opinion on a message's tone, beside the word-based frustration scorer. The
 * scorer's lexicon knows the words it was shown; on tone sets whose lines it never saw it missed about
 * one irate customer in eight (irate recall 0.88 on blind27 and on blind29's even ids), mostly anger
 * without a listed word: cold threats, a Swiss "Ihr chönd mi mal", an English "shove your apologies".
 * A softmax regression on the embeddings of the tone corpus and of the studied sets' tone lines hears
 * those; alone it is uneven (F1 0.83 to 0.97 on the held-out sets, the scorer's 0.90 to 0.95) and hears
 * the topics anger comes with, so it only lifts the scorer's level by one step where it is sure, and
 * from calm to irate only where it is all but certain of rage aimed at us.
 */
import type { Embedder } from '../embeddings/embedder';
import { EmbeddingLabels } from '../embeddings/embeddingLabels';
import type { VectorStore } from '../embeddings/vectorCache';
import type { Logger } from '../logger';
import { addressesSomeone } from './frustrationExceptions';
import { WORDS } from './frustrationText';
import { DEFAULT_FRUSTRATION_THRESHOLDS } from './frustrationScorer';
import { saysEnoughForTheModel } from './intentModel';
import { foldTokens } from './normalize';
import type { FrustrationLevel, FrustrationResult, FrustrationThresholds } from './types';

/**
 * The model's irate probability above which an annoyed message (that may be rage at us) is irate. At 0.5
 * instead of 0.7, over eleven held-out tone sets (520 irate lines): irate recall 0.954 -> 0.967, three more
 * annoyed lines irate (54 -> 57), F1 unchanged; "Ihr seids echt des Letzte", "I'm reporting this".
 */
export const IRATE_ABOVE = 0.5;
/** The model's probability of annoyed or irate above which a calm message is annoyed. */
export const ANNOYED_ABOVE = 0.9;
/** The model's irate probability above which a message to us that the words heard as calm is irate. */
export const IRATE_FROM_CALM_ABOVE = 0.9;

const LEVELS = ['0', '1', '2'] as const;
type ToneLabel = (typeof LEVELS)[number];

/** Probability of each level (calm, annoyed, irate) for each message, or undefined while the model cannot say. */
export interface ToneOpinion {
  levels(texts: readonly string[]): Promise<readonly (readonly [number, number, number])[] | undefined>;
}

/** Whether the scorer's result is worth the model's call: not irate already, and two words or more. */
export function wantsToneOpinion(result: FrustrationResult, text: string): boolean {
  if (result.level === 2) return false;
  return saysEnoughForTheModel(text);
}

/** What alone shows no anger at anyone: a sighing emoji, exclamation marks, the word model's lean. */
const WEAK_SIGNALS: ReadonlySet<string> = new Set(['model', 'emoji:annoyed', 'exclamation', 'exasperation']);

/**
 * Whether an annoyed message may be rage at us: it speaks to someone, or carries more than a sigh. The
 * model also hears the topics that anger comes with: "hab 3x den falschen pin eingegeben jetzt will er a
 * puk 😩" was irate to it (0.92), and the customer who mistyped their own PIN went to a supervisor.
 */
function mayBeRage(result: FrustrationResult, tokens: string[]): boolean {
  return addressesSomeone(tokens) || result.signals.some((s) => !WEAK_SIGNALS.has(s));
}

/** The scorer's result, higher where the model is sure of more than the scorer heard (never lower). */
export function liftTone(
  result: FrustrationResult,
  [, annoyed, irate]: readonly [number, number, number],
  text: string,
  thresholds?: FrustrationThresholds,
): FrustrationResult {
  const limits = { ...DEFAULT_FRUSTRATION_THRESHOLDS, ...thresholds };
  let level: FrustrationLevel | undefined;
  const tokens = foldTokens(text);
  // Thanks or praise keep a calm message calm: "Danke!!! Ihr seid die Besten!!!" was irate to the model (0.98).
  const calm = result.level === 0 && !tokens.some((w) => WORDS.thanksOrPraise.has(w));
  if (result.level === 1 && irate > IRATE_ABOVE && mayBeRage(result, tokens)) level = 2;
  // Cold fury without one listed word ("Sie haben mir einen Techniker geschickt, der die Wand aufgebohrt
  // hat … Ich will Schadensersatz, und zwar schnell."): irate at once where the model is all but certain
  // and the message speaks to us.
  else if (calm && irate > IRATE_FROM_CALM_ABOVE && addressesSomeone(tokens)) level = 2;
  // Otherwise a calm message is lifted only where the words leaned that way too: the model confirms a
  // sign that fell short, it never hears annoyance in a message without one ("Nur zur Sicherheit, danke.").
  else if (calm && result.score > 0 && annoyed + irate > ANNOYED_ABOVE) level = 1;
  if (level === undefined) return result;
  const floor = level === 2 ? limits.irate : limits.annoyed;
  return { level, score: Math.max(result.score, floor), signals: [...result.signals, 'embedding'] };
}

/** The tone opinion of the embedding model, trained on the tone corpus. */
export class ToneModel implements ToneOpinion {
  private readonly labels: EmbeddingLabels<ToneLabel>;

  constructor(embedder: Embedder, store: VectorStore | undefined, logger: Logger) {
    this.labels = new EmbeddingLabels(embedder, store, logger, 'tone model');
  }

  get ready(): boolean {
    return this.labels.ready;
  }

  train(corpus: readonly { level: FrustrationLevel; text: string }[]): Promise<void> {
    return this.labels.train(corpus.map((c) => ({ label: LEVELS[c.level], text: c.text })));
  }

  async levels(texts: readonly string[]): Promise<readonly (readonly [number, number, number])[] | undefined> {
    const probabilities = await this.labels.probabilities(texts);
    return probabilities?.map((p) => [p.get('0') ?? 0, p.get('1') ?? 0, p.get('2') ?? 0] as const);
  }
}
