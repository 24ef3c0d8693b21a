import type { HandoffPriorityName, Menu, MenuOption, MenuTarget } from '../../content/types';
import { ValidationError } from '../../errors';
import { INTENTS, Intent } from '../../nlu/types';
import { isPlainObject, rejectUnknownKeys, requireFormalGerman, requireText } from './textRules';

/** Dialogs a menu option may start (the request dialogs of the conversation and "a person"). */
export const MENU_DIALOGS: readonly Intent[] = [
  'billing',
  'technical',
  'general',
  'lost_or_stolen',
  'data_change',
  'complaint',
  'human',
];
export const HANDOFF_PRIORITIES: readonly HandoffPriorityName[] = ['urgent', 'high', 'normal'];
/** WhatsApp list rows hold at most 10 options with titles of at most 24 characters. */
export const MAX_OPTIONS = 10;
export const MAX_LABEL_CHARS = 24;
const ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** What the validator needs to know about the knowledge base: entry id or key -> active? */
export type FaqIndex = ReadonlyMap<string, { active: boolean }>;

/**
 * Checks a whole set of menus as an admin saves it and returns it normalised. Every target must
 * lead somewhere real (a dialog that exists, an active knowledge-base entry, a menu in the same
 * set), digits and ids are unique per menu, labels fit a WhatsApp list row, German is formal, and
 * the main menu keeps the around-the-clock blocking of lost cards and phones.
 */
export function validateMenus(input: unknown, faqs: FaqIndex): Record<string, Menu> {
  if (!isPlainObject(input)) throw new ValidationError('menus', 'must be an object of menus keyed by id, with "main"');
  if (!isPlainObject(input.main)) throw new ValidationError('menus.main', 'is required');
  const ids = Object.keys(input);
  if (ids.length > 20) throw new ValidationError('menus', 'may hold at most 20 menus');
  const out: Record<string, Menu> = {};
  for (const id of ids) {
    const field = `menus.${id}`;
    if (!ID.test(id)) throw new ValidationError(field, 'has an invalid id (lower-case letters, digits, "-" and "_")');
    out[id] = validateMenu(input[id], id, field, ids, faqs);
  }
  const blocking = out.main.options.some((o) => o.target.kind === 'dialog' && o.target.dialog === 'lost_or_stolen');
  if (!blocking)
    throw new ValidationError(
      'menus.main.options',
      'must keep an option for the dialog "lost_or_stolen" (blocking cards and phones around the clock)',
    );
  return out;
}

function validateMenu(value: unknown, id: string, field: string, menuIds: string[], faqs: FaqIndex): Menu {
  if (!isPlainObject(value)) throw new ValidationError(field, 'must be an object');
  rejectUnknownKeys(value, ['id', 'options'], field);
  if (value.id !== undefined && value.id !== id)
    throw new ValidationError(`${field}.id`, `must be "${id}", the key it is stored under`);
  if (!Array.isArray(value.options) || value.options.length === 0)
    throw new ValidationError(`${field}.options`, 'must be a non-empty list');
  if (value.options.length > MAX_OPTIONS)
    throw new ValidationError(`${field}.options`, `may hold at most ${MAX_OPTIONS} options`);
  const options = value.options.map((o, i) => validateOption(o, `${field}.options[${i}]`, id, menuIds, faqs));
  const seenDigits = new Set<string>();
  const seenIds = new Set<string>();
  options.forEach((o, i) => {
    if (seenDigits.has(o.digit))
      throw new ValidationError(`${field}.options[${i}].digit`, `"${o.digit}" is used twice in this menu`);
    if (seenIds.has(o.id))
      throw new ValidationError(`${field}.options[${i}].id`, `"${o.id}" is used twice in this menu`);
    seenDigits.add(o.digit);
    seenIds.add(o.id);
  });
  return { id, options };
}

function validateOption(value: unknown, field: string, menuId: string, menuIds: string[], faqs: FaqIndex): MenuOption {
  if (!isPlainObject(value)) throw new ValidationError(field, 'must be an object');
  rejectUnknownKeys(value, ['id', 'digit', 'label', 'target'], field);
  const id = requireText(value.id, `${field}.id`, 40);
  if (!ID.test(id)) throw new ValidationError(`${field}.id`, 'may use lower-case letters, digits, "-" and "_" only');
  const digit = requireText(value.digit, `${field}.digit`, 1);
  if (!/^\d$/.test(digit)) throw new ValidationError(`${field}.digit`, 'must be one digit 0–9');
  if (!isPlainObject(value.label))
    throw new ValidationError(`${field}.label`, 'must be an object { "de": "...", "en": "..." }');
  rejectUnknownKeys(value.label, ['de', 'en'], `${field}.label`);
  const de = requireText(value.label.de, `${field}.label.de`, MAX_LABEL_CHARS).trim();
  const en = requireText(value.label.en, `${field}.label.en`, MAX_LABEL_CHARS).trim();
  requireFormalGerman(de, `${field}.label.de`);
  return {
    id,
    digit,
    label: { de, en },
    target: validateTarget(value.target, `${field}.target`, menuId, menuIds, faqs),
  };
}

function validateTarget(value: unknown, field: string, menuId: string, menuIds: string[], faqs: FaqIndex): MenuTarget {
  if (!isPlainObject(value))
    throw new ValidationError(field, 'must be an object with "kind": dialog, faq, submenu or handoff');
  switch (value.kind) {
    case 'dialog': {
      rejectUnknownKeys(value, ['kind', 'dialog'], field);
      if (typeof value.dialog !== 'string') throw new ValidationError(`${field}.dialog`, 'must be a string');
      if (!MENU_DIALOGS.includes(value.dialog as Intent)) {
        throw new ValidationError(
          `${field}.dialog`,
          `points to the unknown dialog "${value.dialog}" (known: ${MENU_DIALOGS.join(', ')})`,
        );
      }
      return { kind: 'dialog', dialog: value.dialog as Intent };
    }
    case 'faq': {
      rejectUnknownKeys(value, ['kind', 'faqId'], field);
      const faqId = requireText(value.faqId, `${field}.faqId`, 100);
      const entry = faqs.get(faqId);
      if (!entry) throw new ValidationError(`${field}.faqId`, `points to the unknown knowledge-base entry "${faqId}"`);
      if (!entry.active)
        throw new ValidationError(`${field}.faqId`, `points to the inactive knowledge-base entry "${faqId}"`);
      return { kind: 'faq', faqId };
    }
    case 'submenu': {
      rejectUnknownKeys(value, ['kind', 'menuId'], field);
      const target = requireText(value.menuId, `${field}.menuId`, 40);
      if (!menuIds.includes(target))
        throw new ValidationError(`${field}.menuId`, `points to the unknown menu "${target}"`);
      if (target === menuId) throw new ValidationError(`${field}.menuId`, 'points to its own menu');
      return { kind: 'submenu', menuId: target };
    }
    case 'handoff': {
      rejectUnknownKeys(value, ['kind', 'priority', 'category'], field);
      if (typeof value.priority !== 'string' || !HANDOFF_PRIORITIES.includes(value.priority as HandoffPriorityName)) {
        throw new ValidationError(`${field}.priority`, `must be one of ${HANDOFF_PRIORITIES.join(', ')}`);
      }
      const category = value.category ?? 'other';
      if (typeof category !== 'string' || !(INTENTS as readonly string[]).includes(category)) {
        throw new ValidationError(`${field}.category`, `must be one of ${INTENTS.join(', ')}`);
      }
      return { kind: 'handoff', priority: value.priority as HandoffPriorityName, category: category as Intent };
    }
    default:
      throw new ValidationError(`${field}.kind`, 'must be one of dialog, faq, submenu, handoff');
  }
}
