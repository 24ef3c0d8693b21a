/**
 * Per-client token bucket: `perMinute` requests a minute with bursts up to the same number.
 * In memory per instance on purpose: it protects this process from a flood; it is not a quota.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for the client; false when the client is over its limit. */
  take(client: string): boolean {
    if (this.perMinute <= 0) return true;
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, updated: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.updated) / 60000) * this.perMinute);
    bucket.updated = now;
    if (this.buckets.size > 50000) this.buckets.clear();
    this.buckets.set(client, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Seconds until the client has a token again. */
  retryAfterSeconds(client: string): number {
    const bucket = this.buckets.get(client);
    if (!bucket || this.perMinute <= 0) return 0;
    return Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute);
  }
}
