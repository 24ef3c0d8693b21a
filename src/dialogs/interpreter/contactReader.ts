import { isUnsure, yesNo } from './yesNo';

/**
 * Reads a callback contact from a customer's message: a phone number (German, Austrian, Swiss or
 * international forms, separators allowed), an e-mail address, or a refusal ("nein" = they come
 * back to the chat). Linear patterns only.
 */
export type ContactAnswer = { phone: string } | { email: string } | { declined: true };

/** One whole token; the message is split into tokens first, so the pattern starts only once per token. */
const EMAIL_TOKEN = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
const TOKEN_EDGE = '<>()[]{}"\',;:.!?';
/** A run of digits with single separators between them, optionally starting with + or 00. */
const PHONE_RUN = /(?:\+|\b00)?\d[\d ()/.-]{5,24}\d/;
const DECLINE =
  /^\s*(nein|nö|noe|ne|nee|no|lieber nicht|nicht nötig|brauche ich nicht|kein bedarf|no thanks|no thank you)\b/i;

/** Digits only, with a leading + for international numbers; undefined when it is no phone number. */
export function normalisePhone(raw: string): string | undefined {
  const international = raw.trim().startsWith('+') || raw.trim().startsWith('00');
  let digits = raw.replace(/\D/g, '');
  if (raw.trim().startsWith('00')) digits = digits.slice(2);
  if (digits.length < 7 || digits.length > 15) return undefined;
  if (international) return `+${digits}`;
  if (!digits.startsWith('0')) return undefined;
  return digits;
}

/** Other numbers a customer may pass on for the agent; those are no way to reach them. */
export const OTHER_NUMBER = /kunden|vertrag|rechnung|auftrag|referenz|iban|konto|karte|imei|sim/i;

/** Says a number is where the customer can be reached ("unter 0171 … erreichen Sie mich", "meine Festnetznummer"). */
export const REACH_ME =
  /erreich|festnetz|andere[nr]? (?:handy)?nummer|zweitnummer|zweithandy|zweite nummer|zweiten nummer|reach me|call me|other number/i;

/**
 * A way to reach the customer given with the wish for a callback ("Dann bitte morgen früh einen
 * Rückruf: 0172 9988112"), so it is not asked for again; a number in a story about another number
 * (a customer number, the lost phone's SIM) is none.
 */
export function contactWithCallback(text: string): { phone: string } | { email: string } | undefined {
  if (OTHER_NUMBER.test(text)) return undefined;
  const found = readContact(text);
  return found && !('declined' in found) ? found : undefined;
}

/**
 * The number after a word that says it is where to call ("Am Festnetz unter 089 2345678"): in a story
 * about a lost phone, the only number that is not the SIM card's.
 */
export function numberToReach(text: string): { phone: string } | undefined {
  const said = REACH_ME.exec(text);
  if (!said) return undefined;
  const phone = PHONE_RUN.exec(text.slice(said.index, said.index + 200));
  const normalised = phone ? normalisePhone(phone[0]) : undefined;
  return normalised ? { phone: normalised } : undefined;
}

export function readContact(text: string): ContactAnswer | undefined {
  const input = text.slice(0, 500);
  const email = emailIn(input);
  if (email) return { email };
  const phone = PHONE_RUN.exec(input);
  if (phone) {
    const normalised = normalisePhone(phone[0]);
    if (normalised) return { phone: normalised };
  }
  // "Nei" (Swiss), "na" (Austrian), "nope": every regional no the conversation knows.
  if (DECLINE.test(input) || (yesNo(input) === 'no' && !isUnsure(input))) return { declined: true };
  return undefined;
}

function emailIn(text: string): string | undefined {
  for (const raw of text.split(/\s/)) {
    let start = 0;
    let end = raw.length;
    while (start < end && TOKEN_EDGE.includes(raw[start])) start++;
    while (end > start && TOKEN_EDGE.includes(raw[end - 1])) end--;
    const token = raw.slice(start, end);
    if (token.length <= 254 && EMAIL_TOKEN.test(token) && /\.[A-Za-z]{2,24}$/.test(token)) return token.toLowerCase();
  }
  return undefined;
}
