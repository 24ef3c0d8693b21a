import { fold } from '../../nlu/normalize';

/** Verb particles that take the participle "ge" inside: ab-ge-bucht, ein-ge-richtet, mit-ge-nommen. */
const PARTICLES = [
  'zurueck',
  'durch',
  'nach',
  'frei',
  'hoch',
  'weg',
  'auf',
  'aus',
  'ein',
  'mit',
  'vor',
  'ab',
  'an',
  'um',
  'zu',
];

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/**
 * Stem of one normalised token (lower case, umlauts spelled out) for matching, German and English
 * alike: spelling folded (ae->a, double letters), participle "ge" dropped (also after a particle:
 * "abgebucht" -> "abbuch"), derivational -ung/-ungen and inflection endings stripped, English
 * -ing/-ed/-ies. Deliberately aggressive: both sides of a comparison go through the same steps.
 */
export function stemToken(token: string): string {
  const hit = cache.get(token);
  if (hit !== undefined) return hit;
  let word = token;
  if (word.length > 6 && word.startsWith('ge')) word = word.slice(2);
  else {
    for (const p of PARTICLES) {
      if (word.length >= p.length + 6 && word.startsWith(p) && word.startsWith('ge', p.length)) {
        word = p + word.slice(p.length + 2);
        break;
      }
    }
  }
  word = fold(word);
  if (word.length > 6 && word.endsWith('ungen')) word = word.slice(0, -5);
  else if (word.length > 5 && word.endsWith('ung')) word = word.slice(0, -3);
  else if (word.length > 5 && word.endsWith('ing')) word = word.slice(0, -3);
  else if (word.length > 4 && word.endsWith('ies')) word = `${word.slice(0, -3)}y`;
  else if (word.length > 4 && word.endsWith('ed')) word = word.slice(0, -2);
  let first = true;
  while (word.length > 4) {
    const lastTwo = word.slice(-2);
    const last = word[word.length - 1];
    if (word.length > 5 && (lastTwo === 'em' || lastTwo === 'er' || lastTwo === 'nd' || lastTwo === 'es'))
      word = word.slice(0, -2);
    else if (last === 'e' || last === 's' || last === 'n' || (first && last === 't')) word = word.slice(0, -1);
    else break;
    first = false;
  }
  if (cache.size < CACHE_LIMIT) cache.set(token, word);
  return word;
}
