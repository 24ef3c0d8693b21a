import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../errors';
import { normalizeText } from '../nlu/normalize';
import { INTENTS } from '../nlu/types';

/** A canned response (Textbaustein): a short German name, a category and the text per language. */
export interface CannedResponse {
  name: string;
  category: string;
  text: { de: string; en?: string };
}

export const CANNED_FILE = path.resolve(__dirname, '../../../content/agent/canned-responses.json');
/** Request categories, and "all" for a response every case may use. */
export const CANNED_CATEGORIES: readonly string[] = ['all', ...INTENTS];
const NAME = /^[a-zäöüß0-9-]{2,30}$/;
const MAX_TEXT = 2000;

/** The key a name is found by: case and umlauts folded ("Rückruf", "ruckruf", "rueckruf" are one). */
export function cannedKey(name: string): string {
  return normalizeText(name).replace(/ /g, '').replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

/** Checks one response (file entry or API body); a ValidationError names the field. */
export function validateCannedResponse(raw: unknown, where = 'body'): CannedResponse {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ValidationError(where, 'must be an object');
  const item = raw as Record<string, unknown>;
  const name = typeof item.name === 'string' ? item.name.trim().toLowerCase() : '';
  if (!NAME.test(name)) throw new ValidationError(`${where}.name`, 'must be 2-30 lower-case letters, digits or -');
  const category = item.category ?? 'all';
  if (typeof category !== 'string' || !CANNED_CATEGORIES.includes(category))
    throw new ValidationError(`${where}.category`, `must be one of ${CANNED_CATEGORIES.join(', ')}`);
  const text = item.text as Record<string, unknown> | undefined;
  if (!text || typeof text !== 'object') throw new ValidationError(`${where}.text`, 'needs de (and optionally en)');
  const de = text.de;
  if (typeof de !== 'string' || de.trim() === '' || de.length > MAX_TEXT)
    throw new ValidationError(`${where}.text.de`, `must be a text of 1-${MAX_TEXT} characters`);
  const en = text.en;
  if (en !== undefined && (typeof en !== 'string' || en.trim() === '' || en.length > MAX_TEXT))
    throw new ValidationError(`${where}.text.en`, `must be a text of 1-${MAX_TEXT} characters`);
  return { name, category, text: en === undefined ? { de: de.trim() } : { de: de.trim(), en: en.trim() } };
}

/** Reads and checks the default set; a broken file stops the start with the entry and field named. */
export function loadCannedResponses(file = CANNED_FILE): CannedResponse[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { responses?: unknown };
  if (!Array.isArray(parsed.responses)) throw new Error(`content/agent: ${file} has no responses`);
  const responses = parsed.responses.map((raw, i) => {
    try {
      return validateCannedResponse(raw, `responses[${i}]`);
    } catch (err) {
      throw new Error(`content/agent: ${path.basename(file)} ${(err as Error).message}`);
    }
  });
  const keys = new Set(responses.map((r) => cannedKey(r.name)));
  if (keys.size !== responses.length) throw new Error(`content/agent: ${path.basename(file)} has duplicate names`);
  return responses;
}
