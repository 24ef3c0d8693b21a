/**
 * German text normalisation shared by the recognizer, the frustration scorer and the
 * knowledge-base matcher. Pure functions, no state.
 *
 * Three layers, each more forgiving than the one before:
 *  - normalizeText: lowercase, ä->ae ö->oe ü->ue ß->ss, accents dropped, punctuation -> space.
 *  - fold: also ae->a oe->o ue->u, ss->s and doubled letters collapsed, so that "Kündigung",
 *    "Kuendigung" and "Kundigung" (keyboard without umlauts) and "Rechnnung" meet.
 *  - stem: fold plus a light suffix stripper in the spirit of CISTEM (Weissweiler & Fraser 2017).
 */

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ẞ: 'ss' };
const UMLAUT_RE = /[äöüßẞ]/g;
const COMBINING_MARKS_RE = /\p{M}+/gu;
const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;

/** Lowercase, umlauts spelled out, accents removed, everything but letters and digits -> single spaces. */
export function normalizeText(text: string): string {
  if (!text) return '';
  return text
    .toLowerCase()
    .replace(UMLAUT_RE, (ch) => UMLAUTS[ch] ?? ch)
    .normalize('NFD')
    .replace(COMBINING_MARKS_RE, '')
    .replace(NON_WORD_RE, ' ')
    .trim();
}

let lastTokenized: string | undefined;
let lastTokens: readonly string[] = [];

/** Normalised words of a text. */
export function tokenize(text: string): string[] {
  // Several scorers tokenize the same message in a row; a one-entry memo saves the repeated work.
  if (text !== lastTokenized) {
    const normalized = normalizeText(text);
    lastTokens = normalized ? normalized.split(' ') : [];
    lastTokenized = text;
  }
  return lastTokens.slice();
}

/**
 * Spelling-tolerant key of one normalised token: umlaut spellings and plain vowels meet,
 * doubled letters collapse (also shouted "soooo" and typos like "Rechnnung").
 */
export function fold(token: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < token.length; i++) {
    const ch = token[i];
    // ae/oe/ue -> a/o/u, but "eue" (neue, teuer) keeps its u-e so that it does not collapse into "nue".
    // Swiss "üe" (grüezi) arrives as "uee": all the e's go.
    if (token[i + 1] === 'e' && (ch === 'a' || ch === 'o' || (ch === 'u' && token[i - 1] !== 'e'))) {
      while (token[i + 1] === 'e') i++;
    }
    if (ch === prev) continue;
    out += ch;
    prev = ch;
  }
  return out;
}

/** Folded tokens of a text. */
export function foldTokens(text: string): string[] {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) tokens[i] = fold(tokens[i]);
  return tokens;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/**
 * Light German stemmer over the folded form: strips the inflection suffixes -em -er -nd -t -e -s -n
 * (repeatedly, keeping at least 4 letters) and a "ge-" participle prefix on long words.
 * Accepts raw or normalised tokens; "Kündigungen", "Kuendigung" and "kundigung" share one stem.
 */
export function stem(token: string): string {
  const cached = stemCache.get(token);
  if (cached !== undefined) return cached;
  const normalized = /^[a-z0-9]*$/.test(token) ? token : normalizeText(token).replace(/ /g, '');
  let word = fold(normalized);
  if (word.length > 6 && word.startsWith('ge')) word = word.slice(2);
  // A final -t is a verb ending only before any other suffix was removed ("funktioniert"), not in "Karte".
  let first = true;
  while (word.length > 4) {
    const last = word[word.length - 1];
    const lastTwo = word.slice(-2);
    if (word.length > 5 && (lastTwo === 'em' || lastTwo === 'er' || lastTwo === 'nd')) {
      word = word.slice(0, -2);
    } else if (last === 'e' || last === 's' || last === 'n' || (first && last === 't')) {
      word = word.slice(0, -1);
    } else {
      break;
    }
    first = false;
  }
  if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(token, word);
  return word;
}

/** Stems of the words of a text, in order. */
export function stemTokens(text: string): string[] {
  return tokenize(text).map(stem);
}
