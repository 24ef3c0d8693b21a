/**
 * Sends to a customer's conversation on whatever channel it lives (web, WhatsApp, any Bot
 * Framework channel) from outside a turn: queue updates, relayed agent messages.
 */
import type { Activity, ConversationReference } from 'botbuilder';

export interface CustomerMessenger {
  send(reference: Partial<ConversationReference>, activities: Partial<Activity>[]): Promise<void>;
}
