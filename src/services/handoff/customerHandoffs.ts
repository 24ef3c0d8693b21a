/**
 * The customer's side of the queue: asking for a person, the conversation's handoff state, writing
 * while waiting, leaving the queue (what a wait changes on the record: waitingCustomer.ts).
 */
import type { I18nService } from '../i18n/i18nService';
import type { Logger } from '../logger';
import { maskSensitive } from '../privacy/masking';
import { conversationKey, TranscriptStore } from '../transcript/transcriptStore';
import { HandoffSettingsSource, isWithinBusinessHours, staffingAt } from './businessHours';
import { HandoffConflictError } from './errors';
import type { HandoffEventBus } from './handoffEventBus';
import { buildSummaryText, listItemOf, moodOf, priorityOf } from './handoffLabels';
import type { Actor, HandoffContact, HandoffDoc, HandoffRecord, TranscriptEntry } from './handoffModel';
import { auditEntry, CUSTOMER_ACTOR, HandoffStore, toRecord } from './handoffStore';
import type { CustomerChannel } from './customerChannel';
import type { QueueFigures } from './queueFigures';
import type { HandoffRequest, HandoffTicket } from './types';

const MAX_TEXT = 4000;
/** Counts a customer message on the record, in the write that records its time (the waiting acknowledgement alternates by it). */
const COUNT_MESSAGE = { customerMessages: 1 } as const;
export const SURVEY_OPEN_HOURS = 24;

/** Tells a conversation's turns that a handoff may be open there (state/handoffMarks implements it). */
export interface HandoffMarker {
  mark(channelId: string, conversationId: string): Promise<void>;
}

/** What the customer bot needs to know about its conversation at the start of a turn. */
export interface ConversationHandoffState {
  /** A queued or assigned handoff: the bot relays instead of running dialogs. */
  active?: HandoffRecord;
  /** A resolved handoff whose satisfaction question is still open. */
  surveyPending?: HandoffRecord;
  /** A resolved handoff the agent handed back to a chosen dialog, not yet taken by a customer turn. */
  handBack?: HandoffRecord;
  /**
   * With `{ message: true }`: the time of this customer message, already set on the active record
   * as lastCustomerMessageAt and counted in customerMessages (`active` is the record as it was
   * before). Pass it on to addCustomerMessage, which then does not write the record again.
   */
  messageAt?: Date;
}

/** The active record as conversationState found it and the message time it already set there. */
export interface TouchedHandoff {
  head: HandoffRecord;
  at: Date;
}

/** Why a waiting handoff moves up: what the customer said, for the agent's audit trail. */
export interface CustomerHandoffsDeps {
  store: HandoffStore;
  figures: QueueFigures;
  bus: HandoffEventBus;
  channel: CustomerChannel;
  settings: HandoffSettingsSource;
  transcripts: TranscriptStore;
  i18n: I18nService;
  logger: Logger;
  now: () => Date;
  updateIntervalMs: number;
  marker?: HandoffMarker;
}

/** How long a withdrawn callback counts as the customer's refusal of one. */
const CALLBACK_REFUSAL_MS = 60 * 60 * 1000;

export class CustomerHandoffs {
  constructor(private readonly deps: CustomerHandoffsDeps) {}

  /**
   * Queues a handoff for the request's conversation, or returns the ticket of the one already
   * active there (created: false; a new one's ticket carries the record as inserted). Outside business hours a non-urgent request becomes a callback request
   * (ticket.outsideBusinessHours, position 0); lost_or_stolen always queues live.
   */
  async requestHandoff(request: HandoffRequest): Promise<HandoffTicket> {
    const { store, figures } = this.deps;
    const key = conversationKey(request.channel, request.conversationReference.conversation?.id);
    const conversationId = request.conversationReference.conversation?.id;
    // Marked before the insert (a handoff must never exist unmarked; a mark without a handoff costs
    // one read); the transcript and the settings are read meanwhile. No read for an active handoff
    // first: the unique index refuses a second one, and only then is the first one read.
    const [lines, settings] = await Promise.all([
      this.deps.transcripts.recent(key),
      this.deps.settings.settings(),
      this.deps.marker && conversationId ? this.deps.marker.mark(request.channel, conversationId) : undefined,
    ]);
    const now = this.deps.now();
    const priority = priorityOf(request);
    const open = isWithinBusinessHours(settings.businessHours, settings.timeZone, now);
    const live = (open && request.callback !== true) || priority === 0;
    const agentT = this.deps.i18n.t('de');
    const customer: Actor = {
      kind: 'customer',
      id: request.conversationReference.user?.id ?? key,
      name: request.customerName ?? agentT('agent:summary.customerName'),
    };
    const contact = contactOf(request) ?? (live || request.callback ? undefined : await this.callbackRefused(key, now));
    const doc: HandoffDoc = {
      _id: store.newId(),
      status: 'queued',
      mode: live ? 'live' : 'callback',
      ...(live ? {} : { callbackReason: open ? ('customer_request' as const) : ('outside_business_hours' as const) }),
      priority,
      category: request.category,
      reason: request.reason,
      needsSupervisor: request.needsSupervisor ?? request.frustration.level >= 2,
      frustration: { level: request.frustration.level, score: request.frustration.score },
      customer: {
        channel: request.channel,
        conversationKey: key,
        conversationReference: request.conversationReference,
        ...(request.customerName ? { name: request.customerName } : {}),
        ...(request.conversationReference.user?.id ? { userId: request.conversationReference.user.id } : {}),
        language: request.language,
      },
      summary: {
        text: buildSummaryText(request, agentT),
        menuPath: request.summary.menuPath.map(maskSensitive),
        facts: request.summary.facts.map(maskSensitive),
        references: request.summary.references.map(maskSensitive),
        mood: moodOf(agentT, request.frustration.level),
      },
      transcript: lines.map((l) => ({ at: l.at, from: l.from, text: maskSensitive(l.text) })),
      messages: [],
      notes: [],
      previousAgents: [],
      audit: [auditEntry(customer, 'created', now, `${request.category}, ${request.reason}`)],
      activeKey: key,
      createdAt: now,
      updatedAt: now,
      ...(contact ? { contact: { ...contact, recordedAt: now } } : {}),
      ...(live ? { nextUpdateAt: new Date(now.getTime() + this.deps.updateIntervalMs) } : {}),
    };
    // The place it gets (those ahead of it: it need not be in the queue yet) is what the customer is
    // told now, so the record is inserted saying so.
    const ticket = await this.ticketFor(toRecord(doc));
    if (ticket.position > 0) {
      doc.lastPositionSent = ticket.position;
      doc.lastEstimateSent = ticket.estimatedWaitMinutes;
      doc.lastUpdateSentAt = now;
    }
    const record = await store.insert(doc);
    if (!record) {
      // The conversation has an active handoff already (a repeated request, or another turn or
      // instance a moment earlier): that one is the handoff.
      const winner = await store.findActive(key);
      if (!winner) throw new HandoffConflictError('new', 'the conversation changed meanwhile');
      return { ...(await this.ticketFor(winner)), created: false };
    }
    figures.follow(record);
    this.deps.logger.info({ handoffId: record.id, conversationId: key, priority, mode: record.mode }, 'handoff queued');
    await this.deps.bus.publish('created', record.id, {
      handoff: listItemOf(record, now, ticket.position || undefined),
    });
    return { ...ticket, created: true, record };
  }

  /**
   * A customer who withdrew a callback in this conversation within the hour ("Ich will keinen
   * Rückruf") is not asked for a number again: the matter is noted and answered in the chat.
   */
  private async callbackRefused(key: string, now: Date): Promise<Pick<HandoffContact, 'declined'> | undefined> {
    const withdrawn = await this.deps.store.newestHead({
      'customer.conversationKey': key,
      status: 'cancelled',
      mode: 'callback',
      updatedAt: { $gte: new Date(now.getTime() - CALLBACK_REFUSAL_MS) },
    });
    return withdrawn ? { declined: true } : undefined;
  }

  /**
   * The conversation's active handoff or its open satisfaction question (one query), as the
   * record's head: every customer turn of a marked conversation asks, so nothing long is read.
   */
  async conversationState(key: string, turn: { message?: boolean } = {}): Promise<ConversationHandoffState> {
    if (turn.message) {
      // A customer message: with an active handoff the one query also records the message's time.
      const now = this.deps.now();
      const active = await this.deps.store.touchActive(key, { lastCustomerMessageAt: now }, now, COUNT_MESSAGE);
      if (active) return { active, messageAt: now };
    }
    const since = new Date(this.deps.now().getTime() - SURVEY_OPEN_HOURS * 3600 * 1000);
    const record = await this.deps.store.newestHead({
      'customer.conversationKey': key,
      $or: [
        { status: { $in: ['queued', 'assigned'] } },
        {
          status: 'resolved',
          'survey.askedAt': { $gte: since },
          'survey.answeredAt': { $exists: false },
          'survey.skipped': { $ne: true },
        },
        { status: 'resolved', 'handBack.at': { $gte: since }, 'handBack.takenAt': { $exists: false } },
      ],
    });
    if (!record) return {};
    if (record.status !== 'resolved') return { active: record };
    return record.handBack && !record.handBack.takenAt ? { handBack: record } : { surveyPending: record };
  }

  /** Takes the hand-back once (the one turn that wins resumes the dialog); true for the winner. */
  async takeHandBack(handoffId: string): Promise<boolean> {
    const now = this.deps.now();
    const record = await this.deps.store.change(
      handoffId,
      {
        where: { status: 'resolved', 'handBack.at': { $exists: true }, 'handBack.takenAt': { $exists: false } },
        set: { 'handBack.takenAt': now },
      },
      now,
    );
    return record !== undefined;
  }

  /**
   * Marks every conversation with an open handoff or an open satisfaction question, for handoffs
   * created before marks existed. Idempotent; returns how many were marked.
   */
  async markOpenHandoffs(): Promise<number> {
    const marker = this.deps.marker;
    if (!marker) return 0;
    const since = new Date(this.deps.now().getTime() - SURVEY_OPEN_HOURS * 3600 * 1000);
    const docs = await this.deps.store.model
      .find(
        {
          $or: [
            { status: { $in: ['queued', 'assigned'] } },
            { status: 'resolved', 'survey.askedAt': { $gte: since }, 'survey.answeredAt': { $exists: false } },
          ],
        },
        { 'customer.channel': 1, 'customer.conversationReference.conversation.id': 1 },
      )
      .lean();
    let marked = 0;
    for (const doc of docs) {
      const conversationId = doc.customer?.conversationReference?.conversation?.id;
      if (!conversationId) continue;
      await marker.mark(doc.customer.channel, conversationId);
      marked++;
    }
    return marked;
  }

  /** The ticket (position, estimate, whether people are on duty) of a handoff as it is now. */
  async ticketFor(record: HandoffRecord): Promise<HandoffTicket> {
    const waitingLive = record.status === 'queued' && record.mode === 'live';
    const position = waitingLive ? await this.deps.figures.positionOf(record) : 0;
    const settings = await this.deps.settings.settings();
    const now = this.deps.now();
    const contact = record.contact;
    const isCallback = record.status === 'queued' && record.mode === 'callback';
    return {
      handoffId: record.id,
      position,
      estimatedWaitMinutes: waitingLive ? await this.deps.figures.estimateMinutes(position) : 0,
      outsideBusinessHours: record.mode === 'callback' && record.callbackReason === 'outside_business_hours',
      ...staffingAt(settings, now),
      needsContact: isCallback && !contact?.phone && !contact?.email && !contact?.declined,
      ...(isCallback && contact?.declined && !contact.phone && !contact.email ? { inChat: true } : {}),
    };
  }

  /**
   * Records what the customer wrote while queued or assigned (masked) and tells subscribers.
   * Returns the record's head (its long arrays empty) with this message counted in
   * customerMessages: one small update and one small insert, however long the conversation has
   * become; only the insert when conversationState already recorded the message's time (`touched`).
   */
  async addCustomerMessage(handoffId: string, text: string, touched?: TouchedHandoff): Promise<HandoffRecord> {
    const now = touched?.at ?? this.deps.now();
    const message: TranscriptEntry = { at: now, from: 'customer', text: maskSensitive(text.slice(0, MAX_TEXT)) };
    const record =
      touched && touched.head.id === handoffId
        ? {
            ...touched.head,
            lastCustomerMessageAt: now,
            updatedAt: now,
            customerMessages: (touched.head.customerMessages ?? 0) + 1,
          }
        : await this.deps.store.touch(
            handoffId,
            { status: { $in: ['queued', 'assigned'] } },
            { lastCustomerMessageAt: now },
            now,
            COUNT_MESSAGE,
          );
    if (!record) throw new HandoffConflictError(handoffId, 'the handoff is no longer active');
    await this.deps.store.messages.append({ id: record.id, conversationKey: record.customer.conversationKey }, message);
    // While queued only this instance's subscribers hear it (see handoffEvents.ts).
    await this.deps.bus.publish(
      'customerMessage',
      record.id,
      { handoffId: record.id, message, status: record.status as 'queued' | 'assigned' },
      { localOnly: record.status === 'queued' },
    );
    return record;
  }

  /** "abbrechen": the customer leaves the queue and returns to the bot. */
  async cancelByCustomer(handoffId: string): Promise<HandoffRecord> {
    const now = this.deps.now();
    const record = await this.deps.store.transition(
      handoffId,
      { from: 'queued', to: 'cancelled', audit: auditEntry(CUSTOMER_ACTOR, 'cancelled', now) },
      now,
    );
    if (!record) throw new HandoffConflictError(handoffId, 'only a waiting handoff can be cancelled');
    await this.deps.bus.publish('cancelled', record.id, { handoff: listItemOf(record, now), by: CUSTOMER_ACTOR });
    await this.deps.channel.handoffStatus(record, 'failed', 'cancelled by the customer');
    return record;
  }
}

/** A contact the request already carries; on WhatsApp the customer's number is their user id. */
function contactOf(request: HandoffRequest): Pick<HandoffContact, 'phone' | 'email'> | undefined {
  if (request.contact?.phone || request.contact?.email) return { ...request.contact };
  const userId = request.conversationReference.user?.id;
  if (request.channel === 'whatsapp' && userId && /^\+?\d{6,15}$/.test(userId))
    return { phone: userId.startsWith('+') ? userId : `+${userId}` };
  return undefined;
}
