import { groupCues, loadFrustrationLexicon } from './nluContent';
import type { Cue } from './phraseMatcher';

/**
 * Frustration cues for German from Germany, Austria and Switzerland, plus common English, read from
 * content/nlu/frustration-cues.json at start. Weights are evidence strengths in [0, 1], combined by
 * noisy-or in the scorer; tags become the signal names reported to the dialog ("insult", "threat:legal", ...).
 */
const data = loadFrustrationLexicon();

export const FRUSTRATION_CUES: readonly Cue[] = groupCues(data.groups);

/** Patterns that mock rather than sigh ("Ich bin gerührt"): two of them, or one with another jab, are contempt. */
export const MOCKERY: ReadonlySet<string> = new Set(
  data.groups.filter((g) => g.name === 'mockery').flatMap((g) => g.patterns),
);

/** A preceding negation cancels a single-word emotional cue ("nicht sauer", "kein Problem"). */
export const NEGATIONS: ReadonlySet<string> = new Set(data.negations);

/** Word endings that look like an insult's compound and are ordinary words ("eingeschlafen", "Taschendiebe"). */
export const NOT_COMPOUNDS: readonly string[] = data.notCompounds;

/** Capitalised words that are names of things, not shouting. Folded forms. */
export const ACRONYMS: ReadonlySet<string> = new Set(data.acronyms);

/** Cursing face and middle finger: as strong as a swear word. */
export const CURSING_EMOJI = /[\u{1F92C}\u{1F595}]/u;
/**
 * Censored swearing ("Sch***", "f*ck", "A***loch"): the customer swore and then covered it. Masked numbers
 * do not count. Every run is bounded, so the ReDoS check proves it linear instead of fuzzing it.
 */
export const CENSORED_SWEAR =
  /(^|[^\p{L}\d])(\p{L}{2,6}\*{2,12}\p{L}{0,6}|\p{L}\*{2,12}\p{L}{2,6}|f\*{1,12}c?k\p{L}{0,12})(?=[^\p{L}\d*]|$)/iu;
/** Text emoticons of annoyance (-.- -_- :-( :/ ) and anger (>:( ). */
export const ANNOYED_EMOTICON = /(^|\s)(-\.-|-_-|:-?\(+|:-?\/|:'\()(\s|$)/;
export const ANGRY_EMOTICON = /(^|\s)(>:-?\(+|>:-?\[)(\s|$)/;
export const ANGRY_EMOJI = /[\u{1F621}\u{1F92C}\u{1F624}\u{1F47F}\u{1F4A2}\u{1F620}\u{1F595}]/u;
export const ANNOYED_EMOJI = /[\u{1F644}\u{1F612}\u{1F611}\u{1F44E}\u{1F926}\u{1F92F}\u{1F62B}\u{1F629}\u{1F624}]/u;
