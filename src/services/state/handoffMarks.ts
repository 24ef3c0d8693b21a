import { randomUUID } from 'node:crypto';
import type { ConversationState, TurnContext } from 'botbuilder';
import type { Connection } from 'mongoose';
import { DriverCollection } from './driverCollection';
import { botStateModel, HANDOFF_MARK_FIELD, HandoffMark, StateDoc } from './botStateModel';

export { HANDOFF_MARK_FIELD };
export type { HandoffMark };

/** A mark younger than this is never cleared: its handoff may still be on its way into the database. */
const CLEAR_GRACE_MS = 30_000;

/**
 * Lets the customer turn skip the handoffs query when no handoff can be open. The mark lives in
 * the conversation's botstate document, beside the eTag-guarded state, so it arrives with the state
 * read the turn does anyway and the queue can set it from any instance without conflicting with a
 * turn. The queue sets it before it creates a handoff; a turn that finds it reads the handoff record
 * (an agent may have claimed or resolved it on another instance) and clears it only once the record
 * shows nothing open and the mark is older than a grace period.
 */
export class HandoffMarks {
  private readonly collection: DriverCollection<StateDoc>;

  constructor(
    connection: Connection,
    private readonly conversationState: ConversationState,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.collection = new DriverCollection(connection, botStateModel(connection));
  }

  /** The botstate key ConversationState (no namespace) uses for a conversation. */
  static stateKey(channelId: string, conversationId: string): string {
    return `${channelId}/conversations/${conversationId}/`;
  }

  /** Marks a conversation before a handoff is created for it (any instance, inside a turn or not). */
  async mark(channelId: string, conversationId: string): Promise<void> {
    const now = this.now();
    const collection = this.collection.get() ?? this.collection.model;
    await collection.updateOne(
      { _id: HandoffMarks.stateKey(channelId, conversationId) },
      { $set: { handoffMark: { token: randomUUID(), at: now }, updatedAt: now } },
      { upsert: true },
    );
  }

  /** The mark as this turn's state read found it; the conversation state must be loaded. */
  async current(context: TurnContext): Promise<HandoffMark | undefined> {
    const state = (await this.conversationState.load(context)) as Record<string, unknown>;
    return state[HANDOFF_MARK_FIELD] as HandoffMark | undefined;
  }

  /** Removes the mark the turn saw, unless it is fresh or was replaced meanwhile. */
  async clear(context: TurnContext, seen: HandoffMark): Promise<void> {
    if (this.now().getTime() - new Date(seen.at).getTime() < CLEAR_GRACE_MS) return;
    const { channelId, conversation } = context.activity;
    const collection = this.collection.get() ?? this.collection.model;
    await collection.updateOne(
      { _id: HandoffMarks.stateKey(channelId, conversation.id), 'handoffMark.token': seen.token },
      { $unset: { handoffMark: '' } },
    );
  }
}
