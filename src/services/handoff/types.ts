/**
 * What the conversation hands to the supervisor queue. The dialogs know only this interface;
 * the queue, its Teams notifications and the relay implement it.
 */
import type { ConversationReference } from 'botbuilder';
import type { FrustrationLevel, Intent } from '../nlu/types';
import type { HandoffRecord } from './handoffModel';

export type HandoffReason = 'explicit_request' | 'frustration' | 'repeated_failure' | 'urgent' | 'unsolved';

export interface HandoffRequest {
  conversationReference: Partial<ConversationReference>;
  channel: string;
  customerName?: string;
  language: 'de' | 'en';
  category: Intent;
  reason: HandoffReason;
  frustration: { level: FrustrationLevel; score: number };
  /** Wants a supervisor, not any agent (irate customers, escalated complaints). */
  needsSupervisor?: boolean;
  /** How to reach the customer for a callback, when the dialog already knows it. */
  contact?: { phone?: string; email?: string };
  /** The customer asked to be called back ("Ich möchte einen Rückruf"): a callback even while people are on duty. */
  callback?: boolean;
  /** For the agent's summary: the menu path, what the bot answered or collected, the mood. */
  summary: {
    menuPath: string[];
    /** Short facts, e.g. "Fehlerbild: kein Internet", "Schritte versucht: Router neu gestartet". */
    facts: string[];
    /** Reference numbers created so far (dispute, complaint, block request...). */
    references: string[];
  };
}

export interface HandoffTicket {
  handoffId: string;
  /** 1-based position in the queue; 0 when no queue position applies (e.g. callback request). */
  position: number;
  estimatedWaitMinutes: number;
  /** Outside business hours a non-urgent request becomes a callback request instead of waiting. */
  outsideBusinessHours: boolean;
  /** Whether people are on duty right now (absent: assume they are). */
  staffed?: boolean;
  /** When the team is back, when it is not on duty now (ISO timestamp of the next opening). */
  reopensAt?: string;
  /** A callback without a way to reach the customer: the bot asks for phone or e-mail. */
  needsContact?: boolean;
  /** A callback whose customer gave no contact (or refused a callback): the team answers in this chat. */
  inChat?: boolean;
  /** False when the conversation already had this handoff (the request was repeated). */
  created?: boolean;
  /** The record as this request inserted it (new handoffs only), so nobody reads it back in the same turn. */
  record?: HandoffRecord;
}

export interface HandoffRequester {
  requestHandoff(request: HandoffRequest): Promise<HandoffTicket>;
}
