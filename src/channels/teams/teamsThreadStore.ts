import type { ConversationReference } from 'botbuilder';
import { Connection, Model, Schema } from 'mongoose';

/** Where a handoff's card lives: its thread in the agents' channel. */
export interface HandoffThread {
  handoffId: string;
  /** The thread's conversation id: `<channel id>;messageid=<root message id>`. */
  conversationId: string;
  /** Id of the card (the thread's root message), for updateActivity. */
  activityId: string;
  /** Reference that opens a proactive turn in the thread. */
  reference: Partial<ConversationReference>;
}

type ThreadState = 'posting' | 'posted';

interface ThreadDoc {
  _id: string;
  state: ThreadState;
  owner: string;
  claimedAt: Date;
  postedAt?: Date;
  conversationId?: string;
  activityId?: string;
  reference?: Partial<ConversationReference>;
}

const schema = new Schema<ThreadDoc>(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true, enum: ['posting', 'posted'] },
    owner: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    postedAt: Date,
    conversationId: String,
    activityId: String,
    reference: Schema.Types.Mixed,
  },
  { versionKey: false, collection: 'teamsthreads', minimize: false },
);
schema.index({ conversationId: 1 }, { sparse: true });
schema.index({ activityId: 1 }, { sparse: true });
schema.index({ state: 1, claimedAt: 1 });

function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number })?.code === 11000;
}

/**
 * handoffId -> thread. Posting a card is claimed first with one atomic insert (the handoff id is
 * the _id), so with several instances hearing the same `created` event exactly one posts. A failed
 * post is released at once; a claim whose owner died mid-post can be taken over after `staleMs`.
 */
export class TeamsThreadStore {
  private readonly model: Model<ThreadDoc>;

  constructor(
    connection: Connection,
    private readonly staleMs = 2 * 60 * 1000,
  ) {
    this.model =
      (connection.models.TeamsThread as Model<ThreadDoc> | undefined) ??
      connection.model<ThreadDoc>('TeamsThread', schema);
  }

  /** True for the one caller that may post the card of this handoff now. */
  async claimPosting(handoffId: string, owner: string, now = new Date()): Promise<boolean> {
    try {
      await this.model.create({ _id: handoffId, state: 'posting', owner, claimedAt: now });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const retaken = await this.model.findOneAndUpdate(
      {
        _id: handoffId,
        state: 'posting',
        claimedAt: { $lt: new Date(now.getTime() - this.staleMs) },
      },
      { $set: { state: 'posting', owner, claimedAt: now } },
      { new: true },
    );
    return retaken !== null;
  }

  async markPosted(thread: HandoffThread, owner: string): Promise<void> {
    await this.model.updateOne(
      { _id: thread.handoffId, owner },
      {
        $set: {
          state: 'posted',
          postedAt: new Date(),
          conversationId: thread.conversationId,
          activityId: thread.activityId,
          reference: thread.reference,
        },
      },
    );
  }

  /** Gives up this instance's claim so that a later attempt (catch-up, another instance) may post. */
  async release(handoffId: string, owner: string): Promise<void> {
    await this.model.deleteOne({ _id: handoffId, owner, state: 'posting' });
  }

  async byHandoff(handoffId: string): Promise<HandoffThread | undefined> {
    return toThread(await this.model.findOne({ _id: handoffId, state: 'posted' }).lean());
  }

  /** The thread a channel message belongs to: by its conversation id, else by the message it replies to. */
  async byConversation(conversationId: string | undefined, replyToId?: string): Promise<HandoffThread | undefined> {
    if (conversationId) {
      const found = toThread(await this.model.findOne({ conversationId, state: 'posted' }).lean());
      if (found) return found;
      const root = /;messageid=([^;]+)$/.exec(conversationId)?.[1];
      if (root) {
        const byRoot = toThread(await this.model.findOne({ activityId: root, state: 'posted' }).lean());
        if (byRoot) return byRoot;
      }
    }
    if (replyToId) return toThread(await this.model.findOne({ activityId: replyToId, state: 'posted' }).lean());
    return undefined;
  }
}

function toThread(doc: ThreadDoc | null): HandoffThread | undefined {
  if (!doc || !doc.conversationId || !doc.activityId || !doc.reference) return undefined;
  return {
    handoffId: doc._id,
    conversationId: doc.conversationId,
    activityId: doc.activityId,
    reference: doc.reference,
  };
}
