import { foldedText, wordsPattern } from './cues';

// Folded like the message ("passt" -> "past").
const ACK_WORDS = new Set(
  'ok okay oke verstanden passt alles klar gut guat in ordnung prima super danke aha ah achso so jo ja na dann eh scho schon understood got it i see fine alright thanks merci'
    .split(' ')
    .map(foldedText),
);

const HELPS_WORDS = new Set(
  'hilft hilfts geholfen passt genau perfekt helps helpful exactly'.split(' ').map(foldedText),
);

/** "das hilft", "genau das": the customer takes what was offered. */
export function saysItHelps(folded: string): boolean {
  return folded.split(' ').some((w) => HELPS_WORDS.has(w));
}

/** Only words of acknowledgement ("ok verstanden, passt", "aha, alles klar"). */
export function isAcknowledgement(folded: string): boolean {
  const words = folded.split(' ').filter(Boolean);
  return words.length > 0 && words.length <= 6 && words.every((w) => ACK_WORDS.has(w));
}

/** Thanks or praise that mean the opposite. */
const SARCASTIC_THANKS = wordsPattern([
  'danke für nichts',
  'danke für nix',
  'danke für gar nichts',
  'toll geholfen',
  'super geholfen',
  'ganz toll geholfen',
  'echt toll geholfen',
  'sehr hilfreich nicht',
  'thanks for nothing',
  'very helpful not',
]);

/** Every sarcastic thanks in a message, to take them out. */
const SARCASTIC_THANKS_ALL = new RegExp(SARCASTIC_THANKS.source, 'g');

/** "Danke für nichts", "Na super, ganz toll geholfen": not a thanks. */
export function isSarcasticThanks(folded: string): boolean {
  return SARCASTIC_THANKS.test(folded);
}

/**
 * "Danke für nix. Internet ist seit Tagen so lahm, Was kann ich tun?": besides the sarcasm the
 * message says what is wrong (three words or more), so there is a request to hear.
 */
export function sarcasmWithRequest(folded: string): boolean {
  const rest = folded.replace(SARCASTIC_THANKS_ALL, ' ');
  return rest.split(' ').filter((w) => w.length > 1).length >= 3;
}

/** A word of thanks anywhere in the message ("ah auf der Karte, ok habs, danke!!"). */
const THANKS_WORD = wordsPattern(['danke', 'dankeschön', 'merci', 'thanks', 'thank you', 'vielen dank']);

/** Whether the customer says thanks somewhere in the message. */
export function thanksSomewhere(folded: string): boolean {
  return THANKS_WORD.test(folded);
}
