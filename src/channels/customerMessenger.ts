import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { CustomerMessenger } from '../services/channels/types';
import { UpstreamFailedError } from '../services/errors';

/** An adapter that can run a proactive turn on a stored conversation reference. */
export interface ProactiveAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

export interface ChannelAdapters {
  whatsapp: ProactiveAdapter;
  /** The local Direct Line endpoint; `owns` tells its conversations from Azure Direct Line ones. */
  localDirectLine: ProactiveAdapter & { owns(reference: Partial<ConversationReference>): boolean };
  /** CloudAdapter: Teams, Azure Direct Line and every other Bot Framework channel. */
  botFramework: ProactiveAdapter;
}

/** The proactive send could not be delivered to the customer; `cause` says why. */
export class ProactiveSendError extends UpstreamFailedError {
  constructor(
    readonly channelId: string,
    readonly conversationId: string,
    readonly reason: unknown,
  ) {
    super(
      `Message to ${channelId} conversation ${conversationId} not delivered: ${(reason as Error)?.message ?? String(reason)}`,
      "The customer's channel did not accept the message; please retry",
      'CustomerUnreachable',
      reason instanceof Error ? { cause: reason } : undefined,
    );
    this.name = 'ProactiveSendError';
  }
}

/**
 * Sends to a customer outside a turn (queue updates, agent messages) through the adapter of the
 * conversation's channel. Errors inside a proactive turn would go to onTurnError and vanish, so
 * they are caught in the callback and rethrown to the caller as ProactiveSendError.
 */
export class ChannelCustomerMessenger implements CustomerMessenger {
  constructor(
    private readonly adapters: ChannelAdapters,
    private readonly botAppId: string,
  ) {}

  async send(reference: Partial<ConversationReference>, activities: Partial<Activity>[]): Promise<void> {
    const channelId = reference.channelId ?? '';
    const conversationId = reference.conversation?.id ?? '';
    if (!conversationId)
      throw new ProactiveSendError(channelId, conversationId, new Error('the reference has no conversation id'));
    const adapter = this.adapterFor(reference);
    let failure: unknown;
    try {
      await adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        try {
          await context.sendActivities(activities);
        } catch (err) {
          failure = err;
        }
      });
    } catch (err) {
      failure = err;
    }
    if (failure !== undefined) throw new ProactiveSendError(channelId, conversationId, failure);
  }

  private adapterFor(reference: Partial<ConversationReference>): ProactiveAdapter {
    if (reference.channelId === 'whatsapp') return this.adapters.whatsapp;
    if (this.adapters.localDirectLine.owns(reference)) return this.adapters.localDirectLine;
    return this.adapters.botFramework;
  }
}
