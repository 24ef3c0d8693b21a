/**
 * Positions, wait estimates and the desk's figures. Positions are answered from a sorted snapshot
 * of the live queue that is at most QUEUE_SNAPSHOT_MS old and dropped on every queue event, so the
 * waiting-update sweep costs one query per pass, not one per customer.
 */
import type { HandoffSettingsSource } from './businessHours';
import { ClaimRateOptions, CLAIM_RATE_DEFAULTS, estimateFor, minutesPerPosition } from './claimRate';
import type { HandoffRecord, HandoffStats } from './handoffModel';
import type { HandoffStore } from './handoffStore';

const QUEUE_SNAPSHOT_MS = 1000;
/** Spreads priorities apart in one sortable number: far more than any epoch millisecond value. */
const QUEUE_KEY_PRIORITY_SPAN = 1e14;
const RATE_REFRESH_MS = 15000;
const RATE_SAMPLE = 20;

export class QueueFigures {
  private snapshot?: { at: number; keys: Promise<Float64Array> };
  private rate?: { value: number; until: number };

  constructor(
    private readonly store: HandoffStore,
    private readonly settings: HandoffSettingsSource,
    private readonly now: () => Date,
    private readonly rateOptions: ClaimRateOptions = CLAIM_RATE_DEFAULTS,
  ) {}

  /** 1 + waiting live handoffs ahead: lower priority number, or same priority and older. */
  async positionOf(record: Pick<HandoffRecord, 'priority' | 'createdAt'>): Promise<number> {
    const keys = await this.queueKeys();
    const target = record.priority * QUEUE_KEY_PRIORITY_SPAN + new Date(record.createdAt).getTime();
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (keys[mid] < target) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  }

  /** Drops the queue snapshot, so the next position comes from the database. */
  invalidate(): void {
    this.snapshot = undefined;
  }

  /** A claim happened: the next estimate learns from it. */
  claimed(): void {
    if (this.rate) this.rate.until = 0;
  }

  /** Whole minutes for a position, from the smoothed recent claim rate (at least 1). */
  async estimateMinutes(position: number): Promise<number> {
    if (position <= 0) return 0;
    return estimateFor(position, await this.minutesPerPosition());
  }

  async minutesPerPosition(): Promise<number> {
    const cached = this.rate;
    if (cached && cached.until > Date.now()) return cached.value;
    const recent = await this.store.model
      .find({ claimedAt: { $exists: true } }, { claimedAt: 1 })
      .sort({ claimedAt: -1 })
      .limit(RATE_SAMPLE)
      .lean();
    const value = minutesPerPosition(
      recent.map((d) => d.claimedAt!),
      cached?.value,
      this.rateOptions,
    );
    this.rate = { value, until: Date.now() + RATE_REFRESH_MS };
    return value;
  }

  /** Figures for the desk: waiting now, longest wait, today's handoffs, time to claim, satisfaction. */
  async stats(): Promise<HandoffStats> {
    const now = this.now();
    const settings = await this.settings.settings();
    const dayStart = startOfLocalDay(now, settings.timeZone);
    const model = this.store.model;
    const [waitingNow, oldest, handoffsToday, claimed, rated] = await Promise.all([
      model.countDocuments({ status: 'queued' }),
      model.findOne({ status: 'queued' }, { createdAt: 1 }).sort({ createdAt: 1 }).lean(),
      model.countDocuments({ createdAt: { $gte: dayStart } }),
      model
        .find({ claimedAt: { $gte: dayStart } }, { createdAt: 1, claimedAt: 1 })
        .limit(5000)
        .lean(),
      model
        .find(
          { 'survey.rating': { $gte: 1 }, closedAt: { $gte: new Date(now.getTime() - 30 * 86400000) } },
          { 'survey.rating': 1 },
        )
        .limit(5000)
        .lean(),
    ]);
    const claimSeconds = claimed
      .filter((d) => d.claimedAt)
      .map((d) => (d.claimedAt!.getTime() - d.createdAt.getTime()) / 1000);
    const ratings = rated.map((d) => d.survey?.rating ?? 0).filter((r) => r >= 1);
    return {
      waitingNow,
      longestWaitSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000)) : 0,
      handoffsToday,
      averageTimeToClaimSeconds: claimSeconds.length
        ? Math.round(claimSeconds.reduce((a, b) => a + b, 0) / claimSeconds.length)
        : null,
      satisfactionAverage: ratings.length
        ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100
        : null,
      satisfactionCount: ratings.length,
    };
  }

  /** Queue order as one number per waiting live handoff: priority first, then creation time. */
  private queueKeys(): Promise<Float64Array> {
    const cached = this.snapshot;
    if (cached && this.now().getTime() - cached.at < QUEUE_SNAPSHOT_MS) return cached.keys;
    const at = this.now().getTime();
    const keys = this.store.model
      .find({ status: 'queued', mode: 'live' }, { _id: 0, priority: 1, createdAt: 1 })
      .lean()
      .then((docs) =>
        Float64Array.from(
          docs.map((d) => d.priority * QUEUE_KEY_PRIORITY_SPAN + new Date(d.createdAt).getTime()),
        ).sort(),
      );
    this.snapshot = { at, keys };
    keys.catch(() => {
      if (this.snapshot?.keys === keys) this.snapshot = undefined;
    });
    return keys;
  }
}

function startOfLocalDay(now: Date, timeZone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const sinceMidnight =
    (Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second)) * 1000 + now.getMilliseconds();
  return new Date(now.getTime() - sinceMidnight);
}
