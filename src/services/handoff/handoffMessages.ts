/**
 * The conversation between customer and agent after a handoff, one small document per line
 * (collection "handoff_messages"), so writing a line never rewrites or rereads the handoff record.
 * The record's `messages` and the audit entries of each line are put together when a whole record
 * is read (HandoffStore.get); older records may still carry lines in their own `messages` array.
 */
import { Connection, Model, Schema, Types } from 'mongoose';
import { GroupedWrites } from '../database/groupedWrites';
import type { Actor, AuditEntry, TranscriptEntry } from './handoffModel';

export interface StoredHandoffMessage {
  _id: Types.ObjectId;
  /** The handoff record's id (hex), as handoff events name it. */
  handoffId: string;
  /** The record's conversation key, so export and erasure find lines by conversation too. */
  conversationKey: string;
  at: Date;
  from: TranscriptEntry['from'];
  /** Masked before it is stored. */
  text: string;
  /** The agent's display name for agent lines. */
  name?: string;
  /** Who wrote it, for the audit trail (agent lines; customer lines are the customer's). */
  by?: Actor;
}

const actorSchema = new Schema<Actor>({ kind: String, id: String, name: String, role: String }, { _id: false });
const messageSchema = new Schema<StoredHandoffMessage>(
  {
    handoffId: { type: String, required: true },
    conversationKey: String,
    at: { type: Date, required: true },
    from: { type: String, required: true },
    text: String,
    name: String,
    by: actorSchema,
  },
  { versionKey: false, collection: 'handoff_messages' },
);
messageSchema.index({ handoffId: 1, at: 1 });
messageSchema.index({ conversationKey: 1 });

export function handoffMessageModel(connection: Connection): Model<StoredHandoffMessage> {
  return (
    (connection.models.HandoffMessage as Model<StoredHandoffMessage> | undefined) ??
    connection.model<StoredHandoffMessage>('HandoffMessage', messageSchema)
  );
}

/** The audit action a stored line stands for. */
const ACTION_OF: Record<TranscriptEntry['from'], AuditEntry['action'] | undefined> = {
  customer: 'customer_message',
  agent: 'agent_message',
  bot: undefined,
};
/** At the same millisecond these come after the lines (a line is written before the handoff ends). */
const CLOSING_ACTIONS = new Set<AuditEntry['action']>(['resolved', 'cancelled', 'abandoned', 'survey_answered']);

export class HandoffMessages {
  readonly model: Model<StoredHandoffMessage>;
  /** Lines of all handoffs, several in one insert under load. */
  private readonly inserts: GroupedWrites<StoredHandoffMessage>;

  constructor(connection: Connection) {
    this.model = handoffMessageModel(connection);
    this.inserts = new GroupedWrites(connection, this.model);
  }

  /** Stores one line (already masked). One insert of a small document (shared under load), nothing read back. */
  async append(handoff: { id: string; conversationKey: string }, entry: TranscriptEntry, by?: Actor): Promise<void> {
    await this.inserts.insertOne({
      _id: new Types.ObjectId(),
      handoffId: handoff.id,
      conversationKey: handoff.conversationKey,
      at: entry.at,
      from: entry.from,
      text: entry.text,
      ...(entry.name === undefined ? {} : { name: entry.name }),
      ...(by ? { by } : {}),
    });
  }

  /** The lines of one handoff, oldest first. */
  async list(handoffId: string): Promise<StoredHandoffMessage[]> {
    return this.model.find({ handoffId }).sort({ at: 1, _id: 1 }).lean();
  }
}

/** A stored line as the record shows it. */
export function toEntry(message: StoredHandoffMessage): TranscriptEntry {
  return {
    at: message.at,
    from: message.from,
    text: message.text,
    ...(message.name === undefined ? {} : { name: message.name }),
  };
}

/**
 * The record's audit trail with an entry for every stored line, in time order. At the same
 * millisecond a line follows the other entries (it needs the handoff to exist and be claimed)
 * but precedes the closing ones.
 */
export function auditWithMessages(
  audit: AuditEntry[],
  messages: StoredHandoffMessage[],
  customer: Actor,
): AuditEntry[] {
  const lines: AuditEntry[] = [];
  for (const m of messages) {
    const action = ACTION_OF[m.from];
    if (action) lines.push({ at: m.at, by: m.by ?? customer, action });
  }
  if (lines.length === 0) return audit;
  const rank = (e: AuditEntry, isLine: boolean) => (isLine ? 1 : CLOSING_ACTIONS.has(e.action) ? 2 : 0);
  const tagged = [
    ...audit.map((e, i) => ({ e, i, r: rank(e, false) })),
    ...lines.map((e, i) => ({ e, i: audit.length + i, r: rank(e, true) })),
  ];
  tagged.sort((a, b) => new Date(a.e.at).getTime() - new Date(b.e.at).getTime() || a.r - b.r || a.i - b.i);
  return tagged.map((t) => t.e);
}
