import { ActionTypes, Activity, CardAction, MessageFactory } from 'botbuilder';
import { normalizeText } from '../services/nlu/normalize';
import { yesNo } from './interpreter/yesNo';

export interface Choice {
  /** What the button sends and what the customer may type. */
  value: string;
  title: string;
}

/** A message with buttons (Web Chat suggested actions; WhatsApp buttons or a list). */
export function withChoices(text: string, choices: Choice[]): Partial<Activity> {
  const actions: CardAction[] = choices.map((c) => ({ type: ActionTypes.ImBack, title: c.title, value: c.value }));
  return MessageFactory.suggestedActions(actions, text);
}

/** true for yes, false for no, undefined when the answer is neither ("vielleicht", a question, a problem). */
export function parseYesNo(text: string | undefined): boolean | undefined {
  const answer = yesNo(text);
  return answer === undefined ? undefined : answer === 'yes';
}

/** Picks one of the offered choices from a typed digit, the button value or its title. */
export function pickChoice(text: string | undefined, choices: Choice[]): Choice | undefined {
  const raw = (text ?? '').trim();
  const digit = /^(\d)[.)]?$/.exec(raw)?.[1];
  const normalized = normalizeText(raw);
  return choices.find(
    (c) =>
      c.value === raw ||
      (digit !== undefined && c.value === digit) ||
      normalizeText(c.title) === normalized ||
      normalizeText(c.value) === normalized,
  );
}

/**
 * Ends a line inside one paragraph. Web Chat renders Markdown, where a bare newline joins the lines
 * into one; two trailing spaces make a hard break there and are invisible on WhatsApp.
 */
export const LINE_BREAK = '  \n';

/** Numbered lines for channels that show no buttons: "1 – Rechnungen". */
export function numbered(choices: Choice[]): string {
  return choices.map((c) => `${c.value} – ${c.title}`).join(LINE_BREAK);
}
