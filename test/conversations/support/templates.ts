import { readShippedResources, type Lang } from '../../../src/services/i18n/i18nService';

/**
 * The shipped texts as patterns: a template with {{placeholders}} matches any rendering of it, so
 * the checks follow the locales when other engineers change a sentence.
 */
export interface Template {
  key: string;
  pattern: RegExp;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: unknown, prefix: string, out: Map<string, string>): void {
  if (typeof tree === 'string') {
    out.set(prefix, tree);
    return;
  }
  if (tree && typeof tree === 'object')
    for (const [k, v] of Object.entries(tree))
      flatten(v, prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`, out);
}

function toPattern(text: string): RegExp {
  const parts = text.split(/\{\{[^}]*\}\}/).map((p) =>
    p
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+')
      // Replies to Swiss customers write "ss" for "ß".
      .replace(/ß/g, '(?:ß|ss)'),
  );
  // Bounded gaps keep the patterns linear; a placeholder is never more than a sentence.
  return new RegExp(parts.join('[\\s\\S]{0,300}?'), 'i');
}

const cache = new Map<Lang, Map<string, string>>();

/** Every shipped text of a language by full key ("conversation:menu.choose"). */
export function texts(lng: Lang): Map<string, string> {
  let all = cache.get(lng);
  if (!all) {
    all = new Map();
    for (const [ns, tree] of Object.entries(readShippedResources(lng))) flatten(tree, `${ns}:`, all);
    cache.set(lng, all);
  }
  return all;
}

/** The templates of one key, including its plural forms; empty when the key does not exist. */
export function templatesOf(lng: Lang, key: string): Template[] {
  const out: Template[] = [];
  for (const [k, text] of texts(lng))
    if (k === key || k.replace(PLURAL, '') === key) out.push({ key: k, pattern: toPattern(text) });
  return out;
}

/** The templates whose key passes the filter (e.g. everything under handoff:). */
export function templatesWhere(lng: Lang, keep: (key: string) => boolean): Template[] {
  const out: Template[] = [];
  for (const [k, text] of texts(lng)) if (keep(k) && text.trim() !== '') out.push({ key: k, pattern: toPattern(text) });
  return out;
}

export function matchesAny(text: string, templates: Template[]): Template | undefined {
  return templates.find((t) => t.pattern.test(text));
}
