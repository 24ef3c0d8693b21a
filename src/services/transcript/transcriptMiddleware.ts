import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { conversationKey, TranscriptBatch, TranscriptLine, TranscriptStore } from './transcriptStore';

/**
 * Keeps each conversation's recent messages (masked) in MongoDB: the customer's message and the
 * bot's replies of a turn go out in one update when the turn is over, behind the answer, so the
 * customer never waits for it. A handoff requested during the turn still sees the turn's lines
 * (TranscriptStore.recent includes running turns). A failed write is logged, never breaks a turn.
 */
export class TranscriptMiddleware implements Middleware {
  constructor(
    private readonly store: TranscriptStore,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    // Agents' Teams traffic is not a customer conversation.
    if (context.activity.channelId === 'msteams') return next();
    const key = conversationKey(context.activity.channelId, context.activity.conversation?.id);
    const incoming = context.activity;
    const batch = this.store.begin(key);
    if (incoming.type === 'message' && typeof incoming.text === 'string' && incoming.text.trim() !== '') {
      batch.add([{ at: new Date(), from: 'customer', text: incoming.text }]);
    }
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      const responses = await sendNext();
      const lines = activities
        .filter(isTextMessage)
        .map((a): TranscriptLine => ({ at: new Date(), from: 'bot', text: a.text! }));
      if (lines.length > 0) {
        // A reply sent after the turn (it should not happen) gets a batch of its own.
        const target = batch.committed ? this.store.begin(key) : batch;
        target.add(lines);
        if (target !== batch) this.commit(target);
      }
      return responses;
    });
    try {
      await next();
    } finally {
      this.commit(batch);
    }
  }

  private commit(batch: TranscriptBatch): void {
    this.store
      .commit(batch)
      .catch((err: Error) =>
        this.logger.error({ conversationId: batch.key, lines: batch.lines.length, err }, 'transcript not stored'),
      );
  }
}

function isTextMessage(activity: Partial<Activity>): boolean {
  return activity.type === 'message' && typeof activity.text === 'string' && activity.text.trim() !== '';
}

/** For every adapter that serves customers: `adapter.use(createTranscriptMiddleware(store, logger))`. */
export function createTranscriptMiddleware(store: TranscriptStore, logger: Logger): Middleware {
  return new TranscriptMiddleware(store, logger);
}
