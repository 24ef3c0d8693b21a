import { GermanFrustrationScorer } from './frustrationScorer';
import { blendOpinion, type IntentOpinion, wantsOpinion } from './intentModel';
import { GermanIntentRecognizer } from './intentRecognizer';
import { liftTone, type ToneOpinion, wantsToneOpinion } from './toneModel';
import type {
  FrustrationHistory,
  FrustrationResult,
  FrustrationScorer,
  FrustrationThresholds,
  IntentRecognizer,
  IntentResult,
  Language,
} from './types';

export interface TriageAssessment {
  intent: IntentResult;
  frustration: FrustrationResult;
  /** Hand the customer to a person now. */
  escalate: boolean;
  /** Why, when escalate is true: "irate", "asked_for_human", "annoyed_twice", "failed_twice". */
  escalationReason?: 'irate' | 'asked_for_human' | 'annoyed_twice' | 'failed_twice';
}

/**
 * One call per customer message: what they want and how they feel. `assess` is pure and synchronous;
 * `consult` also asks the embedding model when the words leave the intent unsure (intentModel.ts).
 *
 * An irate message that names no topic counts as a complaint, not as "other".
 *
 * Escalation rule (issue 3): irate now (level 2), or an explicit wish for a person, or annoyed for
 * the second turn in a row, or the bot failing twice. Without history only the first two can fire,
 * which is what the triage CLI reports. Lost/stolen is urgent but not an escalation by itself: the
 * lost_or_stolen dialog blocks the card first and puts the customer at the front of the queue if a
 * person is needed.
 */
export class TriageService {
  constructor(
    private readonly recognizer: IntentRecognizer = new GermanIntentRecognizer(),
    private readonly scorer: FrustrationScorer = new GermanFrustrationScorer(),
    private readonly opinion?: IntentOpinion,
    /** Whether a message asks about another trade's subject only (the knowledge base's off-topic check). */
    private readonly offTopic?: (text: string) => boolean,
    private readonly tone?: ToneOpinion,
  ) {}

  assess(
    text: string,
    history?: FrustrationHistory,
    thresholds?: FrustrationThresholds,
    lang?: Language,
  ): TriageAssessment {
    const intent = this.recognizer.recognize(text, lang ?? detectLanguage(text));
    return this.complete(text, intent, this.scorer.score(text, history, thresholds), history);
  }

  /**
   * As assess, with the embedding model's opinions: blended in where the words leave the intent unsure,
   * and lifting the tone a step where the model is sure of more than the words heard (toneModel.ts).
   */
  async consult(
    text: string,
    history?: FrustrationHistory,
    thresholds?: FrustrationThresholds,
    lang?: Language,
  ): Promise<TriageAssessment> {
    const [[intent], [frustration]] = await Promise.all([
      this.recognizeAll([text], lang),
      this.scoreAll([text], history, thresholds),
    ]);
    return this.complete(text, intent, frustration, history);
  }

  /** consult for many messages without history, with one call to the model for all of them (the tools). */
  async consultAll(texts: readonly string[]): Promise<TriageAssessment[]> {
    const [intents, frustrations] = await Promise.all([this.recognizeAll(texts), this.scoreAll(texts)]);
    return texts.map((text, i) => this.complete(text, intents[i], frustrations[i]));
  }

  private async scoreAll(
    texts: readonly string[],
    history?: FrustrationHistory,
    thresholds?: FrustrationThresholds,
  ): Promise<FrustrationResult[]> {
    const results = texts.map((text) => this.scorer.score(text, history, thresholds));
    const unsure = texts.flatMap((text, i) => (this.tone && wantsToneOpinion(results[i], text) ? [i] : []));
    if (unsure.length === 0 || !this.tone) return results;
    const opinions = await this.tone.levels(unsure.map((i) => texts[i]));
    unsure.forEach((i, n) => {
      const opinion = opinions?.[n];
      if (opinion) results[i] = liftTone(results[i], opinion, texts[i], thresholds);
    });
    return results;
  }

  private async recognizeAll(texts: readonly string[], lang?: Language): Promise<IntentResult[]> {
    const intents = texts.map((text) => this.recognizer.recognize(text, lang ?? detectLanguage(text)));
    const unsure = texts.flatMap((text, i) => (this.opinion && wantsOpinion(intents[i], text) ? [i] : []));
    if (unsure.length === 0 || !this.opinion) return intents;
    const opinions = await this.opinion.probabilities(unsure.map((i) => texts[i]));
    unsure.forEach((i, n) => {
      if (opinions?.[n]) intents[i] = blendOpinion(intents[i], opinions[n]);
    });
    return intents;
  }

  private complete(
    text: string,
    recognized: IntentResult,
    frustration: FrustrationResult,
    history?: FrustrationHistory,
  ): TriageAssessment {
    let intent = recognized;
    // "Wo is mein DHL-Paket?", "Stromrechnung der Stadtwerke zu hoch": another trade's subject and no
    // word of ours is out of scope, whatever topic its words resemble. A wish for a person and a loss
    // keep their lanes.
    if (!KEEPS_LANE.has(intent.intent) && this.offTopic?.(text)) {
      const ranking = [
        { intent: 'other' as const, score: intent.confidence },
        ...intent.ranking.filter((r) => r.intent !== 'other'),
      ];
      intent = { ...intent, intent: 'other', ranking };
    }
    // An irate message about nothing in particular ("Huere Seich!", "Ihr Idioten!") is a complaint.
    if (intent.intent === 'other' && frustration.level === 2) {
      const ranking = [
        { intent: 'complaint' as const, score: intent.confidence },
        ...intent.ranking.filter((r) => r.intent !== 'complaint'),
      ];
      intent = { ...intent, intent: 'complaint', ranking };
    }
    // "Ich wollte mich gar nicht beschweren, nur wissen …": the customer says it is no complaint.
    if (intent.intent === 'complaint' && NO_COMPLAINT.test(text)) {
      const ranking = intent.ranking.filter((r) => r.intent !== 'complaint');
      const next = ranking[0] ?? { intent: 'general' as const, score: 0.5 };
      intent = { ...intent, intent: next.intent, confidence: next.score, ranking };
    }
    const reason = escalationReason(intent, frustration, history);
    return { intent, frustration, escalate: reason !== undefined, ...(reason ? { escalationReason: reason } : {}) };
  }
}

/** Intents an off-topic subject does not override. */
const KEEPS_LANE: ReadonlySet<string> = new Set(['human', 'lost_or_stolen', 'greeting', 'other']);

function escalationReason(
  intent: IntentResult,
  frustration: FrustrationResult,
  history?: FrustrationHistory,
): TriageAssessment['escalationReason'] {
  if (frustration.level === 2) return 'irate';
  if (intent.intent === 'human') return 'asked_for_human';
  const previous = history?.previousLevels[history.previousLevels.length - 1] ?? 0;
  // A tone model's lean alone ("Muss ich das schriftlich machen oder geht das auch hier im Chat?") is
  // no second sign of annoyance: a calm question is answered, not handed to a person.
  const worded = frustration.signals.some((signal) => signal !== 'model' && signal !== 'embedding');
  if (frustration.level >= 1 && previous >= 1 && worded) return 'annoyed_twice';
  if ((history?.failedTurns ?? 0) >= 2) return 'failed_twice';
  return undefined;
}

const ENGLISH_MARKERS =
  /\b(the|my|is|was|please|i|you|your|have|not|can|why|how|what|want|need|card|bill|phone|to|talk|speak|human|hello|help|me|are|am|will|would|could|there|for|of|with|get|know)\b/gi;
// Austrian and Bavarian words too: "na, des is a Schmarrn … Da Umzug is erst am 1." counted as English, and
// "am Handy, im Wohnzimmer, da wo da Router steht is es gleich schiach" did ("am", "is").
const GERMAN_MARKERS =
  /\b(der|die|das|ich|ist|nicht|bitte|mein|meine|und|sie|mit|wie|warum|was|isch|i|hob|han|des|ned|net|nix|hab|habe|haben|auch|noch|schon|erst|doch|jetzt|auf|ein|eine|einen|mir|mich|vom|von|oder|aber|wenn|dass|kann|wos|oida|sind|wird|bei|zum|zur|wieso|weil|mei|meim|es|wo|da|dem|den|zu|hat|hier|sehr|wieder|immer|nur|gleich|steht|ka|koa|ma)\b/gi;

const NO_COMPLAINT =
  /\b(?:nicht|gar nicht|keine|kein)\s+(?:beschweren|beschwerde|reklamieren|reklamation)|\b(?:not|no)\s+(?:to\s+)?(?:complain|complaint)/i;

/** Cheap guess of the message language; German wins ties because it is the reference. */
export function detectLanguage(text: string): Language {
  const english = (text.match(ENGLISH_MARKERS) ?? []).length;
  const german = (text.match(GERMAN_MARKERS) ?? []).length;
  return english > german + 1 ? 'en' : 'de';
}
