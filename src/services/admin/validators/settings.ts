import type { BusinessHours, Settings } from '../../content/types';
import { ValidationError } from '../../errors';
import { isPlainObject, rejectUnknownKeys, requireFormalGerman, requireText } from './textRules';

const SETTINGS_KEYS = [
  'companyName',
  'botName',
  'timeZone',
  'frustration',
  'businessHours',
  'callbackOfferAfterMinutes',
] as const;
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * Applies a (partial) settings edit to the current settings and checks the result as a whole:
 * objects are merged, lists and values replaced. Throws naming the field.
 */
export function applySettingsEdit(current: Settings, edit: unknown): Settings {
  if (!isPlainObject(edit)) throw new ValidationError('settings', 'must be an object');
  rejectUnknownKeys(edit, SETTINGS_KEYS, '');
  const merged: Record<string, unknown> = structuredClone(current) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(edit)) {
    const before = merged[key];
    merged[key] = isPlainObject(before) && isPlainObject(value) ? { ...before, ...value } : value;
  }
  return validateSettings(merged);
}

export function validateSettings(value: unknown): Settings {
  if (!isPlainObject(value)) throw new ValidationError('settings', 'must be an object');
  rejectUnknownKeys(value, SETTINGS_KEYS, '');
  const companyName = requireText(value.companyName, 'companyName', 80).trim();
  const botName = requireText(value.botName, 'botName', 40).trim();
  requireFormalGerman(companyName, 'companyName');
  requireFormalGerman(botName, 'botName');
  const timeZone = requireText(value.timeZone, 'timeZone', 60);
  try {
    new Intl.DateTimeFormat('de-DE', { timeZone });
  } catch {
    throw new ValidationError('timeZone', `"${timeZone}" is not an IANA time zone such as Europe/Berlin`);
  }
  const callbackOfferAfterMinutes = number(value.callbackOfferAfterMinutes, 'callbackOfferAfterMinutes', 1, 240);
  if (!Number.isInteger(callbackOfferAfterMinutes))
    throw new ValidationError('callbackOfferAfterMinutes', 'must be whole minutes');
  return {
    companyName,
    botName,
    timeZone,
    frustration: validateFrustration(value.frustration),
    businessHours: validateBusinessHours(value.businessHours),
    callbackOfferAfterMinutes,
  };
}

function number(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    throw new ValidationError(field, `must be a number from ${min} to ${max}`);
  return value;
}

function validateFrustration(value: unknown): Settings['frustration'] {
  if (!isPlainObject(value))
    throw new ValidationError('frustration', 'must be an object { annoyed, irate, extraTriggerWords }');
  rejectUnknownKeys(value, ['annoyed', 'irate', 'extraTriggerWords'], 'frustration');
  const annoyed = number(value.annoyed, 'frustration.annoyed', 0.05, 0.95);
  const irate = number(value.irate, 'frustration.irate', 0.1, 1);
  if (irate <= annoyed) throw new ValidationError('frustration.irate', 'must be higher than frustration.annoyed');
  const words = value.extraTriggerWords ?? [];
  if (!Array.isArray(words)) throw new ValidationError('frustration.extraTriggerWords', 'must be a list of words');
  if (words.length > 200) throw new ValidationError('frustration.extraTriggerWords', 'may hold at most 200 words');
  const extraTriggerWords = [
    ...new Set(words.map((w, i) => requireText(w, `frustration.extraTriggerWords[${i}]`, 60).trim().toLowerCase())),
  ];
  return { annoyed, irate, extraTriggerWords };
}

function validateBusinessHours(value: unknown): BusinessHours {
  if (!isPlainObject(value)) throw new ValidationError('businessHours', 'must be an object { weekly, holidays }');
  rejectUnknownKeys(value, ['weekly', 'holidays'], 'businessHours');
  if (!isPlainObject(value.weekly))
    throw new ValidationError(
      'businessHours.weekly',
      'must map weekdays "1" (Monday) to "7" (Sunday) to ["08:00", "20:00"]',
    );
  const weekly: BusinessHours['weekly'] = {};
  for (const [day, span] of Object.entries(value.weekly)) {
    const field = `businessHours.weekly.${day}`;
    if (!(WEEKDAYS as readonly string[]).includes(day))
      throw new ValidationError(field, 'is not a weekday (1 = Monday … 7 = Sunday)');
    if (span === null) continue;
    if (!Array.isArray(span) || span.length !== 2 || span.some((t) => typeof t !== 'string' || !TIME.test(t))) {
      throw new ValidationError(field, 'must be ["HH:MM", "HH:MM"], e.g. ["08:00", "20:00"], or null for closed');
    }
    if (span[0] >= span[1] || span[0] === '24:00') throw new ValidationError(field, 'must open before it closes');
    weekly[day as (typeof WEEKDAYS)[number]] = [span[0], span[1]];
  }
  const holidays = value.holidays ?? [];
  if (!Array.isArray(holidays))
    throw new ValidationError('businessHours.holidays', 'must be a list of dates "YYYY-MM-DD"');
  if (holidays.length > 366) throw new ValidationError('businessHours.holidays', 'may hold at most 366 dates');
  const dates = holidays.map((d, i) => {
    const field = `businessHours.holidays[${i}]`;
    if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d))
      throw new ValidationError(field, 'must be a date "YYYY-MM-DD"');
    const parsed = new Date(`${d}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== d)
      throw new ValidationError(field, `"${d}" is not a calendar date`);
    return d;
  });
  return { weekly, holidays: [...new Set(dates)].sort() };
}
