import type { TFunction } from 'i18next';
import type { BusinessHours } from '../services/content/types';
import { foldedText } from './interpreter/cues';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** "Wann habt ihr geöffnet?", "Servicezeiten", "opening hours": when people are on duty. */
const ASKS_HOURS =
  /(?:^| )(?:ofnungszeit\w*|servicezeit\w*|geschaftszeit\w*|sprechzeit\w*|erreichbarkeit|wan habt ihr (?:geofnet|ofen|auf)|wan sind sie (?:erreichbar|da)|wan seid ihr (?:erreichbar|da)|wan ist (?:der chat|ihr team|euer team) (?:besetzt|erreichbar)|opening hours|business hours|service hours|when are you open)(?= |$)/;

/** "Öffnungszeiten Shop Hamburg", "Filiale am Bahnhof": a shop's hours, which the shop entry answers. */
const SHOP = /(?:^| )(?:shop|shops|filiale|filialen|laden|geschaft|store|stores)(?= |$)/;

/** Whether the customer asks when the service team is there (not when a shop is open). */
export function asksServiceHours(text: string): boolean {
  const folded = foldedText(text);
  return ASKS_HOURS.test(folded) && !SHOP.test(folded);
}

/** "8 Uhr", "8:30 Uhr" from "08:00", "08:30". */
function clock(t: TFunction, value: string): string {
  const [hour, minute] = value.split(':').map(Number);
  return minute === 0
    ? t('handoff:when.hour', { hour })
    : t('handoff:when.hourMinute', { hour, minute: String(minute).padStart(2, '0') });
}

/**
 * The weekly hours in words, equal neighbouring days joined: "Mo–Fr 8–20 Uhr, Sa 9–16 Uhr".
 * Empty when no day has hours.
 */
export function describeHours(t: TFunction, hours: BusinessHours): string {
  const spans: { first: string; last: string; span: [string, string] }[] = [];
  for (const day of DAYS) {
    const span = hours.weekly[day];
    if (!span) continue;
    const previous = spans.at(-1);
    const adjacent = previous && Number(previous.last) + 1 === Number(day);
    if (previous && adjacent && previous.span[0] === span[0] && previous.span[1] === span[1]) previous.last = day;
    else spans.push({ first: day, last: day, span });
  }
  return spans
    .map(({ first, last, span }) => {
      const days =
        first === last
          ? t(`conversation:serviceHours.day.${first}`)
          : `${t(`conversation:serviceHours.day.${first}`)}–${t(`conversation:serviceHours.day.${last}`)}`;
      return t('conversation:serviceHours.span', { days, from: clock(t, span[0]), to: clock(t, span[1]) });
    })
    .join(', ');
}
