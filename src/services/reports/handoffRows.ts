import type { Connection, Model } from 'mongoose';
import { HandoffDoc, handoffModel, PRIORITY_NAMES } from '../handoff/handoffModel';
import { maskSensitive } from '../privacy/masking';
import type { CsvCell } from './csv';
import type { ReportPeriod } from './reportPeriod';

export const HANDOFF_CSV_COLUMNS = [
  'id',
  'createdAt',
  'status',
  'mode',
  'channel',
  'category',
  'reason',
  'priority',
  'needsSupervisor',
  'frustrationLevel',
  'claimedAt',
  'closedAt',
  'waitSeconds',
  'handleSeconds',
  'agent',
  'csat',
  'customer',
  'summary',
] as const;

/** Most rows one export writes; a longer window is cut (the last row says so). */
export const MAX_CSV_ROWS = 100_000;

/** "Maria Muster" -> "M. M.": enough to tell rows apart, not enough to name anyone. */
export function initials(name: string | undefined): string {
  if (!name) return '';
  return name
    .split(/\s+/)
    .filter((part) => part !== '')
    .map((part) => `${[...part][0]}.`)
    .join(' ');
}

const secondsBetween = (later?: Date, earlier?: Date): number | null =>
  later && earlier ? Math.round((later.getTime() - earlier.getTime()) / 1000) : null;

type RowDoc = Pick<
  HandoffDoc,
  | '_id'
  | 'createdAt'
  | 'status'
  | 'mode'
  | 'category'
  | 'reason'
  | 'priority'
  | 'needsSupervisor'
  | 'frustration'
  | 'claimedAt'
  | 'closedAt'
  | 'agent'
  | 'survey'
  | 'customer'
  | 'summary'
>;

/** The handoffs of a window as CSV cells, oldest first, masked: no ids of customers, initials only. */
export class HandoffRows {
  private readonly handoffs: Model<HandoffDoc>;

  constructor(connection: Connection) {
    this.handoffs = handoffModel(connection);
  }

  async *rows(period: ReportPeriod): AsyncGenerator<CsvCell[]> {
    const cursor = this.handoffs
      .find({ createdAt: { $gte: period.from, $lt: period.to } })
      .select({
        createdAt: 1,
        status: 1,
        mode: 1,
        category: 1,
        reason: 1,
        priority: 1,
        needsSupervisor: 1,
        frustration: 1,
        claimedAt: 1,
        closedAt: 1,
        agent: 1,
        survey: 1,
        'customer.channel': 1,
        'customer.name': 1,
        'summary.text': 1,
      })
      .sort({ createdAt: 1 })
      .limit(MAX_CSV_ROWS + 1)
      .lean<RowDoc>()
      // The operation bound (MONGODB_TIMEOUT_MS) counts per batch, not for the whole report, which
      // streams at the pace of whoever downloads it.
      .cursor({ timeoutMode: 'iteration' });
    let count = 0;
    for await (const doc of cursor) {
      if (++count > MAX_CSV_ROWS) {
        yield [`more than ${MAX_CSV_ROWS} handoffs: choose a shorter window`];
        break;
      }
      yield [
        String(doc._id),
        doc.createdAt?.toISOString(),
        doc.status,
        doc.mode,
        doc.customer?.channel,
        doc.category,
        doc.reason,
        PRIORITY_NAMES[doc.priority] ?? String(doc.priority),
        doc.needsSupervisor,
        doc.frustration?.level,
        doc.claimedAt?.toISOString(),
        doc.closedAt?.toISOString(),
        secondsBetween(doc.claimedAt, doc.createdAt),
        doc.status === 'resolved' ? secondsBetween(doc.closedAt, doc.claimedAt) : null,
        doc.agent?.name,
        doc.survey?.rating,
        initials(doc.customer?.name),
        doc.summary?.text ? maskSensitive(doc.summary.text) : '',
      ];
    }
  }
}
