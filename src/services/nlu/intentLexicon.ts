import { groupCues, loadDialect, loadIntentLexicon } from './nluContent';
import { foldTokens } from './normalize';
import { PhraseMatcher, type Cue } from './phraseMatcher';

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

/** Austrian, Swiss and chat spellings and their standard words (content/nlu/dialect.json). */
const DIALECT = loadDialect();

/** The tokens with dialect spellings read as standard words ("Rächnig", "ned"); undefined when none is one. */
export function standardSpelling(tokens: readonly string[]): string[] | undefined {
  let mapped = false;
  const standard = tokens.map((token) => {
    const word = DIALECT.get(token);
    if (word === undefined) return token;
    mapped = true;
    return word;
  });
  return mapped ? standard : undefined;
}

const KEEPING = new PhraseMatcher(
  INTENT_CUES.filter((cue) => cue.tag === 'keep'),
  { fuzzy: false },
);

/**
 * Whether the text speaks of keeping something when switching ("Nummer mitnehmen", "nimm i mei
 * Nummer mit", "soll die gleiche bleiben"): the cue table's "keep" group, so the recognizer and
 * the dialogs read it from one list.
 */
export function mentionsKeeping(text: string): boolean {
  const tokens = foldTokens(text);
  if (KEEPING.match(tokens).length > 0) return true;
  const standard = standardSpelling(tokens);
  return standard !== undefined && KEEPING.match(standard).length > 0;
}
