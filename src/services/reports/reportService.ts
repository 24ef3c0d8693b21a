import type { Connection, Model } from 'mongoose';
import { HandoffDoc, handoffModel } from '../handoff/handoffModel';
import { daysOf, ReportPeriod } from './reportPeriod';
import { percentile, rate, round1 } from './percentiles';

export interface CategoryFigures {
  handoffs: number;
  abandoned: number;
  waitSecondsP50: number | null;
  csatAverage: number | null;
}

export interface DayFigures {
  /** YYYY-MM-DD in the service's time zone. */
  date: string;
  conversations: number;
  handoffs: number;
  abandoned: number;
  waitSecondsP50: number | null;
  csatAverage: number | null;
}

/** GET /api/reports/summary. Rates are fractions (0.25 = 25 %); figures without data are null. */
export interface ReportSummary {
  from: string;
  to: string;
  timeZone: string;
  /** Customer conversations with a customer message in the window (from the transcripts). */
  conversations: number;
  /** Handoffs created in the window. */
  handoffs: number;
  handoffRate: number | null;
  /** Handoffs with status abandoned: the customer left a live wait before anyone came. */
  abandoned: number;
  /** abandoned / live handoffs (a callback request cannot be abandoned). */
  abandonmentRate: number | null;
  /** From creation to claim, handoffs claimed. */
  waitSeconds: { p50: number | null; p90: number | null; max: number | null };
  /** From claim to resolution, resolved handoffs. */
  handleSeconds: { p50: number | null };
  /** The customers' survey ratings (1–5). */
  csat: { average: number | null; count: number };
  byCategory: Record<string, CategoryFigures>;
  byDay: DayFigures[];
}

interface Totals {
  handoffs: number;
  live: number;
  abandoned: number;
  ratingSum: number;
  ratings: number;
}
interface Group {
  _id: string;
  handoffs: number;
  abandoned: number;
  ratingSum: number;
  ratings: number;
}
interface Duration {
  key: string;
  day: string;
  seconds: number;
}
interface HandoffFacets {
  totals: Totals[];
  byCategory: Group[];
  byDay: Group[];
  waits: Duration[];
  handles: { seconds: number }[];
}

const hasRating = { $gt: ['$survey.rating', null] };
const countIf = (condition: unknown) => ({ $sum: { $cond: [condition, 1, 0] } });
const groupFigures = {
  handoffs: { $sum: 1 },
  abandoned: countIf({ $eq: ['$status', 'abandoned'] }),
  ratingSum: { $sum: { $cond: [hasRating, '$survey.rating', 0] } },
  ratings: countIf(hasRating),
};
const seconds = (later: string, earlier: string) => ({ $divide: [{ $subtract: [later, earlier] }, 1000] });

/**
 * Figures for supervisors over a window, computed in the database with aggregation pipelines that
 * also the local development server runs ($facet, $group, $dateToString with a time zone); only
 * percentiles are picked from the sorted durations here, as $percentile is not available everywhere.
 */
export class ReportService {
  private readonly handoffs: Model<HandoffDoc>;

  constructor(
    private readonly connection: Connection,
    private readonly timeZone: string,
  ) {
    this.handoffs = handoffModel(connection);
  }

  async summary(period: ReportPeriod): Promise<ReportSummary> {
    const [facets, conversations] = await Promise.all([this.handoffFacets(period), this.conversations(period)]);
    const totals = facets.totals[0] ?? { handoffs: 0, live: 0, abandoned: 0, ratingSum: 0, ratings: 0 };
    const waits = facets.waits.map((w) => w.seconds);
    const handles = facets.handles.map((h) => h.seconds);
    const waitsBy = (pick: (d: Duration) => string) => {
      const grouped = new Map<string, number[]>();
      // The durations arrive sorted, so every group's list is sorted too.
      for (const wait of facets.waits) {
        const list = grouped.get(pick(wait));
        if (list) list.push(wait.seconds);
        else grouped.set(pick(wait), [wait.seconds]);
      }
      return (key: string) => round1(percentile(grouped.get(key) ?? [], 0.5));
    };
    const waitOfCategory = waitsBy((d) => d.key);
    const waitOfDay = waitsBy((d) => d.day);
    const average = (g: { ratingSum: number; ratings: number }) =>
      g.ratings > 0 ? Math.round((g.ratingSum / g.ratings) * 100) / 100 : null;

    const byCategory: Record<string, CategoryFigures> = {};
    for (const group of [...facets.byCategory].sort((a, b) => b.handoffs - a.handoffs)) {
      byCategory[group._id] = {
        handoffs: group.handoffs,
        abandoned: group.abandoned,
        waitSecondsP50: waitOfCategory(group._id),
        csatAverage: average(group),
      };
    }
    const days = new Map(facets.byDay.map((d) => [d._id, d]));
    const byDay = daysOf(period, this.timeZone).map((date): DayFigures => {
      const day = days.get(date) ?? { _id: date, handoffs: 0, abandoned: 0, ratingSum: 0, ratings: 0 };
      return {
        date,
        conversations: conversations.byDay.get(date) ?? 0,
        handoffs: day.handoffs,
        abandoned: day.abandoned,
        waitSecondsP50: waitOfDay(date),
        csatAverage: average(day),
      };
    });
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      timeZone: this.timeZone,
      conversations: conversations.total,
      handoffs: totals.handoffs,
      handoffRate: rate(totals.handoffs, conversations.total),
      abandoned: totals.abandoned,
      abandonmentRate: rate(totals.abandoned, totals.live),
      waitSeconds: {
        p50: round1(percentile(waits, 0.5)),
        p90: round1(percentile(waits, 0.9)),
        max: round1(waits.length > 0 ? waits[waits.length - 1] : null),
      },
      handleSeconds: { p50: round1(percentile(handles, 0.5)) },
      csat: { average: average(totals), count: totals.ratings },
      byCategory,
      byDay,
    };
  }

  private async handoffFacets(period: ReportPeriod): Promise<HandoffFacets> {
    const day = { $dateToString: { format: '%Y-%m-%d', date: '$createdAt', timezone: this.timeZone } };
    const [facets] = await this.handoffs.aggregate<HandoffFacets>([
      { $match: { createdAt: { $gte: period.from, $lt: period.to } } },
      {
        $facet: {
          totals: [
            { $group: { _id: null, ...groupFigures, live: countIf({ $eq: ['$mode', 'live'] }) } },
            { $project: { _id: 0 } },
          ],
          byCategory: [{ $group: { _id: '$category', ...groupFigures } }],
          byDay: [{ $group: { _id: day, ...groupFigures } }],
          waits: [
            { $match: { claimedAt: { $ne: null } } },
            { $project: { _id: 0, key: '$category', day, seconds: seconds('$claimedAt', '$createdAt') } },
            { $sort: { seconds: 1 } },
          ],
          handles: [
            { $match: { status: 'resolved', claimedAt: { $ne: null }, closedAt: { $ne: null } } },
            { $project: { _id: 0, seconds: seconds('$closedAt', '$claimedAt') } },
            { $sort: { seconds: 1 } },
          ],
        },
      },
    ]);
    return facets ?? { totals: [], byCategory: [], byDay: [], waits: [], handles: [] };
  }

  /**
   * Conversations in which a customer wrote during the window, and per day those in which they
   * wrote that day. Transcripts are kept per conversation (the agents' Teams chats are not
   * customers), so this reaches back only as far as transcripts are kept.
   */
  private async conversations(period: ReportPeriod): Promise<{ total: number; byDay: Map<string, number> }> {
    const inWindow = { $gte: period.from, $lt: period.to };
    const [result] = await this.connection
      .collection('transcripts')
      .aggregate<{ total: { n: number }[]; byDay: { _id: string; n: number }[] }>([
        { $match: { _id: { $not: /^msteams:/ }, lines: { $elemMatch: { from: 'customer', at: inWindow } } } },
        {
          $facet: {
            total: [{ $count: 'n' }],
            byDay: [
              { $unwind: '$lines' },
              { $match: { 'lines.from': 'customer', 'lines.at': inWindow } },
              {
                $group: {
                  _id: {
                    conversation: '$_id',
                    day: { $dateToString: { format: '%Y-%m-%d', date: '$lines.at', timezone: this.timeZone } },
                  },
                },
              },
              { $group: { _id: '$_id.day', n: { $sum: 1 } } },
            ],
          },
        },
      ])
      .toArray();
    return {
      total: result?.total[0]?.n ?? 0,
      byDay: new Map((result?.byDay ?? []).map((d) => [d._id, d.n])),
    };
  }
}
