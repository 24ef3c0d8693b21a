import type { TurnContext } from 'botbuilder';
import type { KnowledgeAnswer } from '../services/knowledge/knowledgeBase';
import type { Intent } from '../services/nlu/types';
import type { DialogDeps } from './dialogDeps';
import { REQUEST_DIALOGS } from './freeTextRoute';
import { detectField } from './interpreter/matchers';
import type { Decision } from './interpreter/turnInterpreter';
import type { MenuOptions } from './mainMenu';
import { answerFor, withRegret } from './regret';

/** An angry customer's question answered with an apology first; the options of the person offered next. */
export async function soothe(
  deps: DialogDeps,
  ctx: TurnContext,
  decision: Extract<Decision, { kind: 'soothe' }>,
): Promise<MenuOptions> {
  const t = await deps.sessions.t(ctx);
  const { answer } = decision;
  await deps.sessions.addFact(ctx, `Frage: ${String(ctx.activity.text ?? '').slice(0, 120)}`);
  await ctx.sendActivity(withRegret(t, answer.text));
  if (answer.fallbackLanguage) await ctx.sendActivity(t('conversation:knowledge.germanOnly'));
  const category = REQUEST_DIALOGS[answer.category as Intent] ? (answer.category as Intent) : undefined;
  return { mode: 'soothed', supervisor: decision.needsSupervisor, ...(category ? { category } : {}) };
}

/**
 * Sends a knowledge answer (and the answer to a second question of the message), with the note when
 * it is German for an English customer; returns the area it belongs to.
 */
export async function sendAnswer(
  deps: DialogDeps,
  ctx: TurnContext,
  answer: KnowledgeAnswer,
  also?: KnowledgeAnswer,
): Promise<Intent> {
  const t = await deps.sessions.t(ctx);
  await deps.sessions.succeeded(ctx);
  // A person asked for after this answer sees what it was about.
  const session = await deps.sessions.get(ctx);
  if (REQUEST_DIALOGS[answer.category as Intent] && answer.category !== 'lost_or_stolen') {
    session.category = answer.category as Intent;
    session.lastTopic = session.category;
  }
  session.lastAnswerId = answer.id;
  session.answeredBefore = answer.id;
  session.answeredField = answer.category === 'data_change' ? detectField(answer.title) : undefined;
  await ctx.sendActivity(answerFor(ctx, t, answer.text));
  if (also) await ctx.sendActivity(also.text);
  if (answer.fallbackLanguage || also?.fallbackLanguage) await ctx.sendActivity(t('conversation:knowledge.germanOnly'));
  return (answer.category as Intent) ?? 'general';
}
