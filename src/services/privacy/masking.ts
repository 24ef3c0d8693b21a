/**
 * Masks personal data in free text before it is stored in a transcript or written to a log:
 * payment card numbers (Luhn-checked, so contract numbers and amounts stay), IBANs (check digits
 * verified), PINs and CVCs named as such, phone numbers and e-mail addresses.
 */

const CARD_CANDIDATE = /(?<![\d])(?:\d[ -]?){12,18}\d(?![\d])/g;
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/gi;
const PIN_PHRASE =
  /\b(pin|pin-code|pincode|cvc|cvv|kartenprüfnummer|kartenpruefnummer|sicherheitscode|passwort|password|kennwort)(\s*(?:(?:ist|lautet|is|:|=)\s*)?)(\S+)/gi;
/**
 * E-mail addresses are found from their "@" outwards (see maskEmails): a pattern that starts at every
 * word boundary of the local part rescans it once per start, quadratic in the length of the text.
 */
const EMAIL_AT = /@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}\b/gi;
const EMAIL_LOCAL_CHAR = /[A-Z0-9._%+-]/i;
/**
 * A stretch of digits, blanks, slashes, dashes and "(0)" that may hold a phone number. One character
 * class and nothing after it, so finding it is linear; which part is a number is decided in code
 * (phoneNumbersIn), not by backtracking.
 */
const PHONE_RUN = /\+?\d[\d ()/-]*/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** True when the text contains something that looks like a real payment card number. */
export function containsCardNumber(text: string): boolean {
  for (const match of text.matchAll(CARD_CANDIDATE)) {
    const digits = match[0].replace(/[ -]/g, '');
    // No payment card number starts with 0 ("0049 171 2345678" is a phone number) or follows a "+".
    const phoneLike = digits.startsWith('0') || text[(match.index ?? 0) - 1] === '+';
    if (!phoneLike && digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return true;
  }
  return false;
}

/** ISO 13616 check: moves the country and check digits to the end and takes the number mod 97. */
export function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith('DE') && iban.length !== 22) return false;
  if (iban.startsWith('AT') && iban.length !== 20) return false;
  if (iban.startsWith('CH') && iban.length !== 21) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** "DE89 3704 0044 0532 0130 00" -> "DE89 **** **** **** **30 00": enough to recognise, not to use. */
export function maskIban(raw: string): string {
  const iban = raw.replace(/\s+/g, '').toUpperCase();
  const masked = iban.slice(0, 4) + '*'.repeat(Math.max(0, iban.length - 8)) + iban.slice(-4);
  return masked.replace(/(.{4})/g, '$1 ').trim();
}

export function maskCardNumber(digits: string): string {
  const clean = digits.replace(/[ -]/g, '');
  return `**** **** **** ${clean.slice(-4)}`;
}

/** The candidate may run into the next word ("DE89… danke"): drop trailing chunks until valid. */
function maskIbanCandidate(match: string): string {
  const chunks = match.split(' ');
  for (let end = chunks.length; end > 0; end--) {
    const head = chunks.slice(0, end).join(' ');
    if (ibanValid(head)) return maskIban(head) + match.slice(head.length);
  }
  const compact = match.replace(/\s+/g, '');
  for (let len = Math.min(34, compact.length); len >= 15; len--) {
    if (ibanValid(compact.slice(0, len))) return maskIban(compact.slice(0, len)) + compact.slice(len);
  }
  return match;
}

export function maskSensitive(text: string): string {
  let out = text.replace(CARD_CANDIDATE, (match) => {
    const digits = match.replace(/[ -]/g, '');
    return digits.length >= 13 && digits.length <= 19 && luhnValid(digits) ? maskCardNumber(digits) : match;
  });
  out = out.replace(IBAN_CANDIDATE, maskIbanCandidate);
  out = out.replace(PIN_PHRASE, (_m, word: string, sep: string) => `${word}${sep}****`);
  out = maskEmails(out);
  return maskPhoneNumbers(out);
}

function maskEmails(text: string): string {
  let out = '';
  let copied = 0;
  for (const match of text.matchAll(EMAIL_AT)) {
    const at = match.index ?? 0;
    // The local part ends at the "@"; walk back over its characters (stopping at an earlier address).
    let start = at;
    while (start > copied && EMAIL_LOCAL_CHAR.test(text[start - 1])) start--;
    if (start === at) continue;
    out += text.slice(copied, start) + `${text[start]}***${match[0]}`;
    copied = at + match[0].length;
  }
  return out + text.slice(copied);
}

interface Group {
  start: number;
  end: number;
  digits: string;
}

/** The digit groups of a run and the separators between them, or undefined when a separator is not one a number uses. */
function digitGroups(run: string): { groups: Group[]; joins: string[] } {
  const groups: Group[] = [];
  const joins: string[] = [];
  let i = 0;
  while (i < run.length) {
    const start = i;
    while (i < run.length && run[i] >= '0' && run[i] <= '9') i++;
    groups.push({ start, end: i, digits: run.slice(start, i) });
    const sepStart = i;
    // "(0)" belongs to the separator: "+49 (0) 170 …".
    while (i < run.length && (!(run[i] >= '0' && run[i] <= '9') || (run[i - 1] === '(' && run[i + 1] === ')'))) i++;
    if (i < run.length) joins.push(run.slice(sepStart, i));
  }
  return { groups, joins };
}

const NUMBER_JOIN = /^(?:[ /-]|\s?\(0\)\s?)$/;

/**
 * Phone numbers in one run: international (+49 …, 0043 …) or national (0 and an area code), groups
 * joined by one blank, slash or dash, later groups of two or more digits, 9 to 15 digits in all. A
 * number may start only at the run's start or after a blank, and never ends just before a dash
 * (ranges, dates and order numbers stay as they are).
 */
function phoneNumbersIn(run: string, plus: boolean): Array<{ start: number; end: number; digits: string }> {
  const { groups, joins } = digitGroups(run);
  const found: Array<{ start: number; end: number; digits: string }> = [];
  let g = 0;
  while (g < groups.length) {
    const canStart = g === 0 || joins[g - 1] === ' ';
    const international = (g === 0 && plus) || groups[g].digits.startsWith('00');
    if (!canStart || (!groups[g].digits.startsWith('0') && !(g === 0 && plus))) {
      g++;
      continue;
    }
    let digits = groups[g].digits;
    let last = g;
    // At most 15 digits, so this inner walk is bounded and the whole scan stays linear.
    while (
      last + 1 < groups.length &&
      digits.length <= 15 &&
      NUMBER_JOIN.test(joins[last]) &&
      groups[last + 1].digits.length >= 2
    ) {
      last++;
      digits += groups[last].digits;
    }
    const endsBeforeDash = run[groups[last].end] === '-';
    const count = international && digits.startsWith('00') ? digits.length - 2 : digits.length;
    if (count >= 9 && count <= 15 && !endsBeforeDash) {
      found.push({ start: groups[g].start - (g === 0 && plus ? 1 : 0), end: groups[last].end, digits });
      g = last + 1;
    } else {
      g++;
    }
  }
  return found;
}

function maskPhoneNumbers(text: string): string {
  let out = '';
  let copied = 0;
  for (const match of text.matchAll(PHONE_RUN)) {
    const at = match.index ?? 0;
    const before = at > 0 ? text[at - 1] : '';
    // Part of a word, a decimal number or a path: not a phone number ("RE-2025-0042117", "v2.0171").
    if (/[\p{L}\p{N}_.\-/]/u.test(before)) continue;
    const plus = match[0].startsWith('+');
    const run = plus ? match[0].slice(1) : match[0];
    for (const number of phoneNumbersIn(run, plus)) {
      const start = at + number.start + (plus ? 1 : 0);
      const end = at + number.end + (plus ? 1 : 0);
      const original = text.slice(start, end);
      out += text.slice(copied, start) + `${original.slice(0, 3)}***${number.digits.slice(-2)}`;
      copied = end;
    }
  }
  return out + text.slice(copied);
}
