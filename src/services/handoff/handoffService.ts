/**
 * The supervisor queue in MongoDB, composed of its parts: the store (with the one transition
 * helper), the customer side, the agent side, the figures, the waiting updates, the event bus and
 * the Teams threads. Implements HandoffRequester for the dialogs; the API, the Teams agent bot and
 * the desk page use the rest. Callers may also use the parts directly (customer, agent, figures …).
 */
import { randomUUID } from 'node:crypto';
import type { HandBackTarget } from './handBackTargets';
import type { Connection } from 'mongoose';
import type { Principal } from '../auth/roles';
import type { CustomerMessenger } from '../channels/types';
import type { I18nService } from '../i18n/i18nService';
import type { Logger } from '../logger';
import type { TranscriptStore } from '../transcript/transcriptStore';
import { AgentFiles, AgentHandoffs, HandBackQuestion } from './agentHandoffs';
import type { StoredFile } from '../files/fileStore';
import type { HandoffSettingsSource } from './businessHours';
import { CLAIM_RATE_DEFAULTS } from './claimRate';
import { CustomerChannel, HANDOFF_EVENT_CHANNELS } from './customerChannel';
import { ConversationHandoffState, CustomerHandoffs, HandoffMarker, TouchedHandoff } from './customerHandoffs';
import { UpgradeCause, WaitingCustomer } from './waitingCustomer';
import { HandoffEventBus } from './handoffEventBus';
import { detectFeedMode, HandoffFeedMode } from './handoffFeed';
import { HandoffEvents, QUEUE_EVENTS } from './handoffEvents';
import { AbandonedHandoffs } from './abandonedHandoffs';
import { HandoffTopics } from './handoffTopics';
import { listItemOf } from './handoffLabels';
import type {
  HandoffContact,
  HandoffListItem,
  HandoffPriority,
  HandoffRecord,
  HandoffStats,
  HandoffStatus,
  TeamsThread,
  TranscriptEntry,
} from './handoffModel';
import { HandoffStore } from './handoffStore';
import { QueueFigures } from './queueFigures';
import { TeamsThreads } from './teamsThreads';
import type { HandoffRequest, HandoffRequester, HandoffTicket } from './types';
import { WaitingUpdates } from './waitingUpdates';

export { HANDOFF_EVENT_CHANNELS } from './customerChannel';
export { buildSummaryText, priorityOf } from './handoffLabels';
export { surveyActivity, customerFacingName } from './agentHandoffs';
export { toRecord } from './handoffStore';
export type { ConversationHandoffState, HandoffMarker, TouchedHandoff } from './customerHandoffs';
export type { UpgradeCause } from './waitingCustomer';

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
  /** The hand-back target's question with its options (dialogs/handBack); without it, the question alone. */
  handBackQuestion?: HandBackQuestion;
  /** Files agents send to customers; without it agents send none. */
  files?: AgentFiles;
}

export const SUPERVISOR_ACTOR_ROLE = 'supervisor';

export class HandoffService implements HandoffRequester {
  /** Subscribe here: every event of every instance arrives (meta.local tells whether it was ours). */
  readonly events: HandoffEvents;
  readonly store: HandoffStore;
  readonly figures: QueueFigures;
  readonly customer: CustomerHandoffs;
  private readonly waitingCustomer: WaitingCustomer;
  readonly agent: AgentHandoffs;
  readonly waiting: WaitingUpdates;
  readonly teams: TeamsThreads;
  /** Waiting customers who have left: see AbandonedHandoffs. */
  readonly abandoned: AbandonedHandoffs;
  readonly topics: HandoffTopics;
  private readonly bus: HandoffEventBus;
  private readonly now: () => Date;
  private sweepTimer?: NodeJS.Timeout;
  private pollTimer?: NodeJS.Timeout;
  private closeStream?: () => Promise<void>;
  private feed?: Promise<HandoffFeedMode>;
  private stopped = false;

  constructor(private readonly deps: HandoffServiceDeps) {
    const options = deps.options ?? {};
    const now = deps.clock ?? (() => new Date());
    const updateIntervalMs = (options.updateIntervalSeconds ?? 60) * 1000;
    this.now = now;
    this.store = new HandoffStore(deps.connection);
    this.figures = new QueueFigures(this.store, deps.settings, now, {
      ...CLAIM_RATE_DEFAULTS,
      defaultMinutes: options.defaultMinutesPerPosition ?? CLAIM_RATE_DEFAULTS.defaultMinutes,
    });
    this.bus = new HandoffEventBus(
      deps.connection,
      options.instanceId ?? randomUUID(),
      deps.logger,
      now,
      (type, payload) => {
        const handoff = (payload as { handoff?: HandoffListItem }).handoff;
        if (QUEUE_EVENTS.has(type) && handoff) this.figures.follow(handoff);
      },
      () => this.figures.resync(),
    );
    this.events = this.bus.events;
    const channel = new CustomerChannel(
      deps.messenger,
      deps.logger,
      options.handoffEventChannels ?? HANDOFF_EVENT_CHANNELS,
    );
    const shared = {
      store: this.store,
      figures: this.figures,
      bus: this.bus,
      channel,
      i18n: deps.i18n,
      logger: deps.logger,
      now,
      updateIntervalMs,
    };
    this.customer = new CustomerHandoffs({
      ...shared,
      settings: deps.settings,
      transcripts: deps.transcripts,
      ...(deps.marker ? { marker: deps.marker } : {}),
    });
    this.waitingCustomer = new WaitingCustomer({ ...shared, i18n: deps.i18n, logger: deps.logger });
    this.agent = new AgentHandoffs({
      ...shared,
      ...(deps.handBackQuestion ? { handBackQuestion: deps.handBackQuestion } : {}),
      ...(deps.files ? { files: deps.files } : {}),
    });
    this.waiting = new WaitingUpdates({ ...shared, settings: deps.settings });
    this.teams = new TeamsThreads(this.store, now);
    this.abandoned = new AbandonedHandoffs({ store: this.store, bus: this.bus, now });
    this.topics = new HandoffTopics({ store: this.store, now });
  }

  /** Starts this instance's sweeper (queue updates) and the feed of other instances' events. */
  start(): void {
    const sweepMs = this.deps.options?.sweepIntervalMs ?? 5000;
    this.stopped = false;
    this.sweepTimer = setInterval(() => void this.waiting.sweepOnce(), sweepMs);
    this.sweepTimer.unref();
    // Every instance's events now reach this one: the queue index follows them instead of rereading.
    this.figures.followFeed(true);
    this.figures.resync();
    this.feed = this.startFeed();
  }

  stop(): void {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    void this.closeStream?.();
    this.figures.followFeed(false);
  }

  /** The feed chosen at start: resolves once it runs (tests and benchmarks wait for it). */
  async feedMode(): Promise<HandoffFeedMode> {
    return (await this.feed) ?? 'polling';
  }

  private async startFeed(): Promise<HandoffFeedMode> {
    const mode = await detectFeedMode(this.deps.connection);
    if (this.stopped) return mode;
    if (mode === 'changeStream') {
      this.closeStream = this.bus.watch(() => {
        this.deps.logger.info({ mode: 'polling' }, 'handoff event feed');
        this.figures.resync();
        this.startPolling();
      });
      // Whatever was stored before the stream opened.
      void this.bus.pollOnce();
    } else this.startPolling();
    this.deps.logger.info({ mode }, 'handoff event feed');
    return mode;
  }

  private startPolling(): void {
    if (this.stopped) return;
    this.pollTimer = setInterval(() => void this.bus.pollOnce(), this.deps.options?.eventPollMs ?? 1000);
    this.pollTimer.unref();
  }

  // Customer side (CustomerHandoffs).
  requestHandoff(request: HandoffRequest): Promise<HandoffTicket> {
    return this.customer.requestHandoff(request);
  }
  conversationState(key: string, turn?: { message?: boolean }): Promise<ConversationHandoffState> {
    return this.customer.conversationState(key, turn);
  }
  markOpenHandoffs(): Promise<number> {
    return this.customer.markOpenHandoffs();
  }
  ticketFor(record: HandoffRecord): Promise<HandoffTicket> {
    return this.customer.ticketFor(record);
  }
  addCustomerMessage(handoffId: string, text: string, touched?: TouchedHandoff): Promise<HandoffRecord> {
    return this.customer.addCustomerMessage(handoffId, text, touched);
  }
  cancelByCustomer(handoffId: string): Promise<HandoffRecord> {
    return this.customer.cancelByCustomer(handoffId);
  }
  requestCallback(handoffId: string): Promise<HandoffRecord> {
    return this.waitingCustomer.requestCallback(handoffId);
  }
  recordContact(
    handoffId: string,
    contact: Pick<HandoffContact, 'phone' | 'email' | 'declined'>,
  ): Promise<HandoffRecord> {
    return this.waitingCustomer.recordContact(handoffId, contact);
  }
  upgrade(
    handoffId: string,
    cause: UpgradeCause,
    priority: HandoffPriority,
    needsSupervisor: boolean,
  ): Promise<HandoffRecord> {
    return this.waitingCustomer.upgrade(handoffId, cause, priority, needsSupervisor);
  }
  notePositionTold(handoffId: string, position: number, minutes: number): Promise<void> {
    return this.waitingCustomer.notePositionTold(handoffId, position, minutes);
  }
  markContactAsked(handoffId: string): Promise<void> {
    return this.waitingCustomer.markContactAsked(handoffId);
  }
  markBlockNumberAsked(handoffId: string, asked: boolean): Promise<void> {
    return this.waitingCustomer.markBlockNumberAsked(handoffId, asked);
  }
  switchLanguage(handoffId: string, language: 'de' | 'en'): Promise<HandoffRecord> {
    return this.waitingCustomer.switchLanguage(handoffId, language);
  }
  markLeaveAsked(handoffId: string, asked: boolean): Promise<void> {
    return this.waitingCustomer.markLeaveAsked(handoffId, asked);
  }
  recordSurvey(handoffId: string, rating: number | null): Promise<boolean> {
    return this.waitingCustomer.recordSurvey(handoffId, rating);
  }

  // Agent side (AgentHandoffs).
  list(filter: { status?: HandoffStatus; limit?: number } = {}): Promise<HandoffListItem[]> {
    return this.agent.list(filter);
  }
  get(id: string): Promise<HandoffRecord> {
    return this.agent.get(id);
  }
  claim(id: string, principal: Principal): Promise<HandoffRecord> {
    return this.agent.claim(id, principal);
  }
  sendAgentMessage(id: string, principal: Principal, rawText: unknown, force?: unknown): Promise<TranscriptEntry> {
    return this.agent.sendAgentMessage(id, principal, rawText, force);
  }

  sendAgentFile(id: string, principal: Principal, data: Buffer, name: string | undefined): Promise<StoredFile> {
    return this.agent.sendAgentFile(id, principal, data, name);
  }
  /** Ends the handoff; with a target the customer goes on in that dialog (or the menu) instead. */
  resolve(id: string, principal: Principal, target?: HandBackTarget): Promise<HandoffRecord> {
    return this.agent.resolve(id, principal, target);
  }
  takeHandBack(handoffId: string): Promise<boolean> {
    return this.customer.takeHandBack(handoffId);
  }
  transfer(id: string, principal: Principal, note?: string): Promise<HandoffRecord> {
    return this.agent.transfer(id, principal, note);
  }
  addNote(id: string, principal: Principal, rawText: unknown): Promise<HandoffRecord> {
    return this.agent.addNote(id, principal, rawText);
  }
  listItem(record: HandoffRecord, position?: number): HandoffListItem {
    return listItemOf(record, this.now(), position);
  }

  // Figures (QueueFigures).
  stats(): Promise<HandoffStats> {
    return this.figures.stats();
  }
  positionOf(record: Pick<HandoffRecord, 'priority' | 'createdAt'>): Promise<number> {
    return this.figures.positionOf(record);
  }
  estimateMinutes(position: number): Promise<number> {
    return this.figures.estimateMinutes(position);
  }
  invalidateQueueSnapshot(): void {
    this.figures.invalidate();
  }

  // Teams notifier support (TeamsThreads).
  claimNotification(id: string): Promise<boolean> {
    return this.teams.claimNotification(id);
  }
  listUnnotified(limit = 50): Promise<HandoffListItem[]> {
    return this.teams.listUnnotified(limit);
  }
  setTeamsThread(id: string, thread: TeamsThread): Promise<void> {
    return this.teams.setTeamsThread(id, thread);
  }

  // Waiting updates and events across instances.
  sweepOnce(maxUpdates = 100): Promise<number> {
    return this.waiting.sweepOnce(maxUpdates);
  }
  pollEventsOnce(): Promise<number> {
    return this.bus.pollOnce();
  }

  /** The company's time zone, in which business hours and "ab Montag, 8 Uhr" are meant. */
  async timeZone(): Promise<string> {
    return (await this.deps.settings.settings()).timeZone;
  }
}
