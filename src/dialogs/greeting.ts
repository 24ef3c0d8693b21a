import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { dayPart } from './clock';
import type { DialogDeps } from './dialogDeps';

/**
 * The first words of a conversation: the full welcome for a new customer, "schön, dass Sie wieder
 * da sind" for a returning one, a short line when the first message already says what is wanted.
 * Never twice in one conversation: a greeted conversation is not greeted again (after a pause the
 * interpreter says "Willkommen zurück" instead).
 */
export async function introduce(deps: DialogDeps, ctx: TurnContext, t: TFunction, short: boolean): Promise<void> {
  const session = await deps.sessions.get(ctx);
  if (session.greeted) return;
  const profile = await deps.sessions.getProfile(ctx);
  const settings = await deps.content.settings();
  const conversationId = ctx.activity.conversation?.id;
  const returning = profile.conversations > 0 && profile.lastConversationId !== conversationId;
  if (profile.lastConversationId !== conversationId) {
    profile.conversations += 1;
    profile.lastConversationId = conversationId;
    profile.firstSeenAt ??= deps.clock.now().toISOString();
  }
  session.greeted = true;
  session.lastSeenAt ??= deps.clock.now().toISOString();
  const vars = {
    salutation: t(`conversation:greeting.${dayPart(deps.clock.now(), settings.timeZone)}`),
    company: settings.companyName,
    bot: settings.botName,
  };
  const key = short
    ? 'conversation:greeting.short'
    : returning
      ? 'conversation:greeting.returning'
      : 'conversation:greeting.welcome';
  await ctx.sendActivity(t(key, vars));
}
