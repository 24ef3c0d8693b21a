/**
 * Masks personal data in free text before it is stored in a transcript or written to a log:
 * payment card numbers (Luhn-checked, so contract numbers and amounts stay), IBANs (check digits
 * verified), PINs and CVCs named as such, phone numbers and e-mail addresses.
 */

const CARD_CANDIDATE = /(?<![\d])(?:\d[ -]?){12,18}\d(?![\d])/g;
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/gi;
const PIN_PHRASE = /\b(pin|pin-code|pincode|cvc|cvv|kartenprüfnummer|kartenpruefnummer|sicherheitscode|passwort|password|kennwort)(\s*(?:ist|lautet|is|:|=)?\s*)(\S+)/gi;
const EMAIL = /\b[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}\b/gi;
const PHONE = /(?<![\w+\-/.])(?:\+|00)\d{1,3}[\s/-]?(?:\(0\))?[\s/-]?\d{2,5}(?:[\s/-]?\d{2,}){1,4}(?![\d-])|(?<![\w\-/.])0\d{2,5}[\s/-]?\d{3,}(?:[\s-]?\d{2,})*(?![\d-])/g;

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
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return true;
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
  out = out.replace(EMAIL, (match) => {
    const [local, domain] = match.split('@');
    return `${local.slice(0, 1)}***@${domain}`;
  });
  out = out.replace(PHONE, (match) => {
    const digits = match.replace(/\D/g, '');
    // E.164 numbers have at most 15 digits; German numbers with area code at least 9.
    if (digits.length < 9 || digits.length > 15) return match;
    return `${match.slice(0, 3)}***${digits.slice(-2)}`;
  });
  return out;
}
