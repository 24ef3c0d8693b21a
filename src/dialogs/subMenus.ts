import { DEFAULT_MENUS } from '../services/content/defaultMenu';
import type { Menu, MenuOption } from '../services/content/types';
import type { Lang } from '../services/i18n/i18nService';
import { normalizeText } from '../services/nlu/normalize';
import type { DialogDeps } from './dialogDeps';
import type { Phrase, PhraseChoice } from './interpreter/expectation';
import { LINE_BREAK } from './replies';

/** A menu from the content, or the shipped one when the stored content has no menu of that id. */
export async function loadMenu(deps: DialogDeps, id: string): Promise<Menu | undefined> {
  const menus = await deps.content.menus();
  return menus[id] ?? DEFAULT_MENUS[id];
}

export function optionLabel(option: MenuOption, lang: Lang): string {
  return option.label[lang] || option.label.de;
}

/** Buttons for a menu: the digit is what they send, so typing it works too. */
export function menuChoices(menu: Menu): PhraseChoice[] {
  return menu.options.map((o) => ({
    value: o.digit,
    title: { text: { de: o.label.de, en: o.label.en || o.label.de } },
  }));
}

/** The numbered lines of a menu ("1 – Rechnungsposten"), in both languages. */
export function menuLines(menu: Menu): Phrase {
  const lines = (lang: Lang) => menu.options.map((o) => `${o.digit} – ${optionLabel(o, lang)}`).join(LINE_BREAK);
  return { text: { de: lines('de'), en: lines('en') } };
}

/** Whether normalised text is the option's label, German or English ("technik" for "Technik"). */
export function isLabelOf(option: MenuOption, normalized: string): boolean {
  return normalizeText(option.label.de) === normalized || normalizeText(option.label.en) === normalized;
}

/** The option of THIS menu a message picks: its digit, its id or its label; never another menu's digit. */
export function pickOption(menu: Menu, text: string): MenuOption | undefined {
  const raw = text.trim();
  const digit = /^(\d)[.)]?$/.exec(raw)?.[1];
  const normalized = normalizeText(raw);
  if (!normalized && !digit) return undefined;
  const exact = menu.options.find((o) => o.digit === digit || o.id === raw || isLabelOf(o, normalized));
  return exact ?? namedOption(menu, normalized);
}

/** Words that add nothing to a bare topic name ("Technisches Problem", "Frage zur Rechnung" aside). */
const GENERIC = new Set([
  'problem',
  'probleme',
  'frage',
  'fragen',
  'anfrage',
  'thema',
  'question',
  'problems',
  'issue',
  'help',
  'hilfe',
  'bitte',
  'please',
]);
/** Shared start a word needs with a label's first word ("rechnung"/"rechnungen", "technisches"/"technik"). */
const STEM = 5;

/**
 * A bare topic name that is not the exact label: "Rechnung" for "Rechnungen", "Technisches Problem"
 * for "Technik", "Invoice" for "Invoices". Only one word (and a generic one): "Rechnung zu hoch" is a
 * question for the knowledge base, not a menu choice.
 */
function namedOption(menu: Pick<Menu, 'options'>, normalized: string): MenuOption | undefined {
  const words = normalized.split(' ').filter(Boolean);
  const named = words.length === 1 || (words.length === 2 && GENERIC.has(words[1]));
  if (!named || words[0].length < STEM) return undefined;
  const stem = words[0].slice(0, STEM);
  const matches = menu.options.filter((o) =>
    [o.label.de, o.label.en].some((label) => normalizeText(label).split(' ')[0]?.startsWith(stem)),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

/** The part of a sub-menu option id after the menu id: "technical-internet" -> "internet". */
export function optionPath(option: MenuOption, menuId: string): string {
  return option.id.startsWith(`${menuId}-`) ? option.id.slice(menuId.length + 1) : option.id;
}

/** True when the text only names this option loosely ("Rechnung" for "Rechnungen"): it carries no request. */
export function namesOption(option: MenuOption, text: string): boolean {
  return namedOption({ options: [option] }, normalizeText(text.trim())) === option;
}
