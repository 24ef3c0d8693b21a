/**
 * Minutes per queue position from how fast agents have been claiming: an exponentially weighted
 * mean of the intervals between recent claims, bounded, and moving at most by a factor per refresh
 * so a waiting customer never sees the estimate jump (3 → 0.5 minutes per position).
 */
export interface ClaimRateOptions {
  /** Used until there are enough claims to learn from. */
  defaultMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  /** Weight of the newest interval. */
  alpha: number;
  /** Intervals longer than this say the desk was idle or closed, not how fast it works. */
  maxIntervalMinutes: number;
  /** Fewer usable intervals than this: keep the default. */
  minIntervals: number;
  /** Largest factor between two successive values. */
  maxStep: number;
}

export const CLAIM_RATE_DEFAULTS: ClaimRateOptions = {
  defaultMinutes: 3,
  minMinutes: 1,
  maxMinutes: 15,
  alpha: 0.3,
  maxIntervalMinutes: 60,
  minIntervals: 3,
  maxStep: 1.5,
};

/** claimTimes: recent claim times in any order; previous: the value shown until now. */
export function minutesPerPosition(
  claimTimes: Date[],
  previous: number | undefined,
  options: ClaimRateOptions = CLAIM_RATE_DEFAULTS,
): number {
  const times = claimTimes.map((d) => d.getTime()).sort((a, b) => a - b);
  const intervals: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const minutes = (times[i] - times[i - 1]) / 60000;
    if (minutes <= options.maxIntervalMinutes) intervals.push(minutes);
  }
  let value = options.defaultMinutes;
  if (intervals.length >= options.minIntervals) {
    for (const minutes of intervals) value = options.alpha * minutes + (1 - options.alpha) * value;
  }
  value = Math.min(options.maxMinutes, Math.max(options.minMinutes, value));
  if (previous !== undefined) value = Math.min(previous * options.maxStep, Math.max(previous / options.maxStep, value));
  return value;
}

/** Whole minutes for a position (at least 1), 0 for no position. */
export function estimateFor(position: number, perPosition: number): number {
  if (position <= 0) return 0;
  return Math.max(1, Math.ceil(position * perPosition));
}
