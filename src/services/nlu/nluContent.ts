/**
 * The recognizer's data: training corpora and cue tables as JSON files under content/nlu/, read and
 * validated once at start. Any fault stops the load with the file, the entry and the field named, so a
 * broken edit to the data never reaches a customer as a silently different recognizer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fold, normalizeText } from './normalize';
import type { Cue } from './phraseMatcher';
import { INTENTS, type FrustrationLevel, type Intent } from './types';

/** Where the shipped data lives in the repository. */
export const NLU_CONTENT_DIR = path.resolve(__dirname, '../../../content/nlu');

export class NluContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NluContentError';
  }
}

export interface LabelledExample {
  text: string;
  intent: Intent;
  level: FrustrationLevel;
}

/** A named list of cue patterns sharing one tag and weight. */
export interface CueGroup {
  name: string;
  tag: string;
  weight: number;
  patterns: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const quote = (text: string): string => JSON.stringify(text.length > 50 ? `${text.slice(0, 47)}...` : text);

function readJson(dir: string, file: string): { where: string; data: Json } {
  const where = path.join(path.basename(dir), file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  } catch (err) {
    throw new NluContentError(`${where}: cannot be read as JSON (${(err as Error).message})`);
  }
  if (!isObject(data)) throw new NluContentError(`${where}: must be a JSON object`);
  return { where, data };
}

function rejectUnknownKeys(where: string, value: Json, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      throw new NluContentError(`${where}: unknown field "${key}" (allowed: ${allowed.join(', ')})`);
  }
}

function requireArray(where: string, data: Json, key: string): unknown[] {
  const value = data[key];
  if (!Array.isArray(value)) throw new NluContentError(`${where}: "${key}" must be an array`);
  return value;
}

function requireWords(where: string, data: Json, key: string): string[] {
  return requireArray(where, data, key).map((word, i) => {
    if (typeof word !== 'string' || normalizeText(word).length === 0) {
      throw new NluContentError(`${where}: ${key}[${i}] must be a non-empty word, got ${JSON.stringify(word)}`);
    }
    return word;
  });
}

/** Every corpus file of a folder under dir, sorted by name, as one list. */
export function loadCorpusFolder(folder: string, dir: string = NLU_CONTENT_DIR): LabelledExample[] {
  let files: string[];
  try {
    files = readdirSync(path.join(dir, folder))
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (err) {
    throw new NluContentError(`${path.join(path.basename(dir), folder)}: cannot be read (${(err as Error).message})`);
  }
  return files.flatMap((file) => loadCorpus(path.join(folder, file), dir));
}

/** Reads a corpus file `{ "examples": [ { "intent", "level", "text" } ] }`. */
export function loadCorpus(file: string, dir: string = NLU_CONTENT_DIR): LabelledExample[] {
  return readExamples(dir, file, ['intent', 'level', 'text'], (label, item) => {
    const { text, intent } = labelledIntent(label, item);
    return { text, intent, level: exampleLevel(label, text, item.level) };
  });
}

/**
 * The examples of a file `{ "about", "examples": [ { …keys } ] }`, each checked for its keys and read by
 * `read`; errors name the file and the example.
 */
function readExamples<T>(
  dir: string,
  file: string,
  keys: string[],
  read: (label: string, item: Record<string, unknown>) => T,
): T[] {
  const { where, data } = readJson(dir, file);
  rejectUnknownKeys(where, data, ['about', 'examples']);
  return requireArray(where, data, 'examples').map((item, i) => {
    const label = `${where}: examples[${i}]`;
    if (!isObject(item))
      throw new NluContentError(`${label}: must be an object { ${keys.map((k) => `"${k}"`).join(', ')} }`);
    rejectUnknownKeys(label, item, keys);
    return read(label, item);
  });
}

/** The text of one labelled example, checked. */
function exampleText(label: string, text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '')
    throw new NluContentError(`${label}: "text" must be a non-empty string`);
  return text;
}

/** The tone level of one labelled example, checked. */
function exampleLevel(label: string, text: string, level: unknown): FrustrationLevel {
  if (level !== 0 && level !== 1 && level !== 2)
    throw new NluContentError(`${label} (${quote(text)}): level ${JSON.stringify(level)} must be 0, 1 or 2`);
  return level;
}

/** The text and intent of one labelled example, checked; errors name the example. */
function labelledIntent(label: string, item: Record<string, unknown>): { intent: Intent; text: string } {
  const text = exampleText(label, item.text);
  const { intent } = item;
  if (typeof intent !== 'string' || !(INTENTS as readonly string[]).includes(intent))
    throw new NluContentError(
      `${label} (${quote(text)}): intent ${JSON.stringify(intent)} is not one of ${INTENTS.join(', ')}`,
    );
  return { text, intent: intent as Intent };
}

/**
 * Reads the embedding model's extra examples `{ "examples": [ { "intent", "text" } ] }`
 * (content/nlu/intent-examples.json): labelled for intent only; a missing file is none.
 */
export function loadIntentExamples(
  file = 'intent-examples.json',
  dir: string = NLU_CONTENT_DIR,
): { intent: Intent; text: string }[] {
  if (!existsSync(path.join(dir, file))) return [];
  return readExamples(dir, file, ['intent', 'text'], labelledIntent);
}

/**
 * Reads the embedding model's extra tone examples `{ "examples": [ { "level", "text" } ] }`
 * (content/nlu/tone-examples.json): labelled for tone only; a missing file is none.
 */
export function loadToneExamples(
  file = 'tone-examples.json',
  dir: string = NLU_CONTENT_DIR,
): { level: FrustrationLevel; text: string }[] {
  if (!existsSync(path.join(dir, file))) return [];
  return readExamples(dir, file, ['level', 'text'], (label, item) => {
    const text = exampleText(label, item.text);
    return { text, level: exampleLevel(label, text, item.level) };
  });
}

/** Checks a cue pattern the way the phrase matcher reads it: no empty word, no gap at either end. */
function checkPattern(label: string, pattern: unknown): string {
  if (typeof pattern !== 'string' || pattern.trim() === '')
    throw new NluContentError(`${label}: must be a non-empty string`);
  const words = pattern.trim().split(/\s+/);
  if (words.some((w) => w !== '~' && normalizeText(w.replace(/\*/g, '')).length === 0)) {
    throw new NluContentError(`${label} ${JSON.stringify(pattern)}: a word has no letters or digits`);
  }
  if (words[0] === '~' || words[words.length - 1] === '~')
    throw new NluContentError(`${label} ${JSON.stringify(pattern)}: a gap "~" cannot open or close a pattern`);
  return pattern.trim();
}

function loadGroups(where: string, data: Json): CueGroup[] {
  const names = new Set<string>();
  return requireArray(where, data, 'groups').map((item, i) => {
    const label = `${where}: groups[${i}]`;
    if (!isObject(item))
      throw new NluContentError(`${label}: must be an object { "name", "tag", "weight", "patterns" }`);
    rejectUnknownKeys(label, item, ['name', 'about', 'tag', 'weight', 'patterns']);
    const { name, tag, weight } = item;
    if (typeof name !== 'string' || name === '')
      throw new NluContentError(`${label}: "name" must be a non-empty string`);
    const named = `${where}: group "${name}"`;
    if (names.has(name)) throw new NluContentError(`${named}: the name is used twice`);
    names.add(name);
    if (typeof tag !== 'string' || tag === '') throw new NluContentError(`${named}: "tag" must be a non-empty string`);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > 10) {
      throw new NluContentError(`${named}: "weight" must be a number from 0 to 10`);
    }
    const patterns = requireArray(named, item, 'patterns').map((p, k) => checkPattern(`${named}: patterns[${k}]`, p));
    if (patterns.length === 0) throw new NluContentError(`${named}: "patterns" is empty`);
    return { name, tag, weight, patterns };
  });
}

/** Flattens groups into cues, in file order. */
export function groupCues(groups: readonly CueGroup[]): Cue[] {
  return groups.flatMap((g) => g.patterns.map((pattern) => ({ pattern, tag: g.tag, weight: g.weight })));
}

export interface IntentLexiconData {
  groups: CueGroup[];
  greetingFiller: string[];
  notTypos: string[];
}

export function loadIntentLexicon(dir: string = NLU_CONTENT_DIR): IntentLexiconData {
  const { where, data } = readJson(dir, 'intent-cues.json');
  rejectUnknownKeys(where, data, ['about', 'groups', 'greetingFiller', 'notTypos']);
  return {
    groups: loadGroups(where, data),
    greetingFiller: requireWords(where, data, 'greetingFiller'),
    notTypos: requireWords(where, data, 'notTypos'),
  };
}

export interface FrustrationLexiconData {
  groups: CueGroup[];
  negations: string[];
  acronyms: string[];
  notCompounds: string[];
}

export function loadFrustrationLexicon(dir: string = NLU_CONTENT_DIR): FrustrationLexiconData {
  const { where, data } = readJson(dir, 'frustration-cues.json');
  rejectUnknownKeys(where, data, ['about', 'groups', 'negations', 'acronyms', 'notCompounds']);
  return {
    groups: loadGroups(where, data),
    negations: requireWords(where, data, 'negations'),
    acronyms: requireWords(where, data, 'acronyms'),
    notCompounds: requireWords(where, data, 'notCompounds'),
  };
}

/** The word lists of the frustration scorer's rules, by name (content/nlu/frustration-words.json). */
export const FRUSTRATION_WORD_LISTS = [
  'questionWords',
  'sarcasmOpeners',
  'negativeRoots',
  'groupNouns',
  'verdictGroupNouns',
  'judgedNouns',
  'negativeSuperlativeStems',
  'superlativeScope',
  'addressed',
  'howTo',
  'procedure',
  'relative',
  'congrats',
  'sincere',
  'tripleIgnored',
  'negationBefore',
  'conditional',
  'addresseeSubjects',
  'verdictNouns',
  'firstPerson',
  'lightHearted',
  'addressedOrGrievance',
  'thanksOrPraise',
  'thanksOpeners',
] as const;

export type FrustrationWordList = (typeof FRUSTRATION_WORD_LISTS)[number];

export function loadFrustrationWords(dir: string = NLU_CONTENT_DIR): Record<FrustrationWordList, ReadonlySet<string>> {
  const { where, data } = readJson(dir, 'frustration-words.json');
  rejectUnknownKeys(where, data, ['about', ...FRUSTRATION_WORD_LISTS]);
  const lists = {} as Record<FrustrationWordList, ReadonlySet<string>>;
  for (const name of FRUSTRATION_WORD_LISTS) {
    const entry = data[name];
    const label = `${where}: "${name}"`;
    if (!isObject(entry)) throw new NluContentError(`${label} must be an object { "about", "words" }`);
    rejectUnknownKeys(label, entry, ['about', 'words']);
    const words = requireWords(label, entry, 'words');
    // The rules compare folded tokens: a word written any other way would silently never match.
    for (const word of words) {
      if (word !== foldWord(word))
        throw new NluContentError(`${label}: "${word}" must be written folded, as "${foldWord(word)}"`);
    }
    lists[name] = new Set(words);
  }
  return lists;
}

function foldWord(word: string): string {
  return normalizeText(word).split(' ').map(fold).join(' ');
}

/** Dialect and chat spellings mapped to the standard word, both folded (content/nlu/dialect.json). */
export function loadDialect(dir: string = NLU_CONTENT_DIR): ReadonlyMap<string, string> {
  const { where, data } = readJson(dir, 'dialect.json');
  rejectUnknownKeys(where, data, ['about', 'words']);
  const words = data.words;
  if (!isObject(words))
    throw new NluContentError(`${where}: "words" must be an object { "spelling": "standard word" }`);
  const map = new Map<string, string>();
  for (const [spelling, standard] of Object.entries(words)) {
    const label = `${where}: words "${spelling}"`;
    if (typeof standard !== 'string') throw new NluContentError(`${label} must map to a string`);
    for (const word of [spelling, standard]) {
      if (word === '' || word !== foldWord(word) || word.includes(' ')) {
        throw new NluContentError(`${label}: "${word}" must be one word written folded, as "${foldWord(word)}"`);
      }
    }
    map.set(spelling, standard);
  }
  return map;
}

/**
 * First names (folded) and titles (lower case, no dots: folding would make "MMS" the title "ms") a
 * self-introduction starts with (content/nlu/first-names.json).
 */
export interface FirstNames {
  titles: ReadonlySet<string>;
  names: ReadonlySet<string>;
}

/** A name or title as the matcher compares it: folded, without dots, hyphens or spaces ("Hans-Peter" -> "hanspeter"). */
export function foldedNameWord(word: string): string {
  return foldWord(word).replace(/ /g, '');
}

/** A title as compared: "Dr." -> "dr". */
export function titleWord(word: string): string {
  return word.toLowerCase().replace(/\./g, '');
}

export function loadFirstNames(dir: string = NLU_CONTENT_DIR): FirstNames {
  const { where, data } = readJson(dir, 'first-names.json');
  rejectUnknownKeys(where, data, ['about', 'titles', 'names']);
  const list = (key: 'titles' | 'names', form: (word: string) => string): Set<string> => {
    const words = data[key];
    if (!Array.isArray(words) || words.length === 0)
      throw new NluContentError(`${where}: "${key}" must be a non-empty list of words`);
    const folded = new Set<string>();
    for (const word of words) {
      if (typeof word !== 'string' || !/^[\p{L}][\p{L}.-]*$/u.test(word) || word !== word.toLowerCase())
        throw new NluContentError(`${where}: ${key} ${quote(String(word))} must be one word in lower case`);
      folded.add(form(word));
    }
    return folded;
  };
  return { titles: list('titles', titleWord), names: list('names', foldedNameWord) };
}
