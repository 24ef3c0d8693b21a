import { ValidationError } from '../../errors';
import { isPlainObject, rejectUnknownKeys, requireFormalGerman, requireText } from './textRules';

/** Categories of the knowledge base: the request types of the menu. */
export const FAQ_CATEGORIES = [
  'billing',
  'technical',
  'general',
  'lost_or_stolen',
  'data_change',
  'complaint',
] as const;
export type FaqCategory = (typeof FAQ_CATEGORIES)[number];

/** A knowledge-base entry as admins edit it (the shape of the admin FAQ API). */
export interface FaqEntry {
  questions: { de: string[]; en: string[] };
  answer: { de: string; en: string };
  category: FaqCategory;
  active: boolean;
}

const MAX_QUESTIONS = 50;

/**
 * Checks an entry an admin creates or replaces: German questions required (customers' phrasings,
 * so no formality rule there), a German answer in the formal address, an optional English one, a
 * known category.
 * Fields left out of an edit keep the current value.
 */
export function validateFaqEntry(input: unknown, current?: FaqEntry): FaqEntry {
  if (!isPlainObject(input))
    throw new ValidationError('body', 'must be an object { questions, answer, category, active }');
  rejectUnknownKeys(input, ['id', 'key', 'questions', 'answer', 'category', 'active', 'createdAt', 'updatedAt'], '');
  const questions = input.questions === undefined && current ? current.questions : validateQuestions(input.questions);
  const answer = input.answer === undefined && current ? current.answer : validateAnswer(input.answer, current?.answer);
  const category = input.category === undefined && current ? current.category : validateCategory(input.category);
  const active = input.active === undefined ? (current?.active ?? true) : input.active;
  if (typeof active !== 'boolean') throw new ValidationError('active', 'must be true or false');
  return { questions, answer, category, active };
}

function validateQuestions(value: unknown): FaqEntry['questions'] {
  if (!isPlainObject(value)) throw new ValidationError('questions', 'must be an object { "de": [...], "en": [...] }');
  rejectUnknownKeys(value, ['de', 'en'], 'questions');
  const list = (lng: 'de' | 'en') => {
    const raw = value[lng] ?? [];
    if (!Array.isArray(raw)) throw new ValidationError(`questions.${lng}`, 'must be a list of questions');
    if (raw.length > MAX_QUESTIONS)
      throw new ValidationError(`questions.${lng}`, `may hold at most ${MAX_QUESTIONS} questions`);
    return [...new Set(raw.map((q, i) => requireText(q, `questions.${lng}[${i}]`, 300).trim()))];
  };
  const de = list('de');
  const en = list('en');
  if (de.length === 0) throw new ValidationError('questions.de', 'needs at least one question');
  return { de, en };
}

function validateAnswer(value: unknown, current?: FaqEntry['answer']): FaqEntry['answer'] {
  if (!isPlainObject(value)) throw new ValidationError('answer', 'must be an object { "de": "...", "en": "..." }');
  rejectUnknownKeys(value, ['de', 'en'], 'answer');
  const de = requireText(value.de === undefined ? current?.de : value.de, 'answer.de', 4000).trim();
  // English is optional: English customers get the German answer with a note until it exists.
  const enRaw = value.en === undefined ? (current?.en ?? '') : value.en;
  const en = enRaw === '' ? '' : requireText(enRaw, 'answer.en', 4000).trim();
  requireFormalGerman(de, 'answer.de');
  return { de, en };
}

function validateCategory(value: unknown): FaqCategory {
  if (typeof value !== 'string' || !(FAQ_CATEGORIES as readonly string[]).includes(value)) {
    throw new ValidationError('category', `must be one of ${FAQ_CATEGORIES.join(', ')}`);
  }
  return value as FaqCategory;
}
