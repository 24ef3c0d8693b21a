import type { Activity } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { Lang } from '../../services/i18n/i18nService';
import type { Intent } from '../../services/nlu/types';
import { Choice, withChoices } from '../replies';

/** A piece of bot text kept as a translation key (or both languages), so a question can be asked again in another language. */
export type Phrase =
  | {
      key: string;
      params?: Record<string, string | number>;
      /** params that are themselves keys to translate */ paramKeys?: Record<string, string>;
    }
  | { text: { de: string; en: string } };

/**
 * What the current step expects, and so what counts as an answer:
 * - yesNo: a plain yes or no; choice: one of the choices (or what `matcher` recognises);
 * - open: anything the step itself interprets (the main menu, a topic list with free questions);
 * - text: a free description of at least a few characters (complaint, disputed charge);
 * - slots: name, identifier (birth date, customer number, last four digits), email, phone, address, iban.
 */
export type AnswerKind =
  | 'yesNo'
  | 'choice'
  | 'open'
  | 'text'
  | 'name'
  | 'identifier'
  | 'email'
  | 'phone'
  | 'address'
  | 'iban'
  /** The day a new address applies from; "weiß ich noch nicht" answers it too (recorded without one). */
  | 'moveDate';

/** Recognisers of free text for choice steps ("Mein WLAN geht nicht" picks "Kein Internet"). */
export type ChoiceMatcher = 'problem' | 'field' | 'lostItem';

export interface PhraseChoice {
  /** What the button sends; empty: its title in the customer's language ("Ja" / "Yes"). */
  value: string;
  title: Phrase;
}

export interface Expectation {
  kind: AnswerKind;
  /** The question as asked. */
  lines: Phrase[];
  /** A brief form for asking again after an interruption; the question itself when absent. */
  short?: Phrase[];
  choices?: PhraseChoice[];
  matcher?: ChoiceMatcher;
  /** The request the dialog assumed; "Nein, keine …" leaves it. */
  topic?: Intent;
  /** "Hat Ihnen das geholfen?": thanks here means the customer is done. */
  helped?: boolean;
  /** The read-back of a value before it is recorded: a yes with a goodbye still records it. */
  readBack?: boolean;
  /** A read-back's slot: a corrected value instead of a yes or no ("ohne Bindestrich: Julia Schmidt Özdemir") answers too. */
  corrects?: AnswerKind;
  /** The key of the line that says why a value does not fit (slots). */
  problem?: string;
  /** identifier: whether the last four digits of a card are accepted. */
  allowLastFour?: boolean;
  /** name, identifier: a phone number answers too (a lost phone is identified by its number). */
  allowPhone?: boolean;
  /** An open step whose question is also a yes/no one ("Hat Ihnen das geholfen?"): a plain yes or no is its answer. */
  acceptsYesNo?: boolean;
  /** "Meinten Sie …": the step offers knowledge entries; a yes or thanks takes the first. */
  offersEntries?: boolean;
  /** The step offers to end ("Kann ich sonst noch etwas für Sie tun?"): thanks there closes. */
  offersEnd?: boolean;
  /** The first question of a request (its sub-menu): "zurück" there goes to the main menu. */
  subMenu?: boolean;
  /** Answers that did not fit, at this step. */
  misses: number;
}

export function renderPhrase(phrase: Phrase, t: TFunction, lang: Lang): string {
  if ('text' in phrase) return phrase.text[lang] || phrase.text.de;
  const params: Record<string, string | number> = { ...(phrase.params ?? {}) };
  for (const [name, key] of Object.entries(phrase.paramKeys ?? {})) params[name] = t(key);
  return t(phrase.key, params);
}

export function renderChoices(choices: PhraseChoice[] | undefined, t: TFunction, lang: Lang): Choice[] {
  return (choices ?? []).map((c) => {
    const title = renderPhrase(c.title, t, lang);
    return { value: c.value || title, title };
  });
}

/** The question as an activity with its buttons; `lead` lines come first, `extra` buttons last. */
export function renderQuestion(
  lines: Phrase[],
  choices: PhraseChoice[] | undefined,
  t: TFunction,
  lang: Lang,
  lead: string[] = [],
  extra: Choice[] = [],
): Partial<Activity> {
  const text = [...lead, ...lines.map((l) => renderPhrase(l, t, lang))].join('\n\n');
  const buttons = [...renderChoices(choices, t, lang), ...extra];
  return buttons.length > 0 ? withChoices(text, buttons) : { type: 'message', text };
}
