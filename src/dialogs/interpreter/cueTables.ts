/**
 * The word lists of the conversation cues as data (content/dialogs/conversation-cues.json), read and
 * validated once when the interpreter loads. Any fault stops the load with the file, the table and
 * the phrase named, so a broken edit never reaches a customer as a silently different interpreter.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { foldTokens } from '../../services/nlu/normalize';

/** Where the shipped data lives in the repository. */
export const CUE_CONTENT_FILE = path.resolve(__dirname, '../../../content/dialogs/conversation-cues.json');

/** How a table's phrases are found: whole words anywhere, word starts, the whole message, or its last words. */
export type CueMatch = 'words' | 'prefixes' | 'whole' | 'ending';

/** Every table the interpreter reads, with the way it matches; the file must hold exactly these. */
export const CUE_TABLES = {
  supervisor: 'prefixes',
  notSupervisor: 'prefixes',
  supervisorWords: 'words',
  person: 'prefixes',
  personWords: 'words',
  technician: 'words',
  sendingTechnician: 'words',
  callMe: 'words',
  asking: 'words',
  closing: 'words',
  closingRating: 'whole',
  farewellEnding: 'ending',
  thanks: 'words',
  requesting: 'words',
  questionWords: 'words',
  doneDespiteQuestion: 'words',
  cancel: 'whole',
  cancelPhrase: 'words',
  cancelEnding: 'ending',
  menu: 'whole',
  back: 'whole',
  howLong: 'words',
  callback: 'words',
  thinksItOver: 'words',
  languageEn: 'words',
  languageDe: 'words',
  help: 'whole',
  languageTopic: 'prefixes',
} as const satisfies Record<string, CueMatch>;

export type CueTableName = keyof typeof CUE_TABLES;

export interface CueTables {
  /** Words allowed around a "whole" phrase ("bitte", "jetzt"). */
  polite: string[];
  tables: Record<CueTableName, string[]>;
}

export class CueContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CueContentError';
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Folded, a phrase is letters and digits in words joined by single blanks: nothing a pattern could read as syntax. */
const FOLDED_PHRASE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

function rejectUnknownKeys(where: string, value: Json, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      throw new CueContentError(`${where}: unknown field "${key}" (allowed: ${allowed.join(', ')})`);
  }
}

function phrases(where: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new CueContentError(`${where}: must be a non-empty array of phrases`);
  const seen = new Set<string>();
  return value.map((phrase, i) => {
    const label = `${where}[${i}]`;
    if (typeof phrase !== 'string') throw new CueContentError(`${label}: must be a string`);
    if (!FOLDED_PHRASE.test(foldTokens(phrase).join(' ')))
      throw new CueContentError(`${label} ${JSON.stringify(phrase)}: needs letters or digits`);
    if (seen.has(phrase)) throw new CueContentError(`${label} ${JSON.stringify(phrase)}: listed twice`);
    seen.add(phrase);
    return phrase;
  });
}

/** Reads and checks the cue tables; file defaults to the shipped content. */
export function loadCueTables(file: string = CUE_CONTENT_FILE): CueTables {
  const where = path.join(path.basename(path.dirname(file)), path.basename(file));
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CueContentError(`${where}: cannot be read as JSON (${(err as Error).message})`);
  }
  if (!isObject(data)) throw new CueContentError(`${where}: must be a JSON object`);
  rejectUnknownKeys(where, data, ['about', 'polite', 'tables']);
  if (!Array.isArray(data.tables)) throw new CueContentError(`${where}: "tables" must be an array`);
  const tables: Partial<Record<CueTableName, string[]>> = {};
  data.tables.forEach((item: unknown, i: number) => {
    const label = `${where}: tables[${i}]`;
    if (!isObject(item)) throw new CueContentError(`${label}: must be an object { "name", "match", "phrases" }`);
    rejectUnknownKeys(label, item, ['name', 'about', 'match', 'phrases']);
    const { name, match } = item;
    if (typeof name !== 'string' || !Object.hasOwn(CUE_TABLES, name))
      throw new CueContentError(
        `${label}: name ${JSON.stringify(name)} is not one of ${Object.keys(CUE_TABLES).join(', ')}`,
      );
    const table = name as CueTableName;
    const named = `${where}: table "${table}"`;
    if (tables[table]) throw new CueContentError(`${named}: listed twice`);
    // The interpreter's rules depend on how each table matches; the file says it so editors see it.
    if (match !== CUE_TABLES[table])
      throw new CueContentError(
        `${named}: "match" must be ${JSON.stringify(CUE_TABLES[table])}, got ${JSON.stringify(match)}`,
      );
    tables[table] = phrases(`${named}: phrases`, item.phrases);
  });
  const missing = (Object.keys(CUE_TABLES) as CueTableName[]).filter((name) => !tables[name]);
  if (missing.length > 0) throw new CueContentError(`${where}: tables missing: ${missing.join(', ')}`);
  return { polite: phrases(`${where}: polite`, data.polite), tables: tables as Record<CueTableName, string[]> };
}
