/**
 * The supervisor queue in MongoDB. Implements HandoffRequester for the dialogs; the API, the Teams
 * agent bot and the desk page use the rest. Everything that must not happen twice (claim, the one
 * Teams card, each queue update to a waiting customer) is one atomic findOneAndUpdate with a
 * status filter, so any number of instances can share one database.
 */
import { randomUUID } from 'node:crypto';
import type { Activity, ConversationReference } from 'botbuilder';
import { Connection, Model, Types } from 'mongoose';
import type { Principal } from '../auth/roles';
import { hasRole } from '../auth/roles';
import type { CustomerMessenger } from '../channels/types';
import type { I18nService } from '../i18n/i18nService';
import type { Logger } from '../logger';
import { maskSensitive } from '../privacy/masking';
import { conversationKey, TranscriptStore } from '../transcript/transcriptStore';
import { requireString } from '../validation/input';
import { describeBusinessHours, HandoffSettingsSource, isWithinBusinessHours } from './businessHours';
import { CustomerDeliveryError, HandoffConflictError, HandoffForbiddenError, HandoffNotFoundError } from './errors';
import { HandoffEventMap, HandoffEventName, HandoffEvents } from './handoffEvents';
import {
  Actor,
  AuditEntry,
  HandoffDoc,
  handoffEventModel,
  HandoffListItem,
  handoffModel,
  HandoffPriority,
  HandoffRecord,
  HandoffStats,
  HandoffStatus,
  PRIORITY_NAMES,
  StoredHandoffEvent,
  TeamsThread,
  TranscriptEntry,
} from './handoffModel';
import type { HandoffRequest, HandoffRequester, HandoffTicket } from './types';

export interface HandoffServiceOptions {
  /** Seconds between queue updates to a waiting customer (at most one per interval). Default 60. */
  updateIntervalSeconds?: number;
  /** How often this instance looks for due queue updates. Default 5000 ms. */
  sweepIntervalMs?: number;
  /** How often this instance reads other instances' events. Default 1000 ms. */
  eventPollMs?: number;
  /** Minutes per queue position when there are no recent claims to learn from. Default 3. */
  defaultMinutesPerPosition?: number;
  /** Identifies this instance in stored events. */
  instanceId?: string;
  /** Bot Framework channels that accept raw handoff events (never msteams or whatsapp). */
  handoffEventChannels?: string[];
}

/** Tells a conversation's turns that a handoff may be open there (state/handoffMarks implements it). */
export interface HandoffMarker {
  mark(channelId: string, conversationId: string): Promise<void>;
}

export interface HandoffServiceDeps {
  connection: Connection;
  messenger: CustomerMessenger;
  settings: HandoffSettingsSource;
  transcripts: TranscriptStore;
  i18n: I18nService;
  logger: Logger;
  options?: HandoffServiceOptions;
  clock?: () => Date;
  /** Without it, customer turns must query the queue on every turn (the gate does when it has no marks). */
  marker?: HandoffMarker;
}

/** What the customer bot needs to know about its conversation at the start of a turn. */
export interface ConversationHandoffState {
  /** A queued or assigned handoff: the bot relays instead of running dialogs. */
  active?: HandoffRecord;
  /** A resolved handoff whose satisfaction question is still open. */
  surveyPending?: HandoffRecord;
}

export const SUPERVISOR_ACTOR_ROLE = 'supervisor';
const MAX_TEXT = 4000;
/** How old the sorted queue snapshot behind positionOf may be; queue events drop it sooner. */
const QUEUE_SNAPSHOT_MS = 1000;
/** Spreads priorities apart in one sortable number: far more than any epoch millisecond value. */
const QUEUE_KEY_PRIORITY_SPAN = 1e14;
const SURVEY_OPEN_HOURS = 24;
const SYSTEM: Actor = { kind: 'system', id: 'lotse', name: 'Lotse' };

export function priorityOf(request: Pick<HandoffRequest, 'category' | 'reason' | 'frustration'>): HandoffPriority {
  if (request.category === 'lost_or_stolen' || request.reason === 'urgent') return 0;
  if (request.frustration.level >= 2) return 1;
  if (request.frustration.level === 1) return 2;
  return 3;
}

const MOOD: Record<number, string> = { 0: 'ruhig', 1: 'verärgert', 2: 'sehr aufgebracht' };
const CATEGORY_DE: Record<string, string> = {
  billing: 'Rechnung',
  technical: 'Technik',
  general: 'Allgemeines',
  lost_or_stolen: 'Verlust/Diebstahl',
  data_change: 'Datenänderung',
  complaint: 'Beschwerde',
  human: 'Wunsch nach Mitarbeiter',
  greeting: 'Begrüßung',
  other: 'Sonstiges',
};
const REASON_DE: Record<string, string> = {
  explicit_request: 'Kunde möchte einen Mitarbeiter',
  frustration: 'Kunde ist verärgert',
  repeated_failure: 'Assistent konnte wiederholt nicht helfen',
  urgent: 'dringend',
  unsolved: 'Anliegen ungelöst',
};

/** The short German summary an agent reads first. */
export function buildSummaryText(request: HandoffRequest): string {
  const parts = [`${CATEGORY_DE[request.category] ?? request.category}: ${REASON_DE[request.reason] ?? request.reason}.`];
  if (request.summary.menuPath.length) parts.push(`Menüweg: ${request.summary.menuPath.join(' › ')}.`);
  if (request.summary.facts.length) parts.push(`Bekannt: ${request.summary.facts.join('; ')}.`);
  if (request.summary.references.length) parts.push(`Vorgänge: ${request.summary.references.join(', ')}.`);
  parts.push(`Stimmung: ${MOOD[request.frustration.level] ?? 'ruhig'} (${request.frustration.score.toFixed(2)}).`);
  return maskSensitive(parts.join(' '));
}

function actorOf(principal: Principal): Actor {
  return { kind: 'agent', id: principal.id, name: principal.name, role: principal.role };
}

function toObjectId(id: string): Types.ObjectId {
  if (typeof id !== 'string' || !/^[a-f0-9]{24}$/i.test(id)) throw new HandoffNotFoundError(String(id).slice(0, 64));
  return new Types.ObjectId(id);
}

function audit(by: Actor, action: AuditEntry['action'], at: Date, detail?: string): AuditEntry {
  return detail === undefined ? { at, by, action } : { at, by, action, detail };
}

export class HandoffService implements HandoffRequester {
  /** Subscribe here: every event of every instance arrives (meta.local tells whether it was ours). */
  readonly events: HandoffEvents;
  private readonly model: Model<HandoffDoc>;
  private readonly eventModel: Model<StoredHandoffEvent>;
  private readonly instanceId: string;
  private readonly updateIntervalMs: number;
  private readonly now: () => Date;
  private readonly createdInTurn = new Map<string, { record: HandoffRecord; ticket: HandoffTicket; at: number }>();
  private minutesPerPositionCache?: { value: number; until: number };
  private sweepTimer?: NodeJS.Timeout;
  private pollTimer?: NodeJS.Timeout;
  private sweeping = false;
  private polling = false;
  private queueSnapshot?: { at: number; keys: Promise<Float64Array> };
  private seenEvents = new Map<string, number>();
  private pollSince: Date;

  constructor(private readonly deps: HandoffServiceDeps) {
    this.model = handoffModel(deps.connection);
    this.eventModel = handoffEventModel(deps.connection);
    this.instanceId = deps.options?.instanceId ?? randomUUID();
    this.updateIntervalMs = (deps.options?.updateIntervalSeconds ?? 60) * 1000;
    this.now = deps.clock ?? (() => new Date());
    this.pollSince = this.now();
    this.events = new HandoffEvents((err, event) => deps.logger.error({ err: (err as Error)?.message, event }, 'handoff event listener failed'));
  }

  // ---------------------------------------------------------------- lifecycle

  /** Starts this instance's sweeper (queue updates) and the reader of other instances' events. */
  start(): void {
    const sweepMs = this.deps.options?.sweepIntervalMs ?? 5000;
    const pollMs = this.deps.options?.eventPollMs ?? 1000;
    this.sweepTimer = setInterval(() => void this.sweepOnce(), sweepMs);
    this.sweepTimer.unref();
    this.pollTimer = setInterval(() => void this.pollEventsOnce(), pollMs);
    this.pollTimer.unref();
  }

  stop(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
  }

  // ---------------------------------------------------------------- customer side

  /**
   * Queues a handoff for the request's conversation, or returns the ticket of the one already
   * active there. Outside business hours a non-urgent request becomes a callback request
   * (ticket.outsideBusinessHours, position 0); lost_or_stolen always queues live.
   * The customer bot tells the customer (waiting message, handoff.initiate event) at the end of
   * the turn; dialogs should just end after calling this.
   */
  async requestHandoff(request: HandoffRequest): Promise<HandoffTicket> {
    const key = conversationKey(request.channel, request.conversationReference.conversation?.id);
    // Marked first: a handoff must never exist unmarked; a mark without a handoff costs one read.
    const conversationId = request.conversationReference.conversation?.id;
    if (this.deps.marker && conversationId) await this.deps.marker.mark(request.channel, conversationId);
    const existing = await this.model.findOne({ activeKey: key }).lean();
    if (existing) return this.ticketFor(toRecord(existing));

    const now = this.now();
    const settings = await this.deps.settings.settings();
    const priority = priorityOf(request);
    const open = isWithinBusinessHours(settings.businessHours, settings.timeZone, now);
    const live = open || priority === 0;
    const lines = await this.deps.transcripts.recent(key);
    const customer: Actor = { kind: 'customer', id: request.conversationReference.user?.id ?? key, name: request.customerName ?? 'Kunde' };
    const doc: Omit<HandoffDoc, '_id'> = {
      status: 'queued',
      mode: live ? 'live' : 'callback',
      ...(live ? {} : { callbackReason: 'outside_business_hours' as const }),
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
        text: buildSummaryText(request),
        menuPath: request.summary.menuPath.map(maskSensitive),
        facts: request.summary.facts.map(maskSensitive),
        references: request.summary.references.map(maskSensitive),
        mood: MOOD[request.frustration.level] ?? 'ruhig',
      },
      transcript: lines.map((l) => ({ at: l.at, from: l.from, text: maskSensitive(l.text) })),
      messages: [],
      notes: [],
      previousAgents: [],
      audit: [audit(customer, 'created', now, `${request.category}, ${request.reason}`)],
      activeKey: key,
      createdAt: now,
      updatedAt: now,
      ...(live ? { nextUpdateAt: new Date(now.getTime() + this.updateIntervalMs) } : {}),
    };
    let record: HandoffRecord;
    try {
      const created = await this.model.create(doc);
      record = toRecord(created.toObject() as HandoffDoc);
    } catch (err) {
      // Another turn or instance created it a moment earlier: that one is the handoff.
      if ((err as { code?: number }).code !== 11000) throw err;
      const winner = await this.model.findOne({ activeKey: key }).lean();
      if (!winner) throw err;
      return this.ticketFor(toRecord(winner));
    }
    const ticket = await this.ticketFor(record);
    if (ticket.position > 0) {
      await this.model.updateOne({ _id: record.id }, { $set: { lastPositionSent: ticket.position, lastEstimateSent: ticket.estimatedWaitMinutes, lastUpdateSentAt: now } });
    }
    // Only the current turn reads this; entries of handoffs created outside a turn age out.
    for (const [k, entry] of this.createdInTurn) if (Date.now() - entry.at > 60000) this.createdInTurn.delete(k);
    this.createdInTurn.set(key, { record, ticket, at: Date.now() });
    this.deps.logger.info({ handoffId: record.id, conversationId: key, priority, mode: record.mode }, 'handoff queued');
    await this.publish('created', record.id, { handoff: this.listItem(record, ticket.position || undefined) });
    return ticket;
  }

  /** The handoff this process created during the current turn of a conversation, once. */
  takeCreatedInTurn(key: string): { record: HandoffRecord; ticket: HandoffTicket } | undefined {
    const entry = this.createdInTurn.get(key);
    this.createdInTurn.delete(key);
    return entry ? { record: entry.record, ticket: entry.ticket } : undefined;
  }

  /** The conversation's active handoff or its open satisfaction question (one query). */
  async conversationState(key: string): Promise<ConversationHandoffState> {
    const since = new Date(this.now().getTime() - SURVEY_OPEN_HOURS * 3600 * 1000);
    const doc = await this.model
      .findOne({
        'customer.conversationKey': key,
        $or: [{ status: { $in: ['queued', 'assigned'] } }, { status: 'resolved', 'survey.askedAt': { $gte: since }, 'survey.answeredAt': { $exists: false }, 'survey.skipped': { $ne: true } }],
      })
      .sort({ createdAt: -1 })
      .lean();
    if (!doc) return {};
    const record = toRecord(doc);
    return record.status === 'resolved' ? { surveyPending: record } : { active: record };
  }

  /**
   * Marks every conversation with an open handoff or an open satisfaction question, for handoffs
   * created before marks existed. Idempotent; returns how many were marked.
   */
  async markOpenHandoffs(): Promise<number> {
    const marker = this.deps.marker;
    if (!marker) return 0;
    const since = new Date(this.now().getTime() - SURVEY_OPEN_HOURS * 3600 * 1000);
    const docs = await this.model
      .find(
        { $or: [{ status: { $in: ['queued', 'assigned'] } }, { status: 'resolved', 'survey.askedAt': { $gte: since }, 'survey.answeredAt': { $exists: false } }] },
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

  /** The ticket (position, estimate) of a handoff as it is now. */
  async ticketFor(record: HandoffRecord): Promise<HandoffTicket> {
    const waitingLive = record.status === 'queued' && record.mode === 'live';
    const position = waitingLive ? await this.positionOf(record) : 0;
    return {
      handoffId: record.id,
      position,
      estimatedWaitMinutes: waitingLive ? await this.estimateMinutes(position) : 0,
      outsideBusinessHours: record.mode === 'callback' && record.callbackReason === 'outside_business_hours',
    };
  }

  /** Records what the customer wrote while queued or assigned (masked) and tells subscribers. */
  async addCustomerMessage(handoffId: string, text: string): Promise<HandoffRecord> {
    const now = this.now();
    const message: TranscriptEntry = { at: now, from: 'customer', text: maskSensitive(text.slice(0, MAX_TEXT)) };
    const doc = await this.model
      .findOneAndUpdate(
        { _id: toObjectId(handoffId), status: { $in: ['queued', 'assigned'] } },
        { $push: { messages: message, audit: audit({ kind: 'customer', id: 'customer', name: 'Kunde' }, 'customer_message', now) }, $set: { updatedAt: now } },
        { returnDocument: 'after' },
      )
      .lean();
    if (!doc) throw new HandoffConflictError(handoffId, 'the handoff is no longer active');
    const record = toRecord(doc);
    await this.publish('customerMessage', record.id, { handoffId: record.id, message, status: record.status as 'queued' | 'assigned' });
    return record;
  }

  /** "abbrechen": the customer leaves the queue and returns to the bot. */
  async cancelByCustomer(handoffId: string): Promise<HandoffRecord> {
    const now = this.now();
    const doc = await this.model
      .findOneAndUpdate(
        { _id: toObjectId(handoffId), status: 'queued' },
        { $set: { status: 'cancelled', closedAt: now, updatedAt: now }, $unset: { activeKey: 1, nextUpdateAt: 1 }, $push: { audit: audit({ kind: 'customer', id: 'customer', name: 'Kunde' }, 'cancelled', now) } },
        { returnDocument: 'after' },
      )
      .lean();
    if (!doc) throw new HandoffConflictError(handoffId, 'only a waiting handoff can be cancelled');
    const record = toRecord(doc);
    await this.publish('cancelled', record.id, { handoff: this.listItem(record), by: { kind: 'customer', id: 'customer', name: 'Kunde' } });
    await this.sendHandoffStatus(record, 'failed', 'cancelled by the customer');
    return record;
  }

  /** "Rückruf": a live wait becomes a callback request; the customer no longer gets queue updates. */
  async requestCallback(handoffId: string): Promise<HandoffRecord> {
    const now = this.now();
    const doc = await this.model
      .findOneAndUpdate(
        { _id: toObjectId(handoffId), status: 'queued', mode: 'live' },
        { $set: { mode: 'callback', callbackReason: 'customer_request', updatedAt: now }, $unset: { nextUpdateAt: 1 }, $push: { audit: audit({ kind: 'customer', id: 'customer', name: 'Kunde' }, 'callback_requested', now) } },
        { returnDocument: 'after' },
      )
      .lean();
    if (!doc) throw new HandoffConflictError(handoffId, 'only a live waiting handoff can become a callback request');
    const record = toRecord(doc);
    await this.publish('callbackRequested', record.id, { handoff: this.listItem(record) });
    return record;
  }

  /** The answer to the satisfaction question: 1..5, or null when the customer moved on. */
  async recordSurvey(handoffId: string, rating: number | null): Promise<boolean> {
    const now = this.now();
    const set = rating === null ? { 'survey.skipped': true } : { 'survey.rating': rating, 'survey.answeredAt': now };
    const result = await this.model.updateOne(
      { _id: toObjectId(handoffId), status: 'resolved', 'survey.askedAt': { $exists: true }, 'survey.answeredAt': { $exists: false }, 'survey.skipped': { $ne: true } },
      { $set: { ...set, updatedAt: now }, ...(rating === null ? {} : { $push: { audit: audit({ kind: 'customer', id: 'customer', name: 'Kunde' }, 'survey_answered', now, String(rating)) } }) },
    );
    return result.modifiedCount === 1;
  }

  // ---------------------------------------------------------------- agent side

  /** Queue order: priority, then waiting time. status defaults to queued. */
  async list(filter: { status?: HandoffStatus; limit?: number } = {}): Promise<HandoffListItem[]> {
    const status = filter.status ?? 'queued';
    const limit = Math.min(Math.max(filter.limit ?? 200, 1), 500);
    const sort: Record<string, 1 | -1> = status === 'queued' ? { priority: 1, createdAt: 1 } : { updatedAt: -1 };
    const docs = await this.model.find({ status }, { transcript: 0, messages: 0, notes: 0, audit: 0 }).sort(sort).limit(limit).lean();
    let livePosition = 0;
    return docs.map((d) => {
      const record = toRecord(d);
      const position = record.status === 'queued' && record.mode === 'live' ? ++livePosition : undefined;
      return this.listItem(record, position);
    });
  }

  /** The whole record: transcript, messages, notes, audit trail. */
  async get(id: string): Promise<HandoffRecord> {
    const doc = await this.model.findById(toObjectId(id)).lean();
    if (!doc) throw new HandoffNotFoundError(id);
    return toRecord(doc);
  }

  /**
   * Exactly one caller wins: one findOneAndUpdate on {_id, status: 'queued'}. Everyone else gets
   * HandoffConflictError (409); a plain agent asking for a supervisor's handoff gets
   * HandoffForbiddenError (403); an unknown id HandoffNotFoundError (404).
   */
  async claim(id: string, principal: Principal): Promise<HandoffRecord> {
    const _id = toObjectId(id);
    const now = this.now();
    const agent = actorOf(principal);
    const filter: Record<string, unknown> = { _id, status: 'queued' };
    if (!hasRole(principal, 'supervisor')) filter.needsSupervisor = false;
    const doc = await this.model
      .findOneAndUpdate(
        filter,
        { $set: { status: 'assigned', agent, claimedAt: now, updatedAt: now }, $unset: { nextUpdateAt: 1 }, $push: { audit: audit(agent, 'claimed', now) } },
        { returnDocument: 'after' },
      )
      .lean();
    if (!doc) {
      const current = await this.model.findById(_id, { status: 1, needsSupervisor: 1, agent: 1 }).lean();
      if (!current) throw new HandoffNotFoundError(id);
      if (current.status === 'queued' && current.needsSupervisor) throw new HandoffForbiddenError(id, 'this handoff needs a supervisor');
      throw new HandoffConflictError(id, current.status === 'assigned' ? `already taken by ${current.agent?.name ?? 'another agent'}` : `handoff is ${current.status}`);
    }
    const record = toRecord(doc);
    this.minutesPerPositionCache = undefined;
    this.deps.logger.info({ handoffId: id, agentId: principal.id, conversationId: record.customer.conversationKey }, 'handoff claimed');
    await this.publish('claimed', id, { handoff: this.listItem(record), agent });
    void this.tellCustomer(record, [{ type: 'message', text: this.t(record)('handoff:claimed', { name: agent.name }) }]).catch(() => undefined);
    void this.sendHandoffStatus(record, 'accepted');
    return record;
  }

  /** Agent -> customer on the customer's channel; only the assigned agent or a supervisor. */
  async sendAgentMessage(id: string, principal: Principal, rawText: unknown): Promise<TranscriptEntry> {
    const text = requireString(rawText, 'text', { max: MAX_TEXT });
    const record = await this.get(id);
    this.assertMayAct(record, principal);
    if (record.status !== 'assigned') throw new HandoffConflictError(id, `handoff is ${record.status}`);
    const now = this.now();
    const agent = actorOf(principal);
    // Delivered first, recorded second: the record never shows a message the customer did not get.
    await this.tellCustomer(record, [{ type: 'message', text, from: { id: 'agent', name: agent.name } as Activity['from'] }], true);
    const message: TranscriptEntry = { at: now, from: 'agent', text: maskSensitive(text), name: agent.name };
    await this.model.updateOne({ _id: toObjectId(id) }, { $push: { messages: message, audit: audit(agent, 'agent_message', now) }, $set: { updatedAt: now } });
    await this.publish('agentMessage', id, { handoffId: id, message, agent });
    return message;
  }

  /**
   * Ends the handoff and gives the conversation back to the bot. The customer gets the closing
   * message and, when a person actually helped (it was assigned), the one satisfaction question.
   */
  async resolve(id: string, principal: Principal): Promise<HandoffRecord> {
    const record = await this.get(id);
    this.assertMayAct(record, principal);
    if (record.status === 'queued' && !hasRole(principal, 'supervisor')) throw new HandoffForbiddenError(id, 'claim the handoff first');
    if (record.status !== 'assigned' && record.status !== 'queued') throw new HandoffConflictError(id, `handoff is ${record.status}`);
    const now = this.now();
    const by = actorOf(principal);
    const helped = record.status === 'assigned';
    const doc = await this.model
      .findOneAndUpdate(
        { _id: toObjectId(id), status: record.status, ...(record.agent ? { 'agent.id': record.agent.id } : {}) },
        {
          $set: { status: 'resolved', closedAt: now, updatedAt: now, ...(helped ? { survey: { askedAt: now } } : {}) },
          $unset: { activeKey: 1, nextUpdateAt: 1 },
          $push: { audit: audit(by, 'resolved', now) },
        },
        { returnDocument: 'after' },
      )
      .lean();
    if (!doc) throw new HandoffConflictError(id, 'the handoff changed meanwhile; reload it');
    const resolved = toRecord(doc);
    const t = this.t(resolved);
    const activities: Partial<Activity>[] = [{ type: 'message', text: t('handoff:resolved') }];
    if (helped) activities.push(surveyActivity(t));
    await this.tellCustomer(resolved, activities).catch(() => undefined);
    await this.sendHandoffStatus(resolved, 'completed');
    await this.publish('resolved', id, { handoff: this.listItem(resolved), by });
    return resolved;
  }

  /** Back to the queue for a supervisor, keeping its place (createdAt) in the line. */
  async transfer(id: string, principal: Principal, note?: string): Promise<HandoffRecord> {
    const record = await this.get(id);
    this.assertMayAct(record, principal);
    if (record.status !== 'assigned') throw new HandoffConflictError(id, `handoff is ${record.status}`);
    const now = this.now();
    const by = actorOf(principal);
    const detail = note === undefined ? undefined : maskSensitive(requireString(note, 'note', { max: MAX_TEXT }));
    const doc = await this.model
      .findOneAndUpdate(
        { _id: toObjectId(id), status: 'assigned', 'agent.id': record.agent?.id },
        {
          $set: { status: 'queued', needsSupervisor: true, updatedAt: now, nextUpdateAt: new Date(now.getTime() + this.updateIntervalMs) },
          $unset: { agent: 1, claimedAt: 1 },
          $push: { audit: audit(by, 'transferred', now, detail), ...(record.agent ? { previousAgents: record.agent } : {}), ...(detail ? { notes: { at: now, by, text: detail } } : {}) },
        },
        { returnDocument: 'after' },
      )
      .lean();
    if (!doc) throw new HandoffConflictError(id, 'the handoff changed meanwhile; reload it');
    const transferred = toRecord(doc);
    await this.tellCustomer(transferred, [{ type: 'message', text: this.t(transferred)('handoff:transferred') }]).catch(() => undefined);
    await this.publish('transferred', id, { handoff: this.listItem(transferred, await this.positionOf(transferred)), by });
    return transferred;
  }

  /** An internal note for colleagues; never sent to the customer. */
  async addNote(id: string, principal: Principal, rawText: unknown): Promise<HandoffRecord> {
    const text = maskSensitive(requireString(rawText, 'text', { max: MAX_TEXT }));
    const now = this.now();
    const by = actorOf(principal);
    const note = { at: now, by, text };
    const doc = await this.model
      .findOneAndUpdate({ _id: toObjectId(id) }, { $push: { notes: note, audit: audit(by, 'note', now) }, $set: { updatedAt: now } }, { returnDocument: 'after' })
      .lean();
    if (!doc) throw new HandoffNotFoundError(id);
    await this.publish('noteAdded', id, { handoffId: id, note });
    return toRecord(doc);
  }

  /** Figures for the desk: waiting now, longest wait, today's handoffs, time to claim, satisfaction. */
  async stats(): Promise<HandoffStats> {
    const now = this.now();
    const settings = await this.deps.settings.settings();
    const dayStart = startOfLocalDay(now, settings.timeZone);
    const [waitingNow, oldest, handoffsToday, claimed, rated] = await Promise.all([
      this.model.countDocuments({ status: 'queued' }),
      this.model.findOne({ status: 'queued' }, { createdAt: 1 }).sort({ createdAt: 1 }).lean(),
      this.model.countDocuments({ createdAt: { $gte: dayStart } }),
      this.model.find({ claimedAt: { $gte: dayStart } }, { createdAt: 1, claimedAt: 1 }).limit(5000).lean(),
      this.model.find({ 'survey.rating': { $gte: 1 }, closedAt: { $gte: new Date(now.getTime() - 30 * 86400000) } }, { 'survey.rating': 1 }).limit(5000).lean(),
    ]);
    const claimSeconds = claimed.filter((d) => d.claimedAt).map((d) => (d.claimedAt!.getTime() - d.createdAt.getTime()) / 1000);
    const ratings = rated.map((d) => d.survey?.rating ?? 0).filter((r) => r >= 1);
    return {
      waitingNow,
      longestWaitSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000)) : 0,
      handoffsToday,
      averageTimeToClaimSeconds: claimSeconds.length ? Math.round(claimSeconds.reduce((a, b) => a + b, 0) / claimSeconds.length) : null,
      satisfactionAverage: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null,
      satisfactionCount: ratings.length,
    };
  }

  // ---------------------------------------------------------------- Teams notifier support

  /**
   * Claims the right to post this handoff's Teams card: true for exactly one caller across all
   * instances (atomic on notifiedAt). Call releaseNotification when posting failed.
   */
  async claimNotification(id: string): Promise<boolean> {
    const now = this.now();
    const result = await this.model.updateOne({ _id: toObjectId(id), notifiedAt: { $exists: false } }, { $set: { notifiedAt: now }, $push: { audit: audit(SYSTEM, 'notified', now) } });
    return result.modifiedCount === 1;
  }

  /** Gives the card back to the next notifier (posting failed). */
  async releaseNotification(id: string): Promise<void> {
    await this.model.updateOne({ _id: toObjectId(id) }, { $unset: { notifiedAt: 1 } });
  }

  /** Waiting handoffs whose card nobody has posted yet (after a crash, or created before the team was known). */
  async listUnnotified(limit = 50): Promise<HandoffListItem[]> {
    const docs = await this.model.find({ status: 'queued', notifiedAt: { $exists: false } }, { transcript: 0, messages: 0, notes: 0, audit: 0 }).sort({ priority: 1, createdAt: 1 }).limit(limit).lean();
    return docs.map((d) => this.listItem(toRecord(d)));
  }

  /** Remembers where the card was posted (for updates and the thread relay). */
  async setTeamsThread(id: string, thread: TeamsThread): Promise<void> {
    const result = await this.model.updateOne({ _id: toObjectId(id) }, { $set: { teams: thread } });
    if (result.matchedCount === 0) throw new HandoffNotFoundError(id);
  }

  /** The handoff whose Teams card/thread has this conversation or activity id. */
  async findByTeamsThread(conversationIdOrActivityId: string): Promise<HandoffRecord | undefined> {
    const root = conversationIdOrActivityId.split(';messageid=')[1];
    const or: Record<string, string>[] = [{ 'teams.conversationId': conversationIdOrActivityId }, { 'teams.activityId': conversationIdOrActivityId }];
    if (root) or.push({ 'teams.activityId': root });
    const doc = await this.model.findOne({ $or: or }).sort({ createdAt: -1 }).lean();
    return doc ? toRecord(doc) : undefined;
  }

  // ---------------------------------------------------------------- queue figures

  /**
   * 1 + waiting live handoffs ahead: lower priority number, or same priority and older. Answered
   * from a sorted snapshot of the live queue that is at most QUEUE_SNAPSHOT_MS old and dropped on
   * every queue event, so the waiting-update sweep costs one query per pass, not one per customer.
   */
  async positionOf(record: Pick<HandoffRecord, 'priority' | 'createdAt'>): Promise<number> {
    const keys = await this.queueKeys();
    const target = record.priority * QUEUE_KEY_PRIORITY_SPAN + new Date(record.createdAt).getTime();
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (keys[mid] < target) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  }

  /** Queue order as one number per waiting live handoff: priority first, then creation time. */
  private queueKeys(): Promise<Float64Array> {
    const cached = this.queueSnapshot;
    if (cached && this.now().getTime() - cached.at < QUEUE_SNAPSHOT_MS) return cached.keys;
    const at = this.now().getTime();
    const keys = this.model
      .find({ status: 'queued', mode: 'live' }, { _id: 0, priority: 1, createdAt: 1 })
      .lean()
      .then((docs) => Float64Array.from(docs.map((d) => d.priority * QUEUE_KEY_PRIORITY_SPAN + new Date(d.createdAt).getTime())).sort());
    this.queueSnapshot = { at, keys };
    keys.catch(() => {
      if (this.queueSnapshot?.keys === keys) this.queueSnapshot = undefined;
    });
    return keys;
  }

  /** Drops the queue snapshot, so the next position comes from the database. */
  invalidateQueueSnapshot(): void {
    this.queueSnapshot = undefined;
  }

  /** Minutes: median time to claim of the last 20 claims, times the position (at least 1). */
  async estimateMinutes(position: number): Promise<number> {
    if (position <= 0) return 0;
    return Math.max(1, Math.ceil(position * (await this.minutesPerPosition())));
  }

  private async minutesPerPosition(): Promise<number> {
    const cached = this.minutesPerPositionCache;
    if (cached && cached.until > Date.now()) return cached.value;
    const recent = await this.model.find({ claimedAt: { $exists: true } }, { createdAt: 1, claimedAt: 1 }).sort({ claimedAt: -1 }).limit(20).lean();
    const waits = recent.map((d) => (d.claimedAt!.getTime() - d.createdAt.getTime()) / 60000).sort((a, b) => a - b);
    const value = waits.length ? Math.max(0.5, waits[Math.floor((waits.length - 1) / 2)]) : (this.deps.options?.defaultMinutesPerPosition ?? 3);
    this.minutesPerPositionCache = { value, until: Date.now() + 15000 };
    return value;
  }

  // ---------------------------------------------------------------- the sweeper

  /**
   * One pass: claims due queue updates one at a time (atomic on nextUpdateAt, so no two instances
   * send the same one), tells each waiting customer a changed position/estimate, and offers a
   * callback once after callbackOfferAfterMinutes.
   */
  async sweepOnce(maxUpdates = 100): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let sent = 0;
    try {
      const settings = await this.deps.settings.settings();
      for (let i = 0; i < maxUpdates; i++) {
        const now = this.now();
        const doc = await this.model
          .findOneAndUpdate(
            { status: 'queued', mode: 'live', nextUpdateAt: { $lte: now } },
            { $set: { nextUpdateAt: new Date(now.getTime() + this.updateIntervalMs) } },
            { sort: { nextUpdateAt: 1 }, returnDocument: 'after', projection: { transcript: 0, messages: 0, notes: 0, audit: 0 } },
          )
          .lean();
        if (!doc) break;
        if (await this.sendDueUpdate(toRecord(doc), settings.callbackOfferAfterMinutes, now)) sent++;
      }
    } catch (err) {
      this.deps.logger.warn({ err: (err as Error).message }, 'handoff sweep failed; retrying on the next tick');
    } finally {
      this.sweeping = false;
    }
    return sent;
  }

  private async sendDueUpdate(record: HandoffRecord, offerAfterMinutes: number, now: Date): Promise<boolean> {
    const position = await this.positionOf(record);
    const minutes = await this.estimateMinutes(position);
    const t = this.t(record);
    const activities: Partial<Activity>[] = [];
    const set: Record<string, unknown> = {};
    const pushes: AuditEntry[] = [];
    const changed = position !== record.lastPositionSent || Math.abs(minutes - (record.lastEstimateSent ?? 0)) >= 2;
    if (changed) {
      activities.push({ type: 'message', text: t('handoff:update', { position, minutes }) });
      Object.assign(set, { lastPositionSent: position, lastEstimateSent: minutes, lastUpdateSentAt: now });
      pushes.push(audit(SYSTEM, 'position_update', now, `${position}/${minutes}`));
    }
    const waitedMinutes = (now.getTime() - record.createdAt.getTime()) / 60000;
    if (!record.callbackOfferedAt && waitedMinutes >= offerAfterMinutes) {
      activities.push({ type: 'message', text: t('handoff:callbackOffer'), suggestedActions: { to: [], actions: [{ type: 'imBack', title: t('handoff:callbackButton'), value: t('handoff:callbackButton') }] } });
      set.callbackOfferedAt = now;
      pushes.push(audit(SYSTEM, 'callback_offered', now));
    }
    if (activities.length === 0) return false;
    try {
      await this.tellCustomer(record, activities, true);
    } catch (err) {
      this.deps.logger.warn({ handoffId: record.id, err: (err as Error).message }, 'queue update not delivered; next interval retries');
      return false;
    }
    await this.model.updateOne({ _id: toObjectId(record.id), status: 'queued' }, { $set: set, $push: { audit: { $each: pushes } } });
    if (changed) await this.publish('positionChanged', record.id, { handoffId: record.id, position, estimatedWaitMinutes: minutes });
    return true;
  }

  // ---------------------------------------------------------------- events across instances

  private async publish<K extends HandoffEventName>(type: K, handoffId: string, payload: HandoffEventMap[K]): Promise<void> {
    this.invalidateQueueSnapshot();
    this.events.emit(type, payload, { local: true });
    // Stored in the background: the caller's answer does not wait for other instances' news.
    this.eventModel
      .create({ type, handoffId, at: this.now(), origin: this.instanceId, payload: payload as unknown as Record<string, unknown> })
      .catch((err: Error) => this.deps.logger.warn({ handoffId, type, err: err.message }, 'handoff event not stored; other instances learn of it from the record'));
  }

  /**
   * Reads events other instances stored since the last poll and emits them with local: false.
   * Reads a few seconds back (clocks and inserts are not perfectly ordered) and skips seen ids.
   */
  async pollEventsOnce(): Promise<number> {
    if (this.polling) return 0;
    this.polling = true;
    let emitted = 0;
    try {
      const from = new Date(this.pollSince.getTime() - 5000);
      const events = await this.eventModel.find({ at: { $gte: from }, origin: { $ne: this.instanceId } }).sort({ at: 1 }).limit(1000).lean();
      const now = Date.now();
      for (const event of events) {
        const key = String(event._id);
        if (this.seenEvents.has(key)) continue;
        this.seenEvents.set(key, now);
        if (event.at > this.pollSince) this.pollSince = event.at;
        this.invalidateQueueSnapshot();
        this.events.emit(event.type as HandoffEventName, event.payload as never, { local: false });
        emitted++;
      }
      for (const [key, seenAt] of this.seenEvents) if (now - seenAt > 60000) this.seenEvents.delete(key);
    } catch (err) {
      this.deps.logger.warn({ err: (err as Error).message }, 'reading handoff events failed; retrying');
    } finally {
      this.polling = false;
    }
    return emitted;
  }

  // ---------------------------------------------------------------- helpers

  private assertMayAct(record: HandoffRecord, principal: Principal): void {
    if (hasRole(principal, 'supervisor')) return;
    if (record.status === 'assigned' && record.agent?.id !== principal.id) throw new HandoffForbiddenError(record.id, 'only the assigned agent or a supervisor may do this');
  }

  private t(record: HandoffRecord) {
    return this.deps.i18n.t(record.customer.language);
  }

  private async tellCustomer(record: HandoffRecord, activities: Partial<Activity>[], rethrow = false): Promise<void> {
    try {
      await this.deps.messenger.send(record.customer.conversationReference, activities);
    } catch (err) {
      this.deps.logger.warn({ handoffId: record.id, conversationId: record.customer.conversationKey, err: (err as Error).message }, 'message to the customer failed');
      if (rethrow) throw new CustomerDeliveryError(record.id, err);
    }
  }

  /** Bot Framework's handoff.status, only where a raw handoff event is accepted. */
  private async sendHandoffStatus(record: HandoffRecord, state: 'accepted' | 'failed' | 'completed', message?: string): Promise<void> {
    const channels = this.deps.options?.handoffEventChannels ?? HANDOFF_EVENT_CHANNELS;
    if (!channels.includes(record.customer.channel)) return;
    const conversation = record.customer.conversationReference.conversation;
    if (!conversation) return;
    await this.tellCustomer(record, [{ type: 'event', name: 'handoff.status', value: { state, ...(message ? { message } : {}) }, conversation }]);
  }

  listItem(record: HandoffRecord, position?: number): HandoffListItem {
    const end = record.claimedAt ?? record.closedAt ?? this.now();
    return {
      id: record.id,
      status: record.status,
      mode: record.mode,
      ...(record.callbackReason ? { callbackReason: record.callbackReason } : {}),
      priority: record.priority,
      priorityName: PRIORITY_NAMES[record.priority],
      category: record.category,
      reason: record.reason,
      needsSupervisor: record.needsSupervisor,
      frustration: record.frustration,
      customer: { channel: record.customer.channel, ...(record.customer.name ? { name: record.customer.name } : {}), language: record.customer.language },
      summary: record.summary,
      ...(record.agent ? { agent: record.agent } : {}),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      ...(record.claimedAt ? { claimedAt: record.claimedAt } : {}),
      ...(record.closedAt ? { closedAt: record.closedAt } : {}),
      waitingSeconds: Math.max(0, Math.round((end.getTime() - record.createdAt.getTime()) / 1000)),
      ...(position ? { position } : {}),
    };
  }

  /** Opening hours as text for the callback message. */
  async openingHoursText(lng: 'de' | 'en'): Promise<string> {
    return describeBusinessHours((await this.deps.settings.settings()).businessHours, lng);
  }
}

/** Channels that take a raw handoff event; Teams answers it with 400, WhatsApp has no such thing. */
export const HANDOFF_EVENT_CHANNELS = ['directline', 'webchat', 'test', 'emulator'];

export function surveyActivity(t: (key: string, vars?: Record<string, unknown>) => string): Partial<Activity> {
  return {
    type: 'message',
    text: t('handoff:survey.question'),
    suggestedActions: { to: [], actions: ['1', '2', '3', '4', '5'].map((v) => ({ type: 'imBack', title: v, value: v })) },
  };
}

function startOfLocalDay(now: Date, timeZone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(now).map((p) => [p.type, p.value]),
  );
  const sinceMidnight = (Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second)) * 1000 + now.getMilliseconds();
  return new Date(now.getTime() - sinceMidnight);
}

export function toRecord(doc: HandoffDoc): HandoffRecord {
  const { _id, activeKey: _activeKey, ...rest } = doc as HandoffDoc & { activeKey?: string };
  void _activeKey;
  return {
    ...rest,
    id: String(_id),
    transcript: rest.transcript ?? [],
    messages: rest.messages ?? [],
    notes: rest.notes ?? [],
    previousAgents: rest.previousAgents ?? [],
    audit: rest.audit ?? [],
  } as HandoffRecord;
}

export type { ConversationReference };
