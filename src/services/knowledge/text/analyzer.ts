import { normalizeText } from '../../nlu/normalize';
import type { Lexicon } from './lexicon';
import { wordsWithJoinedVerbs } from './separable';
import { stemToken } from './stem';

/** One content word of a text: its stem first, then the stems of words meaning the same. */
export interface Term {
  /** The normalised word after variant mapping, for compound splitting. */
  word: string;
  forms: string[];
  /** Follows "in", "nach", "bei" …: an unknown word here is more likely a place than the topic. */
  afterPlace: boolean;
}

export interface Analysis {
  terms: Term[];
  /** Stems of every word, function words included, for the contrast check ("zu euch" vs "weg"). */
  allStems: Set<string>;
}

const MAX_CHARS = 1000;
const HAS_DIGIT = /[0-9]/;
/** Amounts and dates ("20", "39", "1") say nothing about the topic; service numbers have three digits or more. */
const SHORT_NUMBER = /^[0-9]{1,2}$/;
/** Words written with an "E-" in front: e-SIM, e-mail, e-Rechnung, e-Post, e-banking. */
const E_WORD = /^(?:sim|mail|rechnung|post|banking|bill|invoice|book|reader|bike|scooter|auto)/;
const PLACE_PREPOSITIONS = new Set(['in', 'im', 'nach', 'bei', 'aus', 'am', 'near']);

/**
 * Splits a text into content words the matcher compares: normalised, regional variants replaced
 * ("Natel" -> "Handy", "Jänner" -> "Januar"), separated verbs joined on request ("buchen … ab" -> "abbuchen"),
 * function words dropped, stemmed, synonyms attached.
 */
export function analyze(text: string, lexicon: Lexicon, options: { joinSeparatedVerbs?: boolean } = {}): Analysis {
  const clipped = text.slice(0, MAX_CHARS);
  const tokens = options.joinSeparatedVerbs
    ? wordsWithJoinedVerbs(clipped, lexicon.separable)
    : normalizeText(clipped).split(' ');
  const terms: Term[] = [];
  const allStems = new Set<string>();
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i];
    if (!token) continue;
    // "E-SIM", "E-Mail": the single letter belongs to the next word; Swiss "e" is "ein" ("e Rächnig").
    if (token === 'e' && i + 1 < tokens.length && E_WORD.test(tokens[i + 1])) token = `e${tokens[++i]}`;
    const word = lexicon.variants.get(token) ?? token;
    if (!word) continue;
    const stem = stemToken(word);
    allStems.add(stem);
    if (lexicon.stopwords.has(word) || lexicon.stopwords.has(token)) continue;
    if (word.length < 2 || (word.length < 3 && !HAS_DIGIT.test(word)) || SHORT_NUMBER.test(word)) continue;
    if (seen.has(stem)) continue;
    seen.add(stem);
    const forms = [stem];
    for (const synonym of [
      ...(lexicon.synonyms.get(word) ?? []),
      ...(word === token ? [] : (lexicon.synonyms.get(token) ?? [])),
    ]) {
      const s = stemToken(synonym);
      if (!forms.includes(s)) forms.push(s);
      allStems.add(s);
    }
    terms.push({ word, forms, afterPlace: i > 0 && PLACE_PREPOSITIONS.has(tokens[i - 1]) });
  }
  return { terms, allStems };
}
