/**
 * Paces sends per customer: one at a time and in order, at least `minGapMs` apart, and no more
 * than Meta's pair rate on average (a token bucket: a turn's short burst of replies goes out at
 * once, a longer stream slows to about one message every 6 s). Per process: a guard against our
 * own bursts, while 131056 from Meta remains the authority (retried with backoff by the client).
 */
export class RecipientPacer {
  private readonly lanes = new Map<
    string,
    { tail: Promise<unknown>; tokens: number; refilledAt: number; lastSentAt: number }
  >();

  constructor(
    private readonly options: { minGapMs: number; burst: number; refillMs: number },
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  run<T>(recipient: string, task: () => Promise<T>): Promise<T> {
    const lane = this.lanes.get(recipient) ?? {
      tail: Promise.resolve(),
      tokens: this.options.burst,
      refilledAt: Date.now(),
      lastSentAt: 0,
    };
    this.lanes.set(recipient, lane);
    const result = lane.tail.then(async () => {
      const now = Date.now();
      lane.tokens = Math.min(this.options.burst, lane.tokens + (now - lane.refilledAt) / this.options.refillMs);
      lane.refilledAt = now;
      let wait = Math.max(0, lane.lastSentAt + this.options.minGapMs - now);
      if (lane.tokens < 1) wait = Math.max(wait, (1 - lane.tokens) * this.options.refillMs);
      if (wait > 0) await this.sleep(wait);
      lane.tokens = Math.max(0, lane.tokens - 1);
      try {
        return await task();
      } finally {
        lane.lastSentAt = Date.now();
      }
    });
    const tail = result.catch(() => undefined);
    lane.tail = tail;
    // Forget idle customers so the map does not grow with every number we ever wrote to.
    void tail.then(() => {
      const idleFor = this.options.refillMs * this.options.burst;
      setTimeout(() => {
        if (this.lanes.get(recipient) === lane && lane.tail === tail) this.lanes.delete(recipient);
      }, idleFor).unref();
    });
    return result;
  }
}
