import { Activity, ActivityTypes, BotAdapter, ConversationReference, ResourceResponse, TurnContext } from 'botbuilder';
import type { I18nService } from '../../services/i18n/i18nService';
import type { Logger } from '../../services/logger';
import { maskPhoneNumbersInLine } from '../../services/privacy/logMasking';
import type { ContactStore } from './contactStore';
import { CustomerServiceWindowClosedError, WhatsAppUnsupportedOperationError } from './errors';
import type { GraphApiClient } from './graphApiClient';
import { templatePayload, toWhatsAppPayloads } from './outboundMessages';
import type { RecipientPacer } from './recipientPacer';
import type { StatusStore } from './statusStore';
import { Logic, proactiveLogic } from '../proactiveLogic';

export const WHATSAPP_CHANNEL = 'whatsapp';
/** The delivery-state writes of a turn's sends, awaited when the turn ends (WhatsAppAdapter.runTurn). */
const STATUS_WRITES = Symbol('lotse.whatsappStatusWrites');

export interface WhatsAppAdapterOptions {
  phoneNumberId: string;
  botName: string;
  apiUrl: string;
  templateName: string;
  templateLanguage: string;
  defaultLocale: string;
}

/**
 * Bot Framework adapter for the WhatsApp Cloud API. Inbound turns come from the inbound processor
 * (which reads them from MongoDB); replies go out through the Graph API, paced per customer and
 * only inside the 24-hour window; outside it the configured template (once) or nothing.
 */
export class WhatsAppAdapter extends BotAdapter {
  constructor(
    private readonly options: WhatsAppAdapterOptions,
    private readonly graph: GraphApiClient,
    private readonly pacer: RecipientPacer,
    private readonly contacts: ContactStore,
    private readonly statuses: StatusStore,
    private readonly i18n: I18nService,
    private readonly logger: Logger,
  ) {
    super();
  }

  /** The activity a customer's message becomes; the conversation is the customer's wa_id. */
  inboundActivity(message: {
    wamid: string;
    waId: string;
    name?: string;
    sentAt: Date;
    text?: string;
  }): Partial<Activity> {
    return {
      type: ActivityTypes.Message,
      id: message.wamid,
      channelId: WHATSAPP_CHANNEL,
      serviceUrl: this.options.apiUrl,
      conversation: { id: message.waId, isGroup: false, conversationType: 'personal', name: message.name ?? '' },
      from: { id: message.waId, name: message.name ?? '', role: 'user' },
      recipient: { id: this.options.phoneNumberId || 'whatsapp-bot', name: this.options.botName, role: 'bot' },
      text: message.text,
      textFormat: 'plain',
      locale: this.options.defaultLocale,
      timestamp: message.sentAt,
      channelData: { wamid: message.wamid },
    };
  }

  /** Runs one turn for an inbound activity through the middleware and the given logic. */
  async processActivity(activity: Partial<Activity>, logic: Logic): Promise<void> {
    await this.runTurn(new TurnContext(this, activity), logic);
  }

  /**
   * Runs a turn; the delivery states its sends recorded have landed when it returns. They are
   * written beside the turn's further sends rather than between them (several share one command).
   */
  private async runTurn(context: TurnContext, logic: Logic): Promise<void> {
    const statusWrites: Promise<void>[] = [];
    context.turnState.set(STATUS_WRITES, statusWrites);
    try {
      await this.runMiddleware(context, logic);
    } finally {
      await Promise.all(statusWrites);
    }
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    const inboundWamid =
      context.activity.type === ActivityTypes.Message ? context.activity.id : context.activity.replyToId;
    const log = this.logger.child({
      conversationId: maskPhoneNumbersInLine(context.activity.conversation?.id ?? ''),
      wamid: inboundWamid,
    });
    let windowOpen: boolean | undefined;
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((r) => setTimeout(r, Math.min(Number(activity.value) || 0, 5000)));
        responses.push({ id: '' });
        continue;
      }
      // Typing, events, traces: nothing WhatsApp could show.
      if (activity.type !== ActivityTypes.Message) {
        responses.push({ id: '' });
        continue;
      }
      const to = activity.conversation?.id ?? context.activity.conversation?.id;
      if (!to) throw new Error('WhatsApp send without a conversation id (wa_id)');
      windowOpen ??= await this.contacts.isWindowOpen(to);
      if (!windowOpen) {
        responses.push({ id: await this.sendOutsideWindow(to, log) });
        continue;
      }
      const t = this.i18n.t(activity.locale ?? context.activity.locale);
      const payloads = toWhatsAppPayloads(activity, {
        listButton: t('channels:whatsapp.listButton'),
        choose: t('channels:whatsapp.choose'),
      });
      let last = '';
      for (const payload of payloads) {
        const sent = await this.pacer.run(to, () => this.graph.sendMessage(payload, { to, inboundWamid }));
        last = sent;
        const status = this.statuses
          .recordAccepted(sent, to)
          .catch((err: Error) => log.warn({ sent, err }, 'delivery status not stored'));
        const statusWrites = context.turnState.get(STATUS_WRITES) as Promise<void>[] | undefined;
        if (statusWrites) statusWrites.push(status);
        else await status;
      }
      responses.push({ id: last });
    }
    return responses;
  }

  /**
   * Meta rejects free-form messages after 24 hours (131047). We send the approved template once per
   * closed window, or nothing; either way the caller learns what happened.
   */
  private async sendOutsideWindow(to: string, log: Logger): Promise<string> {
    if (!this.options.templateName) {
      log.warn({ to }, 'customer service window closed and no template configured: nothing sent');
      throw new CustomerServiceWindowClosedError(to);
    }
    if (!(await this.contacts.claimTemplateSend(to))) {
      log.info({ to }, 'customer service window closed; the template was already sent, nothing more sent');
      return '';
    }
    const wamid = await this.pacer.run(to, () =>
      this.graph.sendMessage(templatePayload(this.options.templateName, this.options.templateLanguage), { to }),
    );
    log.info(
      { to, sent: wamid, template: this.options.templateName },
      'customer service window closed: template sent instead',
    );
    await this.statuses.recordAccepted(wamid, to).catch(() => undefined);
    return wamid;
  }

  async updateActivity(): Promise<ResourceResponse | void> {
    throw new WhatsAppUnsupportedOperationError('update');
  }

  async deleteActivity(): Promise<void> {
    throw new WhatsAppUnsupportedOperationError('deletion');
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: Logic): Promise<void> {
    await this.continueConversationAsync('', reference, logic);
  }

  /** Proactive sends (queue updates, agent messages): a turn on the stored reference. */
  override async continueConversationAsync(
    _botAppIdOrClaims: unknown,
    reference: Partial<ConversationReference>,
    logicOrAudience: Logic | string,
    maybeLogic?: Logic,
  ): Promise<void> {
    const logic = proactiveLogic(logicOrAudience, maybeLogic);
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'ContinueConversation' },
      { ...reference, channelId: WHATSAPP_CHANNEL },
      true,
    );
    activity.locale ??= reference.locale ?? this.options.defaultLocale;
    await this.runTurn(new TurnContext(this, activity), logic);
  }
}
