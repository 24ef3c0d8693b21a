/** The time source of the conversation, so tests can meet the bot at 3 a.m. on a Sunday. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type DayPart = 'morning' | 'day' | 'evening';

// Building an Intl.DateTimeFormat costs far more than using one; a deployment has one or two zones.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23', weekday: 'short' });
    formats.set(timeZone, format);
  }
  return format;
}

/** A day as the customer reads it: "14.12.2026" in German, "14/12/2026" in English, in the company's zone. */
export function calendarDate(at: Date, lang: 'de' | 'en', timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(at);
}

/** The hour and ISO weekday (1 Monday .. 7 Sunday) of an instant in a time zone. */
export function localTime(at: Date, timeZone: string): { hour: number; weekday: number } {
  const parts = formatFor(timeZone).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '12');
  const weekday =
    ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.find((p) => p.type === 'weekday')?.value ?? 'Mon') +
    1;
  return { hour, weekday };
}

/** Guten Morgen from 5 to 11, Guten Tag until 18, Guten Abend for the evening and the night. */
export function dayPart(at: Date, timeZone: string): DayPart {
  const { hour } = localTime(at, timeZone);
  if (hour >= 5 && hour < 11) return 'morning';
  if (hour >= 11 && hour < 18) return 'day';
  return 'evening';
}

/**
 * The goodbye that matches the greeting ("Guten Abend" from 18 o'clock until 5): a good evening,
 * and a good night from 22 o'clock on (not "einen schönen Tag" at three in the morning).
 */
export function goodbyeKey(at: Date, timeZone: string): string {
  if (dayPart(at, timeZone) !== 'evening') return 'conversation:closing.goodbye';
  const { hour } = localTime(at, timeZone);
  return hour >= 22 || hour < 5 ? 'conversation:closing.goodbyeNight' : 'conversation:closing.goodbyeEvening';
}
