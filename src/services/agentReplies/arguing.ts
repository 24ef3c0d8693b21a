/**
 * Arguing with the customer (blame, "nothing I can do", "calm down"): what call-center training
 * forbids. Plain substrings of the folded reply; no pattern runs over the text.
 */
/** Lowercase, ß kept. */
export const ARGUING = [
  'ihre schuld',
  'ihr fehler',
  'ist ihr problem',
  'selbst schuld',
  'nicht mein problem',
  'nicht unser problem',
  'da kann ich nichts machen',
  'da kann ich auch nichts machen',
  'kann ich nichts dafür',
  'nicht meine schuld',
  'das stimmt nicht',
  'das stimmt so nicht',
  'das haben sie falsch',
  'sie haben das falsch',
  'sie hätten eben',
  'sie hätten halt',
  'hätten sie halt',
  'hätten sie eben',
  'beruhigen sie sich',
  'regen sie sich',
  'wie gesagt',
  'wie schon gesagt',
  'das habe ich doch schon',
  'nicht zuständig',
  'lesen sie doch',
  'das ist nun mal so',
  'das ist halt so',
  'so ist das eben',
  'sie verstehen das nicht',
  'das glaube ich ihnen nicht',
  'wie oft denn noch',
  'das steht doch',
  'hätten sie mal',
];

/** The reply folded for the phrase lists: lowercase, whitespace collapsed, at most 4,000 characters. */
export function foldReply(text: string): string {
  return text.slice(0, 4000).toLowerCase().replace(/\s+/g, ' ');
}

const LETTER = /\p{L}/u;

/** The phrase as whole words ("Ihr Fehlercode" is no "Ihr Fehler"). */
function hasPhrase(folded: string, phrase: string): boolean {
  for (let at = folded.indexOf(phrase); at >= 0; at = folded.indexOf(phrase, at + 1)) {
    const before = at === 0 ? '' : folded[at - 1];
    const after = folded[at + phrase.length] ?? '';
    if (!LETTER.test(before) && !LETTER.test(after)) return true;
  }
  return false;
}

/** The arguing phrases in a reply, in list order. */
export function arguingPhrases(text: string): string[] {
  const folded = foldReply(text);
  return ARGUING.filter((p) => hasPhrase(folded, p));
}

export function containsArguing(text: string): boolean {
  return arguingPhrases(text).length > 0;
}
