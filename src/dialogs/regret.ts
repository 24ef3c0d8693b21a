import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { asksSomething } from './interpreter/questions';
import { assessmentOf } from './interpreter/turnAssessment';
import { LINE_BREAK } from './replies';

/**
 * "Das ist ärgerlich, und es tut mir leid. Zu Ihrer Frage: …" before an answer; without "Zu Ihrer
 * Frage" when the customer asked nothing.
 */
export function withRegret(t: TFunction, answer: string, asked = true): string {
  const key = asked ? 'conversation:knowledge.sorryFirst' : 'conversation:knowledge.sorryThenAnswer';
  return `${t(key)}${LINE_BREAK}${answer}`;
}

/** Signals that make a message sound annoyed without naming anything that went wrong. */
const WITHOUT_GRIEVANCE: ReadonlySet<string> = new Set(['model', 'exasperation', 'exclamation']);

/**
 * An answer as sent: "Das ist doch lächerlich! Warum ist meine Rechnung so hoch?" is answered with a
 * word of regret first; a calm question gets the answer alone.
 */
export function answerFor(ctx: TurnContext, t: TFunction, answer: string): string {
  const frustration = assessmentOf(ctx)?.frustration;
  if ((frustration?.level ?? 0) < 1) return answer;
  // The model's lean alone, or only "??", is no grievance to be sorry for ("Und wie kündige ich jetzt?").
  if (frustration?.signals.every((s) => WITHOUT_GRIEVANCE.has(s))) return answer;
  return withRegret(t, answer, asksSomething(String(ctx.activity.text ?? '')));
}
