/**
 * Positions, wait estimates and the desk's figures. Positions come from an in-memory index of the
 * live queue (QueueIndex), kept current from the handoff events of every instance and read anew
 * from MongoDB at start, every RESYNC_MS while the event feed runs, and after a gap in the feed.
 * Without a running feed (a service that was never started) it is read anew when older than
 * UNFOLLOWED_MAX_AGE_MS, as a plain snapshot would be.
 */
import type { HandoffSettingsSource } from './businessHours';
import { ClaimRateOptions, CLAIM_RATE_DEFAULTS, estimateFor, minutesPerPosition } from './claimRate';
import type { HandoffRecord, HandoffStats } from './handoffModel';
import type { HandoffStore } from './handoffStore';
import { QueueEntry, QueueIndex, queueKey } from './queueIndex';

const UNFOLLOWED_MAX_AGE_MS = 1000;
/** A safety net under the events: a change whose event was never stored is in the index after this. */
const RESYNC_MS = 30_000;
const RATE_REFRESH_MS = 15000;
const RATE_SAMPLE = 20;

export class QueueFigures {
  private index = new QueueIndex();
  /** When the index was last read from MongoDB (0: never, or a reread is due before the next answer). */
  private readAt = 0;
  private reading?: Promise<void>;
  /** Counts invalidations: a read that began before the last one does not count as fresh. */
  private generation = 0;
  /** Events that arrived while a read was under way, applied again on top of what it read. */
  private arrivedDuringRead?: QueueEntry[];
  /** True while an event feed keeps the index current (HandoffService.start). */
  private following = false;
  private rate?: { value: number; until: number };

  constructor(
    private readonly store: HandoffStore,
    private readonly settings: HandoffSettingsSource,
    private readonly now: () => Date,
    private readonly rateOptions: ClaimRateOptions = CLAIM_RATE_DEFAULTS,
  ) {}

  /** 1 + waiting live handoffs ahead: lower priority number, or same priority and older. */
  async positionOf(record: Pick<HandoffRecord, 'priority' | 'createdAt'>): Promise<number> {
    await this.current();
    return this.index.rank(queueKey(record.priority, record.createdAt)) + 1;
  }

  /** Waiting live handoffs this instance knows of. */
  async waitingLive(): Promise<number> {
    await this.current();
    return this.index.size;
  }

  /** One handoff as it is now (a record, a list item, an event's handoff): the index follows it. */
  follow(entry: QueueEntry): void {
    this.index.follow(entry);
    this.arrivedDuringRead?.push(entry);
  }

  /** From now on the event feed keeps the index current: it is read anew only every RESYNC_MS. */
  followFeed(following: boolean): void {
    this.following = following;
  }

  /** The feed may have missed events (or a caller wants certainty): the next answer reads the queue anew. */
  invalidate(): void {
    this.readAt = 0;
    this.generation++;
  }

  /** Reads the queue anew in the background, answering from the index meanwhile (a gap in the feed). */
  resync(): void {
    void this.read().catch(() => undefined);
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

  /** Waits only when the index must be read first; a due periodic reread runs in the background. */
  private async current(): Promise<void> {
    const age = this.now().getTime() - this.readAt;
    if (this.readAt === 0 || (!this.following && age >= UNFOLLOWED_MAX_AGE_MS)) {
      await this.read();
      // A read that began before the last invalidation may miss what it was about: once more.
      if (this.readAt === 0) await this.read();
      return;
    }
    if (age >= RESYNC_MS) this.resync();
  }

  /** Reads every waiting live handoff (three fields each) and replaces the index; one read at a time. */
  private read(): Promise<void> {
    this.reading ??= (async () => {
      const arrived: QueueEntry[] = [];
      this.arrivedDuringRead = arrived;
      const startedAt = this.now().getTime();
      const generation = this.generation;
      try {
        const docs = await this.store.model.collection
          .find({ status: 'queued', mode: 'live' }, { projection: { _id: 1, priority: 1, createdAt: 1 } })
          .toArray();
        const index = QueueIndex.of(
          docs.map((d) => ({ id: String(d._id), priority: Number(d.priority), createdAt: d.createdAt as Date })),
        );
        for (const entry of arrived) index.follow(entry);
        this.index = index;
        if (generation === this.generation) this.readAt = startedAt;
      } finally {
        if (this.arrivedDuringRead === arrived) this.arrivedDuringRead = undefined;
        this.reading = undefined;
      }
    })();
    return this.reading;
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
