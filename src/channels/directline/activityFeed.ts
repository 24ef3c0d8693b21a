import type { Activity } from 'botbuilder';

/** What happened in a conversation: something was stored (read it after the watermark), or a passing signal. */
export type FeedEvent = { kind: 'stored' } | { kind: 'ephemeral'; activity: Partial<Activity> };

export type FeedListener = (event: FeedEvent) => void;

/**
 * In-process news of local Direct Line conversations, so an open stream sends an answer the moment
 * it is stored instead of at its next look. Typing indicators travel only here: they are never
 * stored, since a replayed "typing" after a reload would be a lie. Another instance's writes reach
 * a stream through its periodic look at the store.
 */
export class DirectLineActivityFeed {
  private readonly listeners = new Map<string, Set<FeedListener>>();

  /** Starts listening to one conversation; the returned function stops it. */
  subscribe(conversationId: string, listener: FeedListener): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) {
      set = new Set();
      this.listeners.set(conversationId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(conversationId) === set) this.listeners.delete(conversationId);
    };
  }

  stored(conversationId: string): void {
    this.emit(conversationId, { kind: 'stored' });
  }

  ephemeral(conversationId: string, activity: Partial<Activity>): void {
    this.emit(conversationId, { kind: 'ephemeral', activity });
  }

  /** Conversations with someone listening on this instance. */
  get conversations(): number {
    return this.listeners.size;
  }

  private emit(conversationId: string, event: FeedEvent): void {
    for (const listener of [...(this.listeners.get(conversationId) ?? [])]) listener(event);
  }
}
