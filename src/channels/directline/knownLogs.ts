/** What this instance knows of one conversation's activity log. */
export interface KnownLog {
  /** The next sequence number to try; another instance may have taken it (the insert then says so). */
  next: number;
  /** When the conversation was last seen to exist in MongoDB (Date.now()). */
  confirmedAt: number;
}

/** Conversations remembered at most; the oldest are forgotten first and cost one read when they return. */
const MAX_KNOWN = 10_000;

/**
 * The sequence numbers this instance hands out per Direct Line conversation, so an append is one
 * insert (the unique index on conversation and sequence is the arbiter between instances) instead
 * of an atomic counter update plus an insert. Bounded: least recently used entries go first.
 */
export class KnownLogs {
  private readonly logs = new Map<string, KnownLog>();

  constructor(
    /** How long a confirmation that the conversation exists is trusted (an erasure elsewhere counts after this). */
    private readonly trustMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The entry while its confirmation is fresh. */
  fresh(conversationId: string): KnownLog | undefined {
    const log = this.logs.get(conversationId);
    return log && this.now() - log.confirmedAt < this.trustMs ? log : undefined;
  }

  get(conversationId: string): KnownLog | undefined {
    return this.logs.get(conversationId);
  }

  /** Remembers a confirmed log; never moves `next` back below what was already handed out here. */
  confirm(conversationId: string, next: number): KnownLog {
    const earlier = this.logs.get(conversationId);
    const log = { next: Math.max(next, earlier?.next ?? 0), confirmedAt: this.now() };
    this.logs.delete(conversationId);
    this.logs.set(conversationId, log);
    if (this.logs.size > MAX_KNOWN) this.logs.delete(this.logs.keys().next().value as string);
    return log;
  }

  forget(conversationId: string): void {
    this.logs.delete(conversationId);
  }
}
