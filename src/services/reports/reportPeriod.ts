import { ValidationError } from '../errors';

/** A report's window: from inclusive, to exclusive. */
export interface ReportPeriod {
  from: Date;
  to: Date;
}

/** A date, or a date and time with an optional offset (ISO 8601, the forms browsers and scripts send). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const DAY_MS = 24 * 3600 * 1000;
/** Longest window one request may ask for: a year (and a leap day). */
export const MAX_REPORT_DAYS = 366;
/** Without from: this many days before to. */
export const DEFAULT_REPORT_DAYS = 30;

function parseInstant(field: string, value: unknown): Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) {
    throw new ValidationError(field, 'must be an ISO 8601 date or date and time (2026-12-01 or 2026-12-01T00:00:00Z)');
  }
  const at = new Date(value);
  // Date rolls 30 February over to March; the calendar day must exist as written.
  const day = value.slice(0, 10);
  if (Number.isNaN(at.getTime()) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw new ValidationError(field, 'is not a real date');
  }
  return at;
}

/**
 * The window of ?from=&to=. A date alone means midnight UTC. Without to: now; without from: 30 days
 * before to. from must lie before to, and the window spans at most a year.
 */
export function reportPeriod(query: { from?: unknown; to?: unknown }, now: Date = new Date()): ReportPeriod {
  const to = parseInstant('to', query.to) ?? now;
  const from = parseInstant('from', query.from) ?? new Date(to.getTime() - DEFAULT_REPORT_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime()) throw new ValidationError('from', 'must lie before to');
  if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * DAY_MS) {
    throw new ValidationError('to', `the window may span at most ${MAX_REPORT_DAYS} days`);
  }
  return { from, to };
}

/** The calendar days (YYYY-MM-DD in the time zone) the window touches, in order. */
export function daysOf(period: ReportPeriod, timeZone: string): string[] {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const day = (at: number) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
  const days: string[] = [];
  // Hourly steps find every local day, daylight saving changes included.
  for (let at = period.from.getTime(); at < period.to.getTime(); at += 3600 * 1000) {
    const today = day(at);
    if (days[days.length - 1] !== today) days.push(today);
  }
  const last = day(period.to.getTime() - 1);
  if (days[days.length - 1] !== last) days.push(last);
  return days;
}
