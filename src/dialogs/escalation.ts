import { TurnContext } from 'botbuilder';
import { turnLogger } from '../bots/turnContext';
import type { HandoffReason } from '../services/handoff/types';
import type { Intent } from '../services/nlu/types';
import type { DialogDeps } from './dialogDeps';

export interface EscalationOptions {
  reason: HandoffReason;
  category?: Intent;
  needsSupervisor?: boolean;
  /** Extra facts for the agent, e.g. the steps already tried. */
  facts?: string[];
}

/**
 * Hands the conversation to a person through the HandoffRequester and tells the customer what
 * happens next. A lost card or phone always goes in as urgent, whatever triggered the handoff.
 */
export async function handOff(deps: DialogDeps, context: TurnContext, options: EscalationOptions): Promise<void> {
  const session = await deps.sessions.get(context);
  const t = await deps.sessions.t(context);
  const category = options.category ?? session.category ?? 'other';
  const reason: HandoffReason = category === 'lost_or_stolen' ? 'urgent' : options.reason;
  for (const fact of options.facts ?? []) await deps.sessions.addFact(context, fact);
  await context.sendActivity(t(`conversation:handoff.intro.${reason}`));
  try {
    // The handoff gate announces the queue position or the callback after the turn; saying it
    // here too would tell the customer twice.
    await deps.handoff.requestHandoff({
      conversationReference: TurnContext.getConversationReference(context.activity),
      channel: context.activity.channelId,
      ...(context.activity.from?.name ? { customerName: context.activity.from.name } : {}),
      language: await deps.sessions.lang(context),
      category,
      reason,
      frustration: session.lastFrustration,
      needsSupervisor: options.needsSupervisor ?? (reason === 'frustration' && session.lastFrustration.level >= 2),
      summary: { menuPath: [...session.menuPath], facts: [...session.facts], references: [...session.references] },
    });
  } catch (err) {
    turnLogger(context, deps.logger).error({ err: (err as Error).message, reason, category }, 'handoff request failed');
    await context.sendActivity(t(reason === 'urgent' ? 'conversation:handoff.failedUrgent' : 'conversation:handoff.failed'));
  }
}
