import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { assessmentOf } from './interpreter/turnAssessment';
import { LINE_BREAK } from './replies';

/** "Das ist ärgerlich, und es tut mir leid. Zu Ihrer Frage: …" before an answer. */
export function withRegret(t: TFunction, answer: string): string {
  return `${t('conversation:knowledge.sorryFirst')}${LINE_BREAK}${answer}`;
}

/**
 * An answer as sent: "Das ist doch lächerlich! Warum ist meine Rechnung so hoch?" is answered with a
 * word of regret first; a calm question gets the answer alone.
 */
export function answerFor(ctx: TurnContext, t: TFunction, answer: string): string {
  return (assessmentOf(ctx)?.frustration.level ?? 0) >= 1 ? withRegret(t, answer) : answer;
}
