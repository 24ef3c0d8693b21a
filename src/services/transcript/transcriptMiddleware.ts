import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { conversationKey, TranscriptLine, TranscriptStore } from './transcriptStore';

/**
 * Keeps each conversation's recent messages (masked) in MongoDB. Unlike botbuilder's
 * TranscriptLoggerMiddleware, which writes after the turn, the customer's message is stored before
 * the bot runs, so a handoff requested in this very turn already sees it. A failed write is logged
 * and never breaks the turn.
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
    if (incoming.type === 'message' && typeof incoming.text === 'string' && incoming.text.trim() !== '') {
      await this.write(key, [{ at: new Date(), from: 'customer', text: incoming.text }]);
    }
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      const responses = await sendNext();
      const lines = activities.filter(isTextMessage).map((a): TranscriptLine => ({ at: new Date(), from: 'bot', text: a.text! }));
      if (lines.length > 0) await this.write(key, lines);
      return responses;
    });
    await next();
  }

  private async write(key: string, lines: TranscriptLine[]): Promise<void> {
    try {
      await this.store.append(key, lines);
    } catch (err) {
      this.logger.warn({ conversationId: key, err: (err as Error).message }, 'transcript not stored');
    }
  }
}

function isTextMessage(activity: Partial<Activity>): boolean {
  return activity.type === 'message' && typeof activity.text === 'string' && activity.text.trim() !== '';
}

/** For every adapter that serves customers: `adapter.use(createTranscriptMiddleware(store, logger))`. */
export function createTranscriptMiddleware(store: TranscriptStore, logger: Logger): Middleware {
  return new TranscriptMiddleware(store, logger);
}
