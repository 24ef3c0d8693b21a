import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeText } from '../../nlu/normalize';
import { type PhrasePattern, phrasePattern } from './offTopic';
import { type SeparableVerbs, separableVerbs } from './separable';
import { stemToken } from './stem';

/** Word knowledge of the matcher (content/lexicon/knowledge.json), normalised and ready to use. */
export interface Lexicon {
  stopwords: ReadonlySet<string>;
  /** Regional or colloquial word -> the standard word it replaces ("" drops the word). */
  variants: ReadonlyMap<string, string>;
  /** Word -> further words meaning the same here (English -> German among them). */
  synonyms: ReadonlyMap<string, readonly string[]>;
  /** Pairs of stem groups that must not be confused ("billiger" vs "größer"). */
  contrasts: readonly (readonly [ReadonlySet<string>, ReadonlySet<string>])[];
  /**
   * Pairs of phrase groups for contrasts single words cannot tell ("zu einem anderen Anbieter" against
   * "zu Ihnen": the direction of a number port); used like contrasts.
   */
  phraseContrasts: readonly (readonly [readonly PhrasePattern[], readonly PhrasePattern[]])[];
  /** Subjects of other trades, and the words that keep a message ours (see isOffTopic). */
  offTopic: { subjects: readonly PhrasePattern[]; anchors: readonly PhrasePattern[] };
  /** Verbs whose particle stands apart at the clause's end ("buchen … ab"), joined again before matching. */
  separable: SeparableVerbs;
}

export const DEFAULT_LEXICON_FILE = path.resolve(__dirname, '../../../../content/lexicon/knowledge.json');

function strings(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((w) => typeof w !== 'string'))
    throw new Error(`lexicon: ${field} must be a list of words`);
  return value as string[];
}

function words(value: unknown, field: string): string[] {
  return strings(value, field).map((w) => normalizeText(w));
}

function record(value: unknown, field: string): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`lexicon: ${field} must be an object`);
  return Object.entries(value);
}

/** Reads and checks a lexicon file; throws naming the field that is malformed. */
export function loadLexicon(file: string = DEFAULT_LEXICON_FILE): Lexicon {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const variants = new Map<string, string>();
  for (const [from, to] of record(raw.variants, 'variants')) {
    if (typeof to !== 'string') throw new Error(`lexicon: variants.${from} must be a word`);
    variants.set(normalizeText(from), normalizeText(to));
  }
  const synonyms = new Map<string, string[]>();
  for (const [from, to] of record(raw.synonyms, 'synonyms'))
    synonyms.set(normalizeText(from), words(to, `synonyms.${from}`));
  if (!Array.isArray(raw.contrasts)) throw new Error('lexicon: contrasts must be a list of pairs');
  const contrasts = raw.contrasts.map((pair: unknown, i: number) => {
    if (!Array.isArray(pair) || pair.length !== 2)
      throw new Error(`lexicon: contrasts[${i}] must be a pair of word lists`);
    const side = (list: unknown, j: number) =>
      new Set(words(list, `contrasts[${i}][${j}]`).map((w) => stemToken(variants.get(w) ?? w)));
    return [side(pair[0], 0), side(pair[1], 1)] as const;
  });
  const rawPhraseContrasts: unknown = raw.phraseContrasts ?? [];
  if (!Array.isArray(rawPhraseContrasts)) throw new Error('lexicon: phraseContrasts must be a list of pairs');
  const phraseContrasts = rawPhraseContrasts.map((pair: unknown, i: number) => {
    if (!Array.isArray(pair) || pair.length !== 2)
      throw new Error(`lexicon: phraseContrasts[${i}] must be a pair of phrase lists`);
    const side = (list: unknown, j: number) => strings(list, `phraseContrasts[${i}][${j}]`).map(phrasePattern);
    return [side(pair[0], 0), side(pair[1], 1)] as const;
  });
  const offTopic = raw.offTopic === undefined ? {} : Object.fromEntries(record(raw.offTopic, 'offTopic'));
  const patterns = (field: 'subjects' | 'anchors') => {
    const list = offTopic[field] ?? [];
    if (!Array.isArray(list) || list.some((w) => typeof w !== 'string' || w.trim() === ''))
      throw new Error(`lexicon: offTopic.${field} must be a list of words`);
    return (list as string[]).map(phrasePattern);
  };
  return {
    stopwords: new Set(words(raw.stopwords, 'stopwords')),
    variants,
    synonyms,
    contrasts,
    phraseContrasts,
    offTopic: { subjects: patterns('subjects'), anchors: patterns('anchors') },
    separable: separableVerbs(strings(raw.separableVerbs ?? [], 'separableVerbs')),
  };
}

let shipped: Lexicon | undefined;

/** The shipped lexicon, read once. */
export function defaultLexicon(): Lexicon {
  shipped ??= loadLexicon();
  return shipped;
}
