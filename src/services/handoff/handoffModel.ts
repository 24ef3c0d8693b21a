/**
 * The handoff record as stored in MongoDB (collection "handoffs") and as the API, the Teams agent
 * bot and the desk page see it. One record per handoff; the audit trail only ever grows ($push),
 * by state changes: each line of the conversation is a document of its own (handoffMessages.ts).
 */
import type { ConversationReference } from 'botbuilder';
import { Connection, Model, Schema, Types } from 'mongoose';
import type { Role } from '../auth/roles';
import type { FrustrationLevel, Intent } from '../nlu/types';
import type { HandoffReason } from './types';

export const HANDOFF_STATUSES = ['queued', 'assigned', 'resolved', 'cancelled', 'abandoned'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];
/** Statuses in which the conversation belongs to the handoff, not to the bot. */
export const ACTIVE_STATUSES: readonly HandoffStatus[] = ['queued', 'assigned'];

/** 0 lost_or_stolen (urgent), 1 irate, 2 annoyed, 3 normal: lower is served first. */
export type HandoffPriority = 0 | 1 | 2 | 3;
export const PRIORITY_NAMES: Record<HandoffPriority, string> = { 0: 'urgent', 1: 'irate', 2: 'annoyed', 3: 'normal' };

/** live: the customer waits in the chat; callback: somebody gets back to them later. */
export type HandoffMode = 'live' | 'callback';
export type CallbackReason = 'customer_request' | 'outside_business_hours';

/** Who did something: an agent/supervisor/admin (Principal), the customer, or the system. */
export interface Actor {
  kind: 'agent' | 'customer' | 'system';
  id: string;
  name: string;
  role?: Role;
}

export type AuditAction =
  | 'created'
  | 'callback_requested'
  | 'customer_message'
  | 'claimed'
  | 'agent_message'
  | 'note'
  | 'transferred'
  | 'resolved'
  | 'cancelled'
  | 'abandoned'
  | 'position_update'
  | 'callback_offered'
  | 'window_reminder'
  | 'notified'
  | 'survey_answered'
  | 'upgraded'
  | 'categorised'
  | 'contact_recorded'
  | 'language_changed'
  | 'sent_despite_check';

export interface AuditEntry {
  at: Date;
  by: Actor;
  action: AuditAction;
  /** Short, masked, human-readable detail (never a card number or IBAN). */
  detail?: string;
}

/** One line of the conversation, masked with maskSensitive before it is stored. */
export interface TranscriptEntry {
  at: Date;
  from: 'customer' | 'bot' | 'agent';
  text: string;
  /** The agent's display name for agent lines. */
  name?: string;
}

export interface InternalNote {
  at: Date;
  by: Actor;
  text: string;
}

export interface HandoffCustomer {
  channel: string;
  /** channel + ":" + conversation id; one active handoff per key (unique index on activeKey). */
  conversationKey: string;
  conversationReference: Partial<ConversationReference>;
  name?: string;
  userId?: string;
  language: 'de' | 'en';
}

export interface HandoffSummary {
  /** Short German text for the agent: request, menu path, facts, references, mood. */
  text: string;
  menuPath: string[];
  facts: string[];
  references: string[];
  /** German mood word: "ruhig", "verärgert", "sehr aufgebracht". */
  mood: string;
}

/**
 * How somebody can get back to the customer for a callback. WhatsApp knows the number; on the web
 * the customer is asked and may decline (then they come back to the chat).
 */
export interface HandoffContact {
  phone?: string;
  email?: string;
  /** The customer said they would rather come back to the chat. */
  declined?: boolean;
  /** The bot asked for a contact and is waiting for the answer. */
  askedAt?: Date;
  recordedAt?: Date;
}

/** Where the Teams notifier posted the card, so it can update it and use the thread. */
export interface TeamsThread {
  conversationId: string;
  activityId?: string;
  serviceUrl?: string;
}

export interface HandoffRecord {
  id: string;
  status: HandoffStatus;
  mode: HandoffMode;
  callbackReason?: CallbackReason;
  priority: HandoffPriority;
  category: Intent;
  reason: HandoffReason;
  needsSupervisor: boolean;
  frustration: { level: FrustrationLevel; score: number };
  customer: HandoffCustomer;
  summary: HandoffSummary;
  /** The conversation with the bot before the handoff (most recent lines), masked. */
  transcript: TranscriptEntry[];
  /**
   * The conversation between customer and agent after the handoff, masked. Filled by
   * HandoffStore.get (the lines are documents of their own); empty in heads and change results.
   */
  messages: TranscriptEntry[];
  notes: InternalNote[];
  agent?: Actor;
  /** Agents who had it before a transfer. */
  previousAgents: Actor[];
  audit: AuditEntry[];
  createdAt: Date;
  updatedAt: Date;
  claimedAt?: Date;
  closedAt?: Date;
  /** Set once, atomically, by the one instance that posts the Teams card. */
  notifiedAt?: Date;
  teams?: TeamsThread;
  /** Queue updates to the waiting customer: when the next one is due, and what was sent last. */
  nextUpdateAt?: Date;
  lastPositionSent?: number;
  lastEstimateSent?: number;
  lastUpdateSentAt?: Date;
  callbackOfferedAt?: Date;
  /** A WhatsApp customer was asked to answer before the 24-hour window closes (once per window). */
  windowReminderAt?: Date;
  survey?: { askedAt: Date; rating?: number; answeredAt?: Date; skipped?: boolean };
  contact?: HandoffContact;
  /** The agent handed the customer back to a chosen dialog; taken once by the customer's next turn. */
  handBack?: { target: string; at: Date; takenAt?: Date };
  /** The customer asked while waiting whether to keep the place (a goodbye); the next answer decides. */
  leaveAskedAt?: Date;
  /** The bot asked which number to block (a lost phone reported while waiting); the next answer decides. */
  blockNumberAskedAt?: Date;
  /** When the customer last wrote after the handoff (the lines themselves are in handoff_messages). */
  lastCustomerMessageAt?: Date;
  /**
   * How many messages the customer wrote after the handoff, counted by the write that records
   * each one's time (records from before the count: the messages since it began).
   */
  customerMessages?: number;
}

/** What GET /api/handoffs lists: the record without the long arrays, plus live figures. */
export interface HandoffListItem {
  id: string;
  status: HandoffStatus;
  mode: HandoffMode;
  callbackReason?: CallbackReason;
  priority: HandoffPriority;
  priorityName: string;
  category: Intent;
  reason: HandoffReason;
  needsSupervisor: boolean;
  frustration: { level: FrustrationLevel; score: number };
  customer: { channel: string; name?: string; language: 'de' | 'en' };
  summary: HandoffSummary;
  agent?: Actor;
  createdAt: Date;
  updatedAt: Date;
  claimedAt?: Date;
  closedAt?: Date;
  /** Seconds since the handoff was created (until claimed, for claimed ones). */
  waitingSeconds: number;
  /** 1-based place in the live queue; absent for anything not waiting live. */
  position?: number;
  contact?: HandoffContact;
  /** WhatsApp only: when the customer's 24-hour window closes (after it, only a template reaches them). */
  windowClosesAt?: Date;
}

export interface HandoffStats {
  waitingNow: number;
  longestWaitSeconds: number;
  handoffsToday: number;
  averageTimeToClaimSeconds: number | null;
  satisfactionAverage: number | null;
  satisfactionCount: number;
}

/** The stored document; `_id` is an ObjectId, exposed as `id`. */
export type HandoffDoc = Omit<HandoffRecord, 'id'> & { _id: Types.ObjectId; activeKey?: string };

const actorSchema = new Schema<Actor>({ kind: String, id: String, name: String, role: String }, { _id: false });
const entrySchema = new Schema<TranscriptEntry>({ at: Date, from: String, text: String, name: String }, { _id: false });

const handoffSchema = new Schema<HandoffDoc>(
  {
    status: { type: String, required: true, enum: HANDOFF_STATUSES },
    mode: { type: String, required: true, enum: ['live', 'callback'] },
    callbackReason: String,
    priority: { type: Number, required: true, min: 0, max: 3 },
    category: { type: String, required: true },
    reason: { type: String, required: true },
    needsSupervisor: { type: Boolean, required: true },
    frustration: { level: Number, score: Number },
    customer: {
      channel: String,
      conversationKey: { type: String, required: true },
      conversationReference: Schema.Types.Mixed,
      name: String,
      userId: String,
      language: String,
    },
    summary: { text: String, menuPath: [String], facts: [String], references: [String], mood: String },
    transcript: [entrySchema],
    messages: [entrySchema],
    notes: [new Schema<InternalNote>({ at: Date, by: actorSchema, text: String }, { _id: false })],
    agent: actorSchema,
    previousAgents: [actorSchema],
    audit: [new Schema<AuditEntry>({ at: Date, by: actorSchema, action: String, detail: String }, { _id: false })],
    activeKey: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    claimedAt: Date,
    closedAt: Date,
    notifiedAt: Date,
    teams: { conversationId: String, activityId: String, serviceUrl: String },
    nextUpdateAt: Date,
    lastPositionSent: Number,
    lastEstimateSent: Number,
    lastUpdateSentAt: Date,
    callbackOfferedAt: Date,
    windowReminderAt: Date,
    survey: { askedAt: Date, rating: Number, answeredAt: Date, skipped: Boolean },
    handBack: { target: String, at: Date, takenAt: Date },
    contact: { phone: String, email: String, declined: Boolean, askedAt: Date, recordedAt: Date },
    leaveAskedAt: Date,
    blockNumberAskedAt: Date,
    lastCustomerMessageAt: Date,
    customerMessages: Number,
  },
  { versionKey: false, collection: 'handoffs', minimize: true },
);
// Queue order; and position counting, which on MongoDB is a COUNT_SCAN of the second index.
handoffSchema.index({ status: 1, priority: 1, createdAt: 1 });
handoffSchema.index({ status: 1, mode: 1, priority: 1, createdAt: 1 });
// At most one active handoff per conversation, also across instances.
handoffSchema.index({ activeKey: 1 }, { unique: true, sparse: true });
handoffSchema.index({ 'customer.conversationKey': 1, createdAt: -1 });
// The sweeper's due updates, and the notifier's unposted cards.
handoffSchema.index({ status: 1, nextUpdateAt: 1 });
handoffSchema.index({ updatedAt: 1 });
handoffSchema.index({ claimedAt: -1 });

export function handoffModel(connection: Connection): Model<HandoffDoc> {
  return (
    (connection.models.Handoff as Model<HandoffDoc> | undefined) ??
    connection.model<HandoffDoc>('Handoff', handoffSchema)
  );
}

/** One domain event as stored for other instances (collection "handoffevents"). */
export interface StoredHandoffEvent {
  _id: Types.ObjectId;
  type: string;
  handoffId: string;
  at: Date;
  /** Instance that published it; that instance already emitted it locally. */
  origin: string;
  payload: Record<string, unknown>;
}

const eventSchema = new Schema<StoredHandoffEvent>(
  { type: String, handoffId: String, at: Date, origin: String, payload: Schema.Types.Mixed },
  { versionKey: false, collection: 'handoffevents' },
);
// Real MongoDB removes old events by itself; servers without TTL support just keep them.
eventSchema.index({ at: 1 }, { expireAfterSeconds: 24 * 3600, name: 'at_ttl' });

export function handoffEventModel(connection: Connection): Model<StoredHandoffEvent> {
  return (
    (connection.models.HandoffEvent as Model<StoredHandoffEvent> | undefined) ??
    connection.model<StoredHandoffEvent>('HandoffEvent', eventSchema)
  );
}
