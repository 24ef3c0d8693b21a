import { foldTokens, normalizeText } from '../../services/nlu/normalize';
import { ibanValid } from '../../services/privacy/masking';
import { trimTrailing } from '../../services/text/trim';

/**
 * Reading the values a form asks for out of what customers actually write: "Kundennummer
 * 4711-0815", "21. Jänner 1980", "+43 664 1234567", "Meine neue Adresse ist …". Each reader
 * returns the clean value or undefined; none accepts a yes/no, a sentence or a protest.
 */

const MONTHS: Record<string, number> = {
  januar: 1,
  janner: 1,
  jaenner: 1,
  jan: 1,
  january: 1,
  februar: 2,
  feber: 2,
  feb: 2,
  february: 2,
  marz: 3,
  maerz: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  dez: 12,
  december: 12,
  dec: 12,
};

const NUMERIC_DATE = /(?:^|\D)(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?!\d)/;
const ISO_DATE = /(?:^|\D)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
const WORD_DATE = /(?:^|\D)(\d{1,2})\.? ?([a-z]{3,9})\.? ?(\d{4})(?!\d)/;
const ENGLISH_DATE = /(?:^|[^a-z])([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?!\d)/;

function plausibleDate(day: number, month: number, year: number, now: Date): string | undefined {
  const parsed = new Date(Date.UTC(year, month - 1, day));
  if (
    parsed.getUTCDate() !== day ||
    parsed.getUTCMonth() !== month - 1 ||
    year < 1900 ||
    parsed.getTime() > now.getTime()
  )
    return undefined;
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

/** A date of birth as DD.MM.YYYY: 21.05.1980, 21.5.80, 1980-05-21, "21. Mai 1980", "21. Jänner 1980", "May 21, 1980". */
export function parseDate(text: string, now: Date = new Date()): string | undefined {
  const raw = text.trim();
  const numeric = NUMERIC_DATE.exec(raw);
  if (numeric) {
    let year = Number(numeric[3]);
    if (numeric[3].length === 2) year += year > now.getUTCFullYear() % 100 ? 1900 : 2000;
    return plausibleDate(Number(numeric[1]), Number(numeric[2]), year, now);
  }
  const iso = ISO_DATE.exec(raw);
  if (iso) return plausibleDate(Number(iso[3]), Number(iso[2]), Number(iso[1]), now);
  const lower = normalizeText(raw.replace(/\./g, '. ')).replace(/ +/g, ' ');
  const worded = WORD_DATE.exec(lower);
  if (worded && MONTHS[worded[2]] !== undefined)
    return plausibleDate(Number(worded[1]), MONTHS[worded[2]], Number(worded[3]), now);
  const english = ENGLISH_DATE.exec(lower);
  if (english && MONTHS[english[1]] !== undefined)
    return plausibleDate(Number(english[2]), MONTHS[english[1]], Number(english[3]), now);
  return undefined;
}

/** "ab sofort", "sofort", "ab heute", "ab jetzt", "immediately", "from today" (folded). */
const FROM_NOW =
  /(?:^| )(?:ab sofort|sofort|ab heute|ab jetzt|heute|gleich|schon umgezogen|bereits umgezogen|imediately|right away|from today|from now on|today|now)(?= |$)/;
/** "1.5.", "01.05.2027", "1.5.27", "1/5/2027": a day and month, the year optional. */
const MOVE_NUMERIC = /(?<![\d./])(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})?(?![\d/])/g;
const MOVE_ISO = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g;
/** "1. Februar", "1 Feber 2027", "am ersten März" is not read (words for numbers). */
const DAY_MONTH_WORD = /(?:^|\D)(\d{1,2})\.? ?([a-z]{3,9})(?: (\d{4}))?(?![a-z\d])/;
/** "February 1st", "Feb 1, 2027". */
const MONTH_DAY_WORD = /(?:^|[^a-z])([a-z]{3,9}) (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?(?![\d])/;
/** A move long past is no move date; one this far back is read as next year's. */
const MOVE_PAST_DAYS = 60;

/** The day as DD.MM.YYYY; without a year the next such day, unless it was only just past (a move already made). */
function moveDay(day: number, month: number, year: number | undefined, now: Date): string | undefined {
  const thisYear = now.getUTCFullYear();
  let y = year !== undefined ? (year < 100 ? 2000 + year : year) : thisYear;
  let date = new Date(Date.UTC(y, month - 1, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  const daysAgo = (now.getTime() - date.getTime()) / 86_400_000;
  if (year === undefined && daysAgo > MOVE_PAST_DAYS) {
    y += 1;
    date = new Date(Date.UTC(y, month - 1, day));
  } else if (daysAgo > 366 || -daysAgo > 2 * 366) return undefined;
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${y}`;
}

/**
 * The day a new address applies from, as DD.MM.YYYY, or "now": "ab dem 1.5.", "erst am 1. Februar",
 * "zum 01.03.2027", "1 Feber", "ab sofort". Dates of birth and long-past days are not move dates.
 */
export function parseMoveDate(text: string, now: Date = new Date()): string | undefined {
  const lower = normalizeText(text.replace(/\./g, '. ')).replace(/ +/g, ' ');
  // Numeric dates in the order written, then a worded one; the first that is a real day wins ("88/3/14"
  // is a door, not a date).
  const candidates: { at: number; read: () => string | undefined }[] = [];
  for (const m of text.matchAll(MOVE_NUMERIC))
    candidates.push({
      at: m.index ?? 0,
      read: () => moveDay(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined, now),
    });
  for (const m of text.matchAll(MOVE_ISO))
    candidates.push({ at: m.index ?? 0, read: () => moveDay(Number(m[3]), Number(m[2]), Number(m[1]), now) });
  const worded = DAY_MONTH_WORD.exec(lower);
  if (worded && MONTHS[worded[2]] !== undefined)
    candidates.push({
      at: text.length,
      read: () => moveDay(Number(worded[1]), MONTHS[worded[2]], worded[3] ? Number(worded[3]) : undefined, now),
    });
  const english = MONTH_DAY_WORD.exec(lower);
  if (english && MONTHS[english[1]] !== undefined)
    candidates.push({
      at: text.length + 1,
      read: () => moveDay(Number(english[2]), MONTHS[english[1]], english[3] ? Number(english[3]) : undefined, now),
    });
  candidates.sort((a, b) => a.at - b.at);
  for (const candidate of candidates) {
    const day = candidate.read();
    if (day) return day;
  }
  const folded = foldTokens(text).join(' ');
  return relativeMoveDay(folded, now) ?? (FROM_NOW.test(folded) || ALREADY_MOVED.test(folded) ? 'now' : undefined);
}

/** "gestern", "übermorgen", "tomorrow" (folded) -> days from today; "heute morgen" / "guten Morgen" is no tomorrow. */
const RELATIVE_DAY =
  /(?:^| )(?:(vorgestern)|(ubermorgen|day after tomorow)|(gestern|yesterday)|(?<!heute |guten |heut |this )(morgen|tomorow))(?= |$)/;
/** "nächsten Mittwoch", "am Freitag", "nächschte Mäntig", "next Monday" (folded): the next such day after today. */
const WEEKDAY =
  /(?:^| )(?:nachsten|nachste|nachschte|nachschten|komenden|am|ab|zum|next|this|on|from) (montag|dienstag|mitwoch|donerstag|freitag|samstag|sonabend|sontag|mantig|zischtig|mitwuch|donschtig|fritig|samschtig|suntig|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?= |$)/;
const WEEKDAYS: Readonly<Record<string, number>> = {
  sontag: 0,
  suntig: 0,
  sunday: 0,
  mantig: 1,
  zischtig: 2,
  mitwuch: 3,
  donschtig: 4,
  fritig: 5,
  samschtig: 6,
  montag: 1,
  monday: 1,
  dienstag: 2,
  tuesday: 2,
  mitwoch: 3,
  wednesday: 3,
  donerstag: 4,
  thursday: 4,
  freitag: 5,
  friday: 5,
  samstag: 6,
  sonabend: 6,
  saturday: 6,
};
/** "zum Monatsersten", "Anfang nächsten Monats", "first of next month" (folded): the 1st of next month. */
const NEXT_MONTH = /(?:^| )(?:monatsersten|nachsten monat|nachsten monats|next month|first of the month)(?= |$)/;
/** "seit letzter Woche", "bin schon letzten Monat umgezogen" (folded): it applies already. */
const ALREADY_MOVED =
  /(?:^| )(?:letzte|letzten|letzter|last|vor einer|vor zwei|vor drei|a week ago|weeks ago) (?:woche|wochen|monat|week|month|tagen|days)(?= |$)/;

/** A move day said relative to today, as DD.MM.YYYY ("gestern", "nächsten Montag", "zum Monatsersten"). */
function relativeMoveDay(folded: string, now: Date): string | undefined {
  const day = (offset: number): string => {
    const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
    return `${String(at.getUTCDate()).padStart(2, '0')}.${String(at.getUTCMonth() + 1).padStart(2, '0')}.${at.getUTCFullYear()}`;
  };
  const relative = RELATIVE_DAY.exec(folded);
  if (relative) return day(relative[1] ? -2 : relative[2] ? 2 : relative[3] ? -1 : 1);
  const weekday = WEEKDAY.exec(folded);
  if (weekday) return day(((WEEKDAYS[weekday[1]] - now.getUTCDay() + 6) % 7) + 1);
  if (NEXT_MONTH.test(folded)) {
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    return day(
      Math.round((first.getTime() - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) / 86_400_000),
    );
  }
  return undefined;
}

/** The last digits of a number, for confirming it without repeating it in full. */
export function phoneTail(phone: string): string {
  return phone.slice(-3);
}

/** Digit groups with single separators, optionally after a short letter prefix ("K-4711-0815"). */
const CUSTOMER_NUMBER = /(?:^|[^\p{L}\d])(?:([a-z]{1,3})[- ]?)?(\d{2,12}(?:[-/. ]\d{2,12}){0,3})(?!\d)/iu;

/** A customer number of 6 to 12 digits, separators removed: "Kundennummer 4711-0815" -> "47110815". */
export function parseCustomerNumber(text: string): string | undefined {
  // A date, even an impossible one ("31.02.1980"), is not a customer number.
  if (NUMERIC_DATE.test(text) || ISO_DATE.test(text)) return undefined;
  const cleaned = text.replace(
    /\b(kundennummer|kunden nr|kundennr|kd nr|kdnr|customer number|nummer|nr)\b\.?:?/gi,
    ' ',
  );
  const match = CUSTOMER_NUMBER.exec(cleaned);
  if (!match) return undefined;
  const digits = match[2].replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 12) return undefined;
  const prefix = match[1] ? match[1].toUpperCase() : '';
  return prefix ? `${prefix}-${digits}` : digits;
}

/** The last four digits of a card, alone ("1234", "die letzten vier sind 1234"). */
export function parseLastFour(text: string): string | undefined {
  const groups = text.match(/\d+/g) ?? [];
  const digits = groups.join('');
  // "1234" or "9 8 7 6": four digits, not parts of a longer number.
  return digits.length === 4 && (groups.length === 1 || groups.every((g) => g.length === 1)) ? digits : undefined;
}

const PHONE_CANDIDATE = /(\+|00)?\d[\d /().-]{4,22}\d/g;
/** "12.12.1991", "01.02.90": a date, never part of a phone number ("geboren 01.02.1990" is no number). */
const DATE_IN_TEXT = /(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d.])/g;

/** Digits as a voice-dictating customer's phone writes them ("null eins sieben …"). */
const SPOKEN_DIGITS: ReadonlyMap<string, string> = new Map([
  ['null', '0'],
  ['eins', '1'],
  ['zwei', '2'],
  ['zwo', '2'],
  ['drei', '3'],
  ['vier', '4'],
  ['fünf', '5'],
  ['fuenf', '5'],
  ['funf', '5'],
  ['sechs', '6'],
  ['sieben', '7'],
  ['acht', '8'],
  ['neun', '9'],
]);

/**
 * "die nummer ist null eins sieben null fünf fünf drei …": a run of at least six spoken digits becomes
 * the digits, so a dictated number reads like a typed one. Shorter runs stay words ("zwei Handys").
 */
export function spokenDigits(text: string): string {
  const words = text.split(/(\s+)/);
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    let j = i;
    const digits: string[] = [];
    for (;;) {
      const digit = j < words.length ? SPOKEN_DIGITS.get(words[j].replace(/[,.;]$/, '').toLowerCase()) : undefined;
      if (digit === undefined) break;
      digits.push(digit);
      j += 2;
    }
    if (digits.length >= 6) {
      out.push(digits.join(''), ' ');
      i = j;
    } else {
      out.push(words[i]);
      i++;
    }
  }
  return out.join('');
}

/**
 * The first phone number with +49/0049/+43/+41 or a national 0, separators removed: "+49 151 2345678"
 * -> "+491512345678". Dates are passed over ("geboren 12.12.1991, Nummer 0176 99988877").
 */
export function parsePhone(text: string): string | undefined {
  for (const match of spokenDigits(text).replace(DATE_IN_TEXT, ' ').matchAll(PHONE_CANDIDATE)) {
    let phone = match[0].replace(/[\s/().-]/g, '');
    if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
    // "+49 0151 …": the trunk zero goes when a country code is given.
    if (/^\+\d{8,15}$/.test(phone) || /^0\d{6,14}$/.test(phone)) return phone.replace(/^(\+4[139])0/, '$1');
  }
  return undefined;
}

/** A character an address may hold on either side of its "@". */
const EMAIL_CHAR = /[^\s@<>(),;:"]/;
const EMAIL_DOMAIN = /^[^.]+(?:\.[^.]+)*\.[a-z]{2,24}$/i;

/**
 * The first e-mail address in the text. Found from each "@" outwards by walking over the address's
 * characters: a pattern with two long bounded runs would rescan them from every start.
 */
export function parseEmail(text: string): string | undefined {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && EMAIL_CHAR.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && end - at <= 200 && EMAIL_CHAR.test(text[end])) end++;
    const domain = trimTrailing(text.slice(at + 1, end), '.');
    if (start < at && EMAIL_DOMAIN.test(domain)) return `${text.slice(start, at)}@${domain}`.toLowerCase();
  }
  return undefined;
}

/** A 4- or 5-digit postcode and a town: "…, 10115 Berlin". */
const POSTCODE_TOWN = /(?<![\p{L}\p{N}])\d{4,5} \p{L}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\d/;

/** Street and number, then a postcode and a town: "Hauptstraße 5, 10115 Berlin" (whitespace already collapsed). */
function looksLikeAddress(value: string): boolean {
  if (value.length < 8 || value.length > 150 || !POSTCODE_TOWN.test(value)) return false;
  const firstLetter = value.search(LETTER);
  let lastDigit = value.length - 1;
  while (lastDigit >= 0 && !DIGIT.test(value[lastDigit])) lastDigit--;
  return firstLetter >= 0 && lastDigit > firstLetter;
}
const ADDRESS_LEAD =
  /^((meine |die )?neue (adresse|anschrift)( (ist|lautet))?|ich wohne (jetzt )?(in der |im |am )?|my new address is|new address( is)?)\s*:?\s*/i;

/** House number and postcode, the fixed middle of an address: " 7, 50667 " before the town. */
const NUMBER_POSTCODE = /(?<= )\d{1,4}[a-z]?(?:\/\d{1,3}){0,3},? \d{4,5} (?=\p{L})/gu;
const STREET_WORD = /^\p{L}[\p{L}.-]{0,40}$/u;
const TOWN_WORD = /^\p{L}[\p{L}-]{1,40}[,.;]?$/u;
/** Words of the sentence around an address, never part of its street: "New address is Elbchaussee 20 …". */
const NOT_STREET = new Set([
  'ist',
  'is',
  'lautet',
  'adresse',
  'address',
  'anschrift',
  'neue',
  'new',
  'my',
  'meine',
  'die',
  'the',
  'nach',
  'to',
  'just',
  'only',
  'nur',
]);

/**
 * Street, number, postcode and town inside a longer message ("…, neue Adresse: Birkenweg 7, 50667
 * Köln"): found from its number and postcode, then up to four street words before and three town
 * words after, word by word, so the search stays linear.
 */
function addressInside(value: string): string | undefined {
  for (const match of value.matchAll(NUMBER_POSTCODE)) {
    const at = match.index ?? 0;
    const before = value.slice(0, at - 1).split(' ');
    let streetWords = 0;
    const streetWord = (w: string) => STREET_WORD.test(w) && !NOT_STREET.has(w.toLowerCase());
    while (streetWords < 4 && streetWords < before.length && streetWord(before[before.length - 1 - streetWords]))
      streetWords++;
    const street = before.slice(before.length - streetWords);
    if (street.length === 0 || street[0].length < 2) continue;
    const after = value.slice(at + match[0].length).split(' ');
    let townWords = 0;
    // The town ends at a comma or full stop ("22765 Hamburg, from 1 January").
    while (townWords < 3 && townWords < after.length && TOWN_WORD.test(after[townWords])) {
      townWords++;
      if (/[,.;]$/.test(after[townWords - 1])) break;
    }
    if (townWords === 0) continue;
    return `${street.join(' ')} ${match[0]}${after
      .slice(0, townWords)
      .join(' ')
      .replace(/[,.;]$/, '')}`;
  }
  return undefined;
}

/**
 * "1100 Wien, Favoritenstraße 88/3/14": postcode and town first, then street and number (Austrian door
 * numbers "88/3/14" kept), read back in the usual order.
 */
const POSTCODE_FIRST =
  /(?<![\p{L}\d])(\d{4,5}) (\p{L}[\p{L}-]*(?: \p{L}[\p{L}-]*){0,2}), (\p{L}[\p{L}.-]*(?: \p{L}[\p{L}.-]*){0,3}) (\d{1,4}[a-z]?(?:\/\d{1,3}){0,3})(?![\p{L}\d])/u;

export function parseAddress(text: string): string | undefined {
  const value = text.trim().replace(ADDRESS_LEAD, '').replace(/\s+/g, ' ');
  const inside = addressInside(value);
  if (inside && inside.length < value.length) return inside;
  const first = POSTCODE_FIRST.exec(value);
  if (first) return `${first[3]} ${first[4]}, ${first[1]} ${first[2]}`;
  return looksLikeAddress(value) ? value : undefined;
}

/** "die Hausnummer ist 12b", "Nr. 12 b": a corrected house number. */
const HOUSE_NUMBER_FIX =
  /(?:hausnummer|hausnr|house number)\.? ?(?:ist|lautet|is|:)? ?(\d{1,4}(?: ?[a-z])?(?:\/\d{1,3}){0,3})(?![\d\p{L}])/iu;
/** "die PLZ ist 50668": a corrected postcode. */
const POSTCODE_FIX = /(?:plz|postleitzahl|postcode|zip code|zip)\.? ?(?:ist|lautet|is|:)? ?(\d{4,5})(?!\d)/i;
/** A read address's middle: " 12, 50667 " between street and town (the house number, then the postcode). */
const NUMBER_AND_POSTCODE = /(?<=\p{L} )(\d{1,4}[a-z]?(?:\/\d{1,3}){0,3})(,? )(\d{4,5})(?= \p{L})/u;

/**
 * The read address with the house number or postcode the customer corrected ("nein, die Hausnummer
 * ist 12b"), if the message corrects one of them.
 */
export function correctAddress(address: string, text: string): string | undefined {
  const middle = NUMBER_AND_POSTCODE.exec(address);
  if (!middle) return undefined;
  const house = HOUSE_NUMBER_FIX.exec(text);
  const postcode = POSTCODE_FIX.exec(text);
  if (!house && !postcode) return undefined;
  const number = house ? house[1].replace(/ /g, '').toLowerCase() : middle[1];
  const at = middle.index;
  return `${address.slice(0, at)}${number}${middle[2]}${postcode ? postcode[1] : middle[3]}${address.slice(at + middle[0].length)}`;
}

/** Whether the message names a corrected house number or postcode. */
export function namesAddressPart(text: string): boolean {
  return HOUSE_NUMBER_FIX.test(text) || POSTCODE_FIX.test(text);
}

/** Where an IBAN stands in a message: country, check digits, then 11 to 30 characters (spaces allowed). */
export const IBAN_IN_TEXT = /[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}/;

/** An IBAN anywhere in the text, spaces removed and upper-cased; check digits verified. */
export function parseIban(text: string): { iban: string } | { problem: 'ibanFormat' | 'invalidIban' } {
  const match = IBAN_IN_TEXT.exec(text);
  const iban = (match ? match[0] : text).replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return { problem: 'ibanFormat' };
  return ibanValid(iban) ? { iban } : { problem: 'invalidIban' };
}

/** Words that make a message a sentence or an answer rather than a name. */
const NOT_NAME_WORDS = new Set(
  [
    'ja',
    'nein',
    'jo',
    'ne',
    'nee',
    'ok',
    'okay',
    'yes',
    'no',
    'danke',
    'bitte',
    'hallo',
    'ich',
    'bin',
    'sie',
    'du',
    'wir',
    'mich',
    'mir',
    'mein',
    'meine',
    'das',
    'der',
    'die',
    'ist',
    'und',
    'oder',
    'nicht',
    'kein',
    'keine',
    'was',
    'wie',
    'warum',
    'wer',
    'wo',
    'wann',
    'verstehen',
    'verstehe',
    'will',
    'mochte',
    'habe',
    'hab',
    'einfach',
    'schon',
    'doch',
    'noch',
    'mal',
    'karte',
    'handy',
    'sim',
    'gestohlen',
    'verloren',
    'weg',
    'mitarbeiter',
    'hilfe',
    'menu',
    'abbrechen',
    'egal',
    'the',
    'is',
    'not',
    'you',
    'what',
    'help',
    'stop',
    'keine',
    'ahnung',
    'weiss',
    'weis',
    'geht',
    'sperren',
    'bitte',
    'schnell',
    'sofort',
    'jetzt',
    'ändern',
    'aendern',
    'change',
    'name',
    'namen',
    'neuer',
    'neuen',
    'my',
    'nur',
  ].map((w) => foldTokens(w).join(' ')),
);
const NAME_LEAD =
  /^(ich hei(ss|ß)e|mein name ist|mein name lautet|name\s*:|ich bin|my name is|i am|i'm|hier ist|hier spricht)\s+/i;
const NAME_SHAPE = /^[\p{L}][\p{L}'.-]*(?: [\p{L}][\p{L}'.-]*){1,4}$/u;

// "heiße jetzt Anna Schmidt statt Anna Becker": the new name, not the old one after "statt"; "Bisher
// Sabine Wolf, jetzt Sabine Hartmann" and "Richtig wäre: Beat Müller, mit ü": the name after the cue.
const NAME_INSIDE =
  /(?:(?:^|[,;:] ?)(?:jetzt|nun|neu|now|new)(?! name):?|(?:richtig|korrekt|correct)(?: w(?:ä|ae|a)re| ist| lautet| is| would be)?:|name (?:ist|lautet|is)|(?:neuer name|new name)(?: ist| lautet| is)?:?|hei(?:ss|ß)e(?: jetzt| nun| ab sofort| neu)?|my name is|i am|l(?:ä|ae|a)uft auf mich[,:]?|l(?:ä|ae|a)uft auf(?: den namen)?|auf den namen(?: von)?)\s+(?:nur |just |only )?([\p{L}][\p{L}'.-]*(?: (?!statt |anstatt |instead |und |and )[\p{L}][\p{L}'.-]*){1,3})/iu;

/** A name named inside a longer message ("…, mein neuer Name ist Julia Wagner"). */
export function extractName(text: string): string | undefined {
  const match = NAME_INSIDE.exec(text.replace(/\s+/g, ' '));
  return match ? parseName(match[1]) : undefined;
}

/**
 * The name in whatever form a customer gives it: alone ("Anna Becker"), named inside a sentence
 * ("mein neuer Name ist Anna Becker", "new name Anna Becker"), or among other details
 * ("Kundennummer 74747474, Carola Schmidt").
 */
export function readName(text: string): string | undefined {
  const direct = parseName(text) ?? extractName(text);
  if (direct) return direct;
  // "Der Vertrag läuft auf ihn: Herbert Steindl": the name after the colon.
  const colon = text.lastIndexOf(':');
  const afterColon = colon >= 0 ? parseName(text.slice(colon + 1)) : undefined;
  if (afterColon) return afterColon;
  // Among details: next to a number, the one comma-separated part without digits, if it is a name.
  const parts = text.split(/[,;]/).filter((p) => p.trim() !== '');
  const words = parts.filter((p) => !/\d/.test(p));
  return words.length === 1 && parts.length > 1 ? parseName(words[0]) : undefined;
}

/** Where the old name begins: "Anna Müller-Schmidt, vorher Anna Schmidt". */
const OLD_NAME = /[,;]?\s(?:vorher|früher|frueher|statt|anstatt|previously|formerly)\s/i;

/** A full name of two to five words: no digits, no yes/no, no sentence. */
export function parseName(text: string): string | undefined {
  // "Anna Müller-Schmidt, vorher Anna Schmidt": the name before the old one.
  const lead = text.trim().replace(NAME_LEAD, '');
  const old = OLD_NAME.exec(lead);
  const withoutLead = old ? lead.slice(0, old.index) : lead;
  const value = trimTrailing(withoutLead, '.!').replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  if (value.length < 4 || value.length > 100 || !NAME_SHAPE.test(value)) return undefined;
  const words = value.split(' ');
  if (words.some((w) => NOT_NAME_WORDS.has(foldTokens(w).join(' ')))) return undefined;
  return value;
}
