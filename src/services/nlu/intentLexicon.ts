import { groupCues, loadIntentLexicon } from './nluContent';
import type { Cue } from './phraseMatcher';

/**
 * Hand-written cues for intent recognition, read from content/nlu/intent-cues.json at start.
 * Weights are logit boosts added to the trained model's scores; tags that are not intents
 * ("loss", "object", ...) feed the combination rules in intentRecognizer.ts.
 */
const data = loadIntentLexicon();

export const INTENT_CUES: readonly Cue[] = groupCues(data.groups);

/** Words that may surround a greeting without making it a request ("Hallo zusammen"). Folded forms. */
export const GREETING_FILLER: ReadonlySet<string> = new Set(data.greetingFiller);

/** Correctly spelled words one letter away from a cue ("meinen"/"Meilen"): never read as a typo. Folded forms. */
export const NOT_TYPOS: ReadonlySet<string> = new Set(data.notTypos);
