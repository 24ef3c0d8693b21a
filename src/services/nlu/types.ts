/** The contract between the conversation and whatever recognizes intents and frustration. */

export const INTENTS = [
  'billing',
  'technical',
  'general',
  'lost_or_stolen',
  'data_change',
  'complaint',
  'human',
  'greeting',
  'other',
] as const;

export type Intent = (typeof INTENTS)[number];

export type Language = 'de' | 'en';

export interface IntentScore {
  intent: Intent;
  score: number;
}

export interface IntentResult {
  intent: Intent;
  /** In [0, 1]; below the dialog's threshold the bot asks a clarifying question. */
  confidence: number;
  /** All intents, best first. */
  ranking: IntentScore[];
}

export interface IntentRecognizer {
  recognize(text: string, lang?: Language): IntentResult;
}

export type FrustrationLevel = 0 | 1 | 2;

/** What the conversation remembers between turns, so that frustration can rise over time. */
export interface FrustrationHistory {
  /** Previous customer messages of this conversation, oldest first (a few are enough). */
  previousTexts: string[];
  /** Frustration levels of those previous messages. */
  previousLevels: FrustrationLevel[];
  /** Turns in a row in which the bot did not understand or could not help. */
  failedTurns: number;
}

export interface FrustrationResult {
  level: FrustrationLevel;
  /** In [0, 1]. */
  score: number;
  /** Short machine-readable names of what fired, e.g. "insult", "shouting", "threat:lawyer". */
  signals: string[];
}

export interface FrustrationThresholds {
  /** score >= annoyed -> level 1 */
  annoyed: number;
  /** score >= irate -> level 2 */
  irate: number;
  /** Extra trigger words an admin adds; each counts as a strong annoyance signal. */
  extraTriggerWords?: string[];
}

export interface FrustrationScorer {
  score(text: string, history?: FrustrationHistory, thresholds?: FrustrationThresholds): FrustrationResult;
}

/** One line of the triage CLI's output (contract in docs/ARCHITECTURE.md). */
export interface TriageLine {
  id: string;
  intent: Intent;
  confidence: number;
  frustrationLevel: FrustrationLevel;
  frustrationScore: number;
  escalate: boolean;
}
