/**
 * Messages from the queue to the waiting customer, outside any turn of theirs (claims, agent
 * messages, queue updates), on the customer's own channel.
 */
import type { Activity } from 'botbuilder';
import type { CustomerMessenger } from '../channels/types';
import type { Logger } from '../logger';
import { CustomerDeliveryError } from './errors';
import type { HandoffRecord } from './handoffModel';

/** Channels that take a raw handoff event; Teams answers it with 400, WhatsApp has no such thing. */
export const HANDOFF_EVENT_CHANNELS = ['directline', 'webchat', 'test', 'emulator'];

export class CustomerChannel {
  constructor(
    private readonly messenger: CustomerMessenger,
    private readonly logger: Logger,
    private readonly eventChannels: string[] = HANDOFF_EVENT_CHANNELS,
  ) {}

  /** Sends; failures are logged, and thrown as CustomerDeliveryError when rethrow is set. */
  async tell(
    record: Pick<HandoffRecord, 'id' | 'customer'>,
    activities: Partial<Activity>[],
    rethrow = false,
  ): Promise<void> {
    try {
      await this.messenger.send(record.customer.conversationReference, activities);
    } catch (err) {
      this.logger.warn(
        { handoffId: record.id, conversationId: record.customer.conversationKey, err },
        'message to the customer failed',
      );
      if (rethrow) throw new CustomerDeliveryError(record.id, err);
    }
  }

  /** Bot Framework's handoff.status, only where a raw handoff event is accepted. */
  async handoffStatus(
    record: HandoffRecord,
    state: 'accepted' | 'failed' | 'completed',
    message?: string,
  ): Promise<void> {
    if (!this.eventChannels.includes(record.customer.channel)) return;
    const conversation = record.customer.conversationReference.conversation;
    if (!conversation) return;
    await this.tell(record, [
      { type: 'event', name: 'handoff.status', value: { state, ...(message ? { message } : {}) }, conversation },
    ]);
  }
}
