import { ValidationError } from '../../errors';

/** The informal address German texts must never use (the same rule as test/locales.test.ts). */
const INFORMAL = /(?<![\p{L}\p{N}])(du|dich|dir|dein\w*|euch|euer\w*|eur(?:e|em|en|er|es))(?![\p{L}\p{N}])/iu;
const PLACEHOLDER = /\{\{\s*([^{}\s,]+)\s*(?:,[^{}]*)?\}\}/g;

/** The interpolation variables of a text: "{{company}}" -> company. */
export function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]));
}

/** Throws when a German text addresses the customer informally, naming the word. */
export function requireFormalGerman(text: string, field: string): void {
  const hit = INFORMAL.exec(text);
  if (hit) throw new ValidationError(field, `uses the informal "${hit[1]}"; address customers formally with "Sie"`);
}

/**
 * Throws when an edited text drops a variable the shipped text has (the code passes it, and the
 * customer would miss e.g. the reference number) or uses one the code never passes.
 */
export function requireSamePlaceholders(text: string, shipped: string, field: string): void {
  const expected = placeholders(shipped);
  const given = placeholders(text);
  for (const name of expected) {
    if (!given.has(name)) throw new ValidationError(field, `drops the placeholder {{${name}}}`);
  }
  for (const name of given) {
    if (!expected.has(name)) {
      const allowed = [...expected].map((n) => `{{${n}}}`).join(', ') || 'none';
      throw new ValidationError(field, `uses the unknown placeholder {{${name}}} (allowed: ${allowed})`);
    }
  }
}

/** A text an admin typed: a string, not blank, not too long, without control characters. */
export function requireText(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a string');
  if (value.trim() === '') throw new ValidationError(field, 'must not be empty');
  if (value.length > max) throw new ValidationError(field, `must have at most ${max} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value))
    throw new ValidationError(field, 'contains control characters');
  return value;
}

/** Throws on keys a document of this kind does not have, naming the first unknown one. */
export function rejectUnknownKeys(value: Record<string, unknown>, allowed: readonly string[], field: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new ValidationError(field ? `${field}.${key}` : key, 'is not a known field');
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
