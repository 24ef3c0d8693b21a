import { randomUUID } from 'node:crypto';
import { Activity, CloudAdapter, ConversationReference, MessageFactory, TeamsInfo, TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { HandoffListItem } from '../../services/handoff/handoffModel';
import type { I18nService } from '../../services/i18n/i18nService';
import type { Logger } from '../../services/logger';
import { cardAttachment, CardNotice, handoffCard } from './cards';
import type { HandoffDesk } from './handoffDesk';
import { isTeamsPrincipalId } from './teamsAgentDirectory';
import type { AgentsChannel, TeamsChannelStore } from './teamsChannelStore';
import type { HandoffThread, TeamsThreadStore } from './teamsThreadStore';
import { escapeTeamsMarkdown } from './markdown';
import { UpstreamFailedError } from '../../services/errors';

/** Used for proactive Teams calls when MicrosoftAppId is empty (local use: auth is off anyway). */
export const LOCAL_BOT_APP_ID = 'lotse-local';

export interface TeamsNotifierOptions {
  /** MicrosoftAppId; TeamsInfo.sendMessageToTeamsChannel needs one under CloudAdapter. */
  botAppId: string;
  botName: string;
  language: 'de' | 'en';
  timeZone: string;
  /** How often unposted cards are retried (bot installed later, a failed post). Default 30 s; 0 off. */
  catchUpMs?: number;
  instanceId?: string;
}

/** Teams did not take a handoff card. */
export class TeamsPostError extends UpstreamFailedError {
  constructor(
    readonly handoffId: string,
    cause: unknown,
  ) {
    super(
      `could not post the card of handoff ${handoffId} to Teams: ${(cause as Error)?.message ?? String(cause)}`,
      undefined,
      undefined,
      cause instanceof Error ? { cause } : undefined,
    );
    this.name = 'TeamsPostError';
  }
}

/**
 * Tells the agents' channel about handoffs: posts one card per new handoff (exactly once across
 * instances), keeps the card current for everyone (claimed, closed, back in the queue), and carries
 * the customer's messages into the card's thread. Listens to the handoff events; state changes
 * are acted on by the instance that made them (meta.local), new handoffs by whoever wins the post.
 */
export class TeamsNotifier {
  private readonly botAppId: string;
  private readonly instanceId: string;
  private readonly t: TFunction;
  private readonly unsubscribe: (() => void)[] = [];
  private timer?: NodeJS.Timeout;
  private catchingUp = false;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly desk: HandoffDesk,
    private readonly channels: TeamsChannelStore,
    private readonly threads: TeamsThreadStore,
    i18n: I18nService,
    private readonly logger: Logger,
    private readonly options: TeamsNotifierOptions,
  ) {
    this.botAppId = options.botAppId || LOCAL_BOT_APP_ID;
    this.instanceId = options.instanceId ?? randomUUID();
    this.t = i18n.t(options.language);
  }

  start(): void {
    const { events } = this.desk;
    this.unsubscribe.push(
      events.on('created', ({ handoff }) => this.post(handoff)),
      events.on('claimed', ({ handoff, agent }, { local }) =>
        local
          ? this.changed(handoff, this.t('agent:thread.claimed', { name: escapeTeamsMarkdown(agent.name) }))
          : undefined,
      ),
      events.on('resolved', ({ handoff }, { local }) =>
        local ? this.changed(handoff, this.t('agent:thread.resolved')) : undefined,
      ),
      events.on('transferred', ({ handoff, by }, { local }) =>
        local
          ? this.changed(handoff, this.t('agent:thread.transferred'), { kind: 'transferred', name: by.name })
          : undefined,
      ),
      events.on('cancelled', ({ handoff }, { local }) =>
        local ? this.changed(handoff, this.t('agent:thread.customerCancelled')) : undefined,
      ),
      events.on('callbackRequested', ({ handoff }, { local }) => (local ? this.changed(handoff) : undefined)),
      events.on('customerMessage', ({ handoffId, message }, { local }) =>
        local
          ? this.say(handoffId, this.t('agent:thread.customer', { text: escapeTeamsMarkdown(message.text) }))
          : undefined,
      ),
      events.on('agentMessage', ({ handoffId, message, agent }, { local }) =>
        // Messages written in Teams are in the thread already; the desk page's are not.
        local && !isTeamsPrincipalId(agent.id)
          ? this.say(
              handoffId,
              this.t('agent:thread.fromDesk', {
                name: escapeTeamsMarkdown(agent.name),
                text: escapeTeamsMarkdown(message.text),
              }),
            )
          : undefined,
      ),
    );
    const every = this.options.catchUpMs ?? 30000;
    if (every > 0) {
      this.timer = setInterval(() => void this.catchUp(), every);
      this.timer.unref();
    }
  }

  stop(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    if (this.timer) clearInterval(this.timer);
  }

  /** Posts the cards of waiting handoffs that have none yet; called on install and periodically. */
  async catchUp(): Promise<number> {
    if (this.catchingUp) return 0;
    this.catchingUp = true;
    let posted = 0;
    try {
      if (!(await this.channels.current())) return 0;
      for (const handoff of await this.desk.listUnnotified(50)) if (await this.post(handoff)) posted++;
    } catch (err) {
      this.logger.warn({ err }, 'posting missed handoff cards failed; retrying later');
    } finally {
      this.catchingUp = false;
    }
    return posted;
  }

  /**
   * Posts the handoff's card as a new thread in the agents' channel, if this instance wins the
   * post. Returns true when it posted. Never throws: a failed post is released for a retry.
   */
  async post(handoff: HandoffListItem): Promise<boolean> {
    const log = this.logger.child({ handoffId: handoff.id });
    let channel: AgentsChannel | undefined;
    try {
      channel = await this.channels.current();
      if (!channel) {
        log.info('no agents channel known yet; the card is posted once the bot is installed in a team');
        return false;
      }
      if (!(await this.threads.claimPosting(handoff.id, this.instanceId))) return false;
    } catch (err) {
      log.warn({ err }, 'could not prepare the Teams card');
      return false;
    }
    try {
      const thread = await this.sendCard(handoff, channel);
      await this.threads.markPosted(thread, this.instanceId);
      log.info({ conversationId: thread.conversationId }, 'handoff card posted to Teams');
      await this.recordOnHandoff(handoff.id, thread, channel.serviceUrl);
      // It may have been claimed or closed while the card was on its way.
      const current = await this.desk.get(handoff.id);
      if (current.status !== 'queued') await this.updateCard(this.desk.listItem(current));
      return true;
    } catch (err) {
      log.warn({ err, channelId: channel.channelId }, 'posting the handoff card failed; it will be retried');
      await this.threads.release(handoff.id, this.instanceId).catch(() => undefined);
      return false;
    }
  }

  /** Re-renders the card for everyone (updateActivity on the stored card id). */
  async updateCard(handoff: HandoffListItem, notice?: CardNotice): Promise<void> {
    const thread = await this.threads.byHandoff(handoff.id);
    if (!thread) return;
    const card = this.card(handoff, notice);
    await this.inThread(thread, async (context) => {
      await context.updateActivity({
        type: 'message',
        id: thread.activityId,
        conversation: thread.reference.conversation,
        attachments: [cardAttachment(card)],
      });
    });
  }

  /** Posts a line into the handoff's thread; quietly does nothing when it has no thread. */
  async say(handoffId: string, text: string): Promise<void> {
    const thread = await this.threads.byHandoff(handoffId);
    if (!thread) return;
    await this.inThread(thread, async (context) => {
      await context.sendActivity(MessageFactory.text(text));
    });
  }

  card(handoff: HandoffListItem, notice?: CardNotice) {
    return handoffCard(handoff, { t: this.t, timeZone: this.options.timeZone, botName: this.options.botName, notice });
  }

  private async changed(handoff: HandoffListItem, threadLine?: string, notice?: CardNotice): Promise<void> {
    try {
      await this.updateCard(handoff, notice);
      if (threadLine) await this.say(handoff.id, threadLine);
    } catch (err) {
      this.logger.warn({ handoffId: handoff.id, err }, 'updating the Teams card failed');
    }
  }

  private async sendCard(handoff: HandoffListItem, channel: AgentsChannel): Promise<HandoffThread> {
    const card = this.card(handoff);
    const activity = {
      ...MessageFactory.attachment(cardAttachment(card)),
      summary: String(card.body[0].text),
    } as Activity;
    let result: [Partial<ConversationReference>, string] | undefined;
    await this.proactive(channel.reference, async (context) => {
      result = await TeamsInfo.sendMessageToTeamsChannel(context, activity, channel.channelId, this.botAppId);
    });
    if (!result) throw new TeamsPostError(handoff.id, 'no answer from the channel');
    const [created, newActivityId] = result;
    const conversationId = created.conversation?.id;
    if (!conversationId) throw new TeamsPostError(handoff.id, 'the channel returned no conversation id');
    // Under CloudAdapter the "activity id" handed back is the new conversation's id; the root
    // message id is the part after ";messageid=".
    const activityId = /;messageid=([^;]+)$/.exec(conversationId)?.[1] ?? newActivityId;
    const reference: Partial<ConversationReference> = {
      ...channel.reference,
      conversation: {
        ...(channel.reference.conversation ?? {}),
        id: conversationId,
      } as ConversationReference['conversation'],
      activityId,
    };
    return { handoffId: handoff.id, conversationId, activityId, reference };
  }

  private async recordOnHandoff(handoffId: string, thread: HandoffThread, serviceUrl: string): Promise<void> {
    try {
      await this.desk.setTeamsThread(handoffId, {
        conversationId: thread.conversationId,
        activityId: thread.activityId,
        serviceUrl,
      });
      await this.desk.claimNotification(handoffId);
    } catch (err) {
      this.logger.warn({ handoffId, err }, 'could not note the Teams thread on the handoff');
    }
  }

  private inThread(thread: HandoffThread, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.proactive(thread.reference, logic);
  }

  /**
   * A proactive turn. Errors inside continueConversationAsync's callback go to onTurnError and are
   * not rethrown, so they are caught here and rethrown to the caller.
   */
  private async proactive(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      try {
        await logic(context);
      } catch (err) {
        failure = err;
      }
    });
    if (failure) throw failure;
  }
}
