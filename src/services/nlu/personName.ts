/**
 * Whether a message is nothing but the customer's name ("Maria Huber", "Hier spricht Frau Maier"): a
 * self-introduction, not a question. The knowledge search found names in its phrasings by their
 * spelling ("Maria Huber" met the name-change entry), so such a message is never searched.
 */
import { trimTrailing } from '../text/trim';
import { type FirstNames, foldedNameWord, loadFirstNames, titleWord } from './nluContent';

/** "Hier ist", "mein Name ist", "this is": how an introduction begins. */
const INTRODUCTION =
  /^(?:hier (?:ist|spricht)|ich bin(?: die| der)?|i bin(?: die| da| der)?|mein name ist|mein name:|name:|this is|i am|i'm|my name is)\s+/i;
const WORD = /^\p{L}[\p{L}'.-]*$/u;
const CAPITALISED = /^\p{Lu}/u;

let shipped: FirstNames | undefined;

export function isBareName(text: string, names: FirstNames = (shipped ??= loadFirstNames())): boolean {
  const rest = trimTrailing(text.trim(), '.!,').replace(INTRODUCTION, '');
  const words = rest.split(/\s+/);
  if (words.length < 2 || words.length > 4 || !words.every((w) => WORD.test(w))) return false;
  const [first, ...others] = words;
  // The surname and any further names are written as names are: capitalised.
  if (!others.every((w) => CAPITALISED.test(w))) return false;
  if (names.titles.has(titleWord(first))) return true;
  return CAPITALISED.test(first) && names.names.has(foldedNameWord(first));
}
