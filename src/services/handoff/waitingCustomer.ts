/**
 * What a waiting customer changes on their handoff: a callback instead of the wait, a contact, the
 * questions the bot asked, upgrades heard while waiting; and the survey answer after an agent helped.
 */
import type { I18nService } from '../i18n/i18nService';
import type { Logger } from '../logger';
import { HandoffConflictError } from './errors';
import type { HandoffEventBus } from './handoffEventBus';
import { listItemOf } from './handoffLabels';
import type { HandoffContact, HandoffPriority, HandoffRecord } from './handoffModel';
import { auditEntry, CUSTOMER_ACTOR, HandoffStore, SYSTEM_ACTOR, toObjectId } from './handoffStore';
import type { QueueFigures } from './queueFigures';

export type UpgradeCause = 'frustration' | 'supervisor' | 'urgency' | 'cancellation';

export interface WaitingCustomerDeps {
  store: HandoffStore;
  figures: QueueFigures;
  bus: HandoffEventBus;
  i18n: I18nService;
  logger: Logger;
  now: () => Date;
}

export class WaitingCustomer {
  constructor(private readonly deps: WaitingCustomerDeps) {}

  /** "Rückruf": a live wait becomes a callback request; the customer no longer gets queue updates. */
  async requestCallback(handoffId: string): Promise<HandoffRecord> {
    const now = this.deps.now();
    const record = await this.deps.store.transition(
      handoffId,
      {
        from: 'queued',
        to: 'queued',
        where: { mode: 'live' },
        set: { mode: 'callback', callbackReason: 'customer_request' },
        unset: ['nextUpdateAt'],
        audit: auditEntry(CUSTOMER_ACTOR, 'callback_requested', now),
      },
      now,
    );
    if (!record) throw new HandoffConflictError(handoffId, 'only a live waiting handoff can become a callback request');
    await this.deps.bus.publish('callbackRequested', record.id, { handoff: listItemOf(record, now) });
    return record;
  }

  /** Stores how to reach the customer for the callback (or that they come back to the chat; nothing: none yet). */
  async recordContact(
    handoffId: string,
    contact: Pick<HandoffContact, 'phone' | 'email' | 'declined'>,
  ): Promise<HandoffRecord> {
    const now = this.deps.now();
    // Nothing at all: the number recorded is withdrawn (it belongs to a lost phone) and another is asked for.
    const kind = contact.phone ? 'phone' : contact.email ? 'email' : contact.declined ? 'declined' : 'withdrawn';
    const record = await this.deps.store.change(
      handoffId,
      {
        where: { status: 'queued' },
        set: { contact: { ...contact, recordedAt: now } },
        audit: auditEntry(CUSTOMER_ACTOR, 'contact_recorded', now, kind),
      },
      now,
    );
    if (!record) throw new HandoffConflictError(handoffId, 'the handoff is no longer waiting');
    return record;
  }

  /** "Bitte auf Deutsch" while waiting: the bot's words and the agent's relay use that language from now on. */
  async switchLanguage(handoffId: string, language: 'de' | 'en'): Promise<HandoffRecord> {
    const now = this.deps.now();
    const record = await this.deps.store.change(
      handoffId,
      {
        where: { status: 'queued' },
        set: { 'customer.language': language },
        audit: auditEntry(CUSTOMER_ACTOR, 'language_changed', now, language),
      },
      now,
    );
    if (!record) throw new HandoffConflictError(handoffId, 'the handoff is no longer waiting');
    return record;
  }

  /** Remembers the position and estimate the customer was just told, so updates say only what changed. */
  async notePositionTold(handoffId: string, position: number, minutes: number): Promise<void> {
    const now = this.deps.now();
    await this.deps.store.model.updateOne(
      { _id: toObjectId(handoffId), status: 'queued' },
      { $set: { lastPositionSent: position, lastEstimateSent: minutes, lastUpdateSentAt: now } },
    );
  }

  /** Remembers that the bot asked for a callback contact, so the next message is read as the answer. */
  async markContactAsked(handoffId: string): Promise<void> {
    const now = this.deps.now();
    await this.deps.store.change(handoffId, { where: { status: 'queued' }, set: { 'contact.askedAt': now } }, now);
  }

  /** Remembers (or forgets, with false) that the bot asked a waiting customer which number to block. */
  async markBlockNumberAsked(handoffId: string, asked: boolean): Promise<void> {
    const now = this.deps.now();
    await this.deps.store.change(
      handoffId,
      asked
        ? { where: { status: 'queued' }, set: { blockNumberAskedAt: now } }
        : { where: {}, unset: ['blockNumberAskedAt'] },
      now,
    );
  }

  /** Remembers (or forgets, with false) that the bot asked a waiting customer whether to keep the place. */
  async markLeaveAsked(handoffId: string, asked: boolean): Promise<void> {
    const now = this.deps.now();
    await this.deps.store.change(
      handoffId,
      asked ? { where: { status: 'queued' }, set: { leaveAskedAt: now } } : { where: {}, unset: ['leaveAskedAt'] },
      now,
    );
  }

  /**
   * Moves a waiting handoff up because of what the customer said while waiting: a higher priority
   * (never lower), a supervisor when asked for or when the customer is irate, and an audit entry
   * the agent reads. Returns the record unchanged when nothing was left to raise.
   */
  async upgrade(
    handoffId: string,
    cause: UpgradeCause,
    priority: HandoffPriority,
    needsSupervisor: boolean,
  ): Promise<HandoffRecord> {
    const current = await this.deps.store.get(handoffId);
    if (current.status !== 'queued') throw new HandoffConflictError(handoffId, `handoff is ${current.status}`);
    const newPriority = Math.min(current.priority, priority) as HandoffPriority;
    const supervisor = current.needsSupervisor || needsSupervisor;
    if (newPriority === current.priority && supervisor === current.needsSupervisor) return current;
    const now = this.deps.now();
    const detail = this.deps.i18n.t('de')(`agent:upgrade.${cause}`);
    const record = await this.deps.store.change(
      handoffId,
      {
        where: { status: 'queued' },
        set: { priority: newPriority, needsSupervisor: supervisor },
        audit: auditEntry(SYSTEM_ACTOR, 'upgraded', now, detail),
      },
      now,
    );
    if (!record) throw new HandoffConflictError(handoffId, 'the handoff is no longer waiting');
    this.deps.logger.info(
      {
        handoffId,
        conversationId: record.customer.conversationKey,
        cause,
        priority: newPriority,
        needsSupervisor: supervisor,
      },
      'waiting handoff upgraded',
    );
    await this.deps.bus.publish('upgraded', record.id, {
      handoff: listItemOf(record, now, await this.deps.figures.positionOf(record)),
      cause: detail,
    });
    return record;
  }

  /** The answer to the satisfaction question: 1..5, or null when the customer moved on. */
  async recordSurvey(handoffId: string, rating: number | null): Promise<boolean> {
    const now = this.deps.now();
    const set = rating === null ? { 'survey.skipped': true } : { 'survey.rating': rating, 'survey.answeredAt': now };
    const record = await this.deps.store.change(
      handoffId,
      {
        where: {
          status: 'resolved',
          'survey.askedAt': { $exists: true },
          'survey.answeredAt': { $exists: false },
          'survey.skipped': { $ne: true },
        },
        set,
        ...(rating === null ? {} : { audit: auditEntry(CUSTOMER_ACTOR, 'survey_answered', now, String(rating)) }),
      },
      now,
    );
    return record !== undefined;
  }
}
