import type { BusinessHours } from '../content/types';

/** The parts of the admin settings the queue needs; ContentProvider.settings() satisfies it. */
export interface HandoffSettings {
  timeZone: string;
  businessHours: BusinessHours;
  callbackOfferAfterMinutes: number;
}

export interface HandoffSettingsSource {
  settings(): Promise<HandoffSettings>;
}

const WEEKDAY: Record<string, string> = { Mon: '1', Tue: '2', Wed: '3', Thu: '4', Fri: '5', Sat: '6', Sun: '7' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

type LocalParts = { date: string; weekday: string; time: string };
/** The last minute asked per time zone: every ticket asks about now, and the answer changes once a minute. */
const lastMinute = new Map<string, { minute: number; parts: LocalParts }>();

function localParts(now: Date, timeZone: string): LocalParts {
  const minute = Math.floor(now.getTime() / 60000);
  const cached = lastMinute.get(timeZone);
  if (cached?.minute === minute) return cached.parts;
  const parts = computeLocalParts(now, timeZone);
  lastMinute.set(timeZone, { minute, parts });
  return parts;
}

function computeLocalParts(now: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAY[parts.weekday] ?? '1',
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** True while the service desk is staffed: within the day's hours ("24:00" = end of day), not a holiday. */
export function isWithinBusinessHours(hours: BusinessHours, timeZone: string, now: Date): boolean {
  const local = localParts(now, timeZone);
  if (hours.holidays.includes(local.date)) return false;
  const day = hours.weekly[local.weekday as keyof BusinessHours['weekly']];
  if (!day) return false;
  return local.time >= day[0] && local.time < day[1];
}

/** "Mo–Fr 08:00–20:00, Sa 09:00–16:00" (German) or "Mon–Fri ..." (English), grouping equal days. */
export function describeBusinessHours(hours: BusinessHours, lng: 'de' | 'en'): string {
  const names =
    lng === 'de' ? ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'] : ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const groups: { from: number; to: number; span: string }[] = [];
  for (let d = 1; d <= 7; d++) {
    const span = hours.weekly[String(d) as keyof BusinessHours['weekly']];
    if (!span) continue;
    const text = `${span[0]}–${span[1]}`;
    const last = groups[groups.length - 1];
    if (last && last.to === d - 1 && last.span === text) last.to = d;
    else groups.push({ from: d, to: d, span: text });
  }
  return groups.map((g) => `${names[g.from - 1]}${g.to > g.from ? `–${names[g.to - 1]}` : ''} ${g.span}`).join(', ');
}

/** Open around the clock; what the queue uses until admin settings are wired. */
export const ALWAYS_OPEN: HandoffSettings = {
  timeZone: 'Europe/Berlin',
  businessHours: {
    weekly: {
      1: ['00:00', '24:00'],
      2: ['00:00', '24:00'],
      3: ['00:00', '24:00'],
      4: ['00:00', '24:00'],
      5: ['00:00', '24:00'],
      6: ['00:00', '24:00'],
      7: ['00:00', '24:00'],
    },
    holidays: [],
  },
  callbackOfferAfterMinutes: 10,
};

const STEP_MS = 15 * 60000;
const HORIZON_MS = 21 * 86400000;

/**
 * The next moment the desk is staffed (now when it is), within three weeks; undefined when the
 * hours never open. Walks in quarter hours, then back minute by minute to the exact opening.
 */
export function nextOpening(hours: BusinessHours, timeZone: string, now: Date): Date | undefined {
  if (isWithinBusinessHours(hours, timeZone, now)) return now;
  const start = Math.ceil(now.getTime() / STEP_MS) * STEP_MS;
  for (let at = start; at - now.getTime() <= HORIZON_MS; at += STEP_MS) {
    if (!isWithinBusinessHours(hours, timeZone, new Date(at))) continue;
    let exact = at;
    while (exact - 60000 > now.getTime() && isWithinBusinessHours(hours, timeZone, new Date(exact - 60000)))
      exact -= 60000;
    return new Date(exact);
  }
  return undefined;
}

/**
 * Whether people are on duty now and, when not, when they are back: every ticket reports these two
 * facts from here, the queue's and the admin preview's alike, so an announcement never differs.
 */
export function staffingAt(
  settings: Pick<HandoffSettings, 'businessHours' | 'timeZone'>,
  now: Date,
): { staffed: boolean; reopensAt?: string } {
  const staffed = isWithinBusinessHours(settings.businessHours, settings.timeZone, now);
  const reopens = staffed ? undefined : nextOpening(settings.businessHours, settings.timeZone, now);
  return { staffed, ...(reopens ? { reopensAt: reopens.toISOString() } : {}) };
}

/** Local calendar date ("YYYY-MM-DD"), weekday name and clock time of an instant in a time zone. */
export function localMoment(
  at: Date,
  timeZone: string,
  lng: 'de' | 'en',
): { date: string; weekday: string; hour: number; minute: number } {
  const local = localParts(at, timeZone);
  const weekday = new Intl.DateTimeFormat(lng === 'de' ? 'de-DE' : 'en-GB', { timeZone, weekday: 'long' }).format(at);
  const [hour, minute] = local.time.split(':').map(Number);
  return { date: local.date, weekday, hour, minute };
}

/** Whole days between two local calendar dates ("YYYY-MM-DD"). */
export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / 86400000);
}
