import { ValidationError } from '../../errors';
import type { Lang, Resources } from '../../i18n/i18nService';
import { isPlainObject, requireFormalGerman, requireSamePlaceholders, requireText } from './textRules';

/** Longest text an admin may store for one key. */
export const MAX_TRANSLATION_CHARS = 4000;

export type TranslationTree = { [key: string]: string | TranslationTree };

/**
 * Applies an admin's edit (nested i18next JSON by namespace) to the stored overrides of one
 * language and returns the new overrides. Only keys the shipped locales have may be set; a value
 * equal to the shipped text or null removes the override. Every edited text is checked: a string,
 * not empty, the shipped text's {{placeholders}} kept, formal German. Throws naming the key.
 */
export function applyTranslationEdit(
  lng: Lang,
  shipped: Resources,
  current: TranslationTree,
  edit: unknown,
): TranslationTree {
  if (!isPlainObject(edit))
    throw new ValidationError('body', 'must be an object of namespaces, e.g. {"conversation": {"greeting": {...}}}');
  const next = structuredClone(current);
  for (const [ns, tree] of Object.entries(edit)) {
    const shippedTree = shipped[ns];
    if (!isPlainObject(shippedTree)) throw new ValidationError(ns, 'is not a known translation namespace');
    next[ns] = mergeNode(lng, shippedTree, isPlainObject(next[ns]) ? (next[ns] as TranslationTree) : {}, tree, ns);
  }
  return prune(next);
}

/** Checks stored overrides as a whole (a rollback restores them): every key known, every text valid. */
export function validateTranslationOverrides(lng: Lang, shipped: Resources, overrides: unknown): TranslationTree {
  return applyTranslationEdit(lng, shipped, {}, overrides ?? {});
}

function mergeNode(
  lng: Lang,
  shipped: Record<string, unknown>,
  current: TranslationTree,
  edit: unknown,
  field: string,
): TranslationTree {
  if (!isPlainObject(edit)) throw new ValidationError(field, 'must be an object of translation keys');
  const out: TranslationTree = { ...current };
  for (const [key, value] of Object.entries(edit)) {
    const path = `${field}.${key}`;
    if (!Object.prototype.hasOwnProperty.call(shipped, key))
      throw new ValidationError(path, 'is not a known translation key');
    const original = shipped[key];
    if (typeof original === 'string') {
      if (value === null || value === original) {
        delete out[key];
        continue;
      }
      const text = requireText(value, path, MAX_TRANSLATION_CHARS);
      requireSamePlaceholders(text, original, path);
      if (lng === 'de') requireFormalGerman(text, path);
      out[key] = text;
    } else if (isPlainObject(original)) {
      if (value === null) {
        delete out[key];
        continue;
      }
      if (typeof value === 'string')
        throw new ValidationError(path, 'is a group of texts, not a single text; edit the keys inside it');
      out[key] = mergeNode(lng, original, isPlainObject(out[key]) ? (out[key] as TranslationTree) : {}, value, path);
    } else {
      throw new ValidationError(path, 'cannot be edited');
    }
  }
  return out;
}

function prune(tree: TranslationTree): TranslationTree {
  const out: TranslationTree = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out[key] = value;
    else {
      const inner = prune(value);
      if (Object.keys(inner).length > 0) out[key] = inner;
    }
  }
  return out;
}
