/**
 * The shipped knowledge content pack: one JSON file per area under content/knowledge/, each
 * `{ "entries": [ { "id", "category", "questions": { "de": [...], "en": [...] }, "answer": { "de", "en" } } ] }`.
 * Read and validated as a whole at start; any fault stops the load with the file, entry and field named.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../errors';
import { FAQ_CATEGORIES, FaqCategory } from '../admin/validators/faq';
import { isPlainObject, rejectUnknownKeys, requireFormalGerman, requireText } from '../admin/validators/textRules';

export interface PackEntry {
  /** Stable name, stored as the entry's key ("billing.debit-date"); dialogs and menus may point at it. */
  id: string;
  category: FaqCategory;
  questions: { de: string[]; en: string[] };
  answer: { de: string; en: string };
}

/** A pack that cannot be loaded; the message names the file, the entry and the field. */
export class ContentPackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentPackError';
  }
}

/** Where the shipped pack lives in the repository. */
export const DEFAULT_KNOWLEDGE_PACK_DIR = path.resolve(__dirname, '../../../content/knowledge');

const ID = /^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)+$/;
const MAX_QUESTION = 300;
const MAX_ANSWER = 4000;

/**
 * Reads every `*.json` of dir (sorted by name) into one list of entries. A missing directory is an
 * empty pack; a malformed file, a bad entry or an id used twice (also across files) throws.
 */
export function loadKnowledgePack(dir: string = DEFAULT_KNOWLEDGE_PACK_DIR): PackEntry[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const seen = new Map<string, string>();
  const entries: PackEntry[] = [];
  for (const file of files) {
    const where = path.join(path.basename(dir), file);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (err) {
      throw new ContentPackError(`${where}: not valid JSON (${(err as Error).message})`);
    }
    if (!isPlainObject(raw) || !Array.isArray(raw.entries))
      throw new ContentPackError(`${where}: must be an object { "entries": [...] }`);
    raw.entries.forEach((item: unknown, index: number) => {
      const label = `${where}: entries[${index}]${isPlainObject(item) && typeof item.id === 'string' ? ` (id "${item.id}")` : ''}`;
      let entry: PackEntry;
      try {
        entry = validatePackEntry(item);
      } catch (err) {
        if (err instanceof ValidationError) throw new ContentPackError(`${label}: ${err.message}`);
        throw err;
      }
      const first = seen.get(entry.id);
      if (first) throw new ContentPackError(`${label}: id: "${entry.id}" is already used in ${first}`);
      seen.set(entry.id, where);
      entries.push(entry);
    });
  }
  return entries;
}

/** Checks one entry of the pack; throws a ValidationError naming the field. */
export function validatePackEntry(item: unknown): PackEntry {
  if (!isPlainObject(item)) throw new ValidationError('entry', 'must be an object { id, category, questions, answer }');
  rejectUnknownKeys(item, ['id', 'category', 'questions', 'answer'], '');
  if (typeof item.id !== 'string' || !ID.test(item.id))
    throw new ValidationError('id', 'must be a dotted lower-case name such as "billing.debit-date"');
  const category = item.category;
  if (typeof category !== 'string' || !(FAQ_CATEGORIES as readonly string[]).includes(category)) {
    throw new ValidationError('category', `must be one of ${FAQ_CATEGORIES.join(', ')}`);
  }
  if (!isPlainObject(item.questions))
    throw new ValidationError('questions', 'must be an object { "de": [...], "en": [...] }');
  rejectUnknownKeys(item.questions, ['de', 'en'], 'questions');
  const questions = {
    de: questionList(item.questions.de, 'questions.de'),
    en: questionList(item.questions.en ?? [], 'questions.en'),
  };
  if (questions.de.length === 0) throw new ValidationError('questions.de', 'needs at least one question');
  if (!isPlainObject(item.answer))
    throw new ValidationError('answer', 'must be an object { "de": "...", "en": "..." }');
  rejectUnknownKeys(item.answer, ['de', 'en'], 'answer');
  const de = requireText(item.answer.de, 'answer.de', MAX_ANSWER).trim();
  requireFormalGerman(de, 'answer.de');
  const en = item.answer.en === undefined ? '' : requireText(item.answer.en, 'answer.en', MAX_ANSWER).trim();
  return { id: item.id, category: category as FaqCategory, questions, answer: { de, en } };
}

function questionList(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw new ValidationError(field, 'must be a list of questions');
  return [...new Set(value.map((q, i) => requireText(q, `${field}[${i}]`, MAX_QUESTION).trim()))];
}

/** Fingerprint of what an entry says; tells a stored entry still as shipped from one an admin edited. */
export function contentHash(entry: {
  category: string;
  questions: { de: string[]; en: string[] };
  answer: { de: string; en: string };
  active: boolean;
}): string {
  const canonical = JSON.stringify([
    entry.category,
    entry.questions.de,
    entry.questions.en,
    entry.answer.de,
    entry.answer.en,
    entry.active,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}
