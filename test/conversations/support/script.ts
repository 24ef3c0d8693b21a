import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the customer writes from; the Bot Framework channel id of the activity. */
export type Channel = 'webchat' | 'whatsapp' | 'directline';
/** German as written in Germany, Austria and Switzerland, or English; sets the activity's locale. */
export type ScriptLang = 'de' | 'de-AT' | 'de-CH' | 'en';
/**
 * day: a weekday 10:00 Europe/Berlin (desk staffed); night: a weekday 03:00; weekend: Sunday 14:00;
 * holiday: a Friday 10:00 that the business hours setting lists as a holiday.
 */
export type TimeOfDay = 'day' | 'night' | 'weekend' | 'holiday';
export type Outcome = 'answered' | 'handed_off' | 'supervisor' | 'closed' | 'request_recorded';
export const OUTCOMES: readonly Outcome[] = ['answered', 'handed_off', 'supervisor', 'closed', 'request_recorded'];

/**
 * One step of a script. A string is a customer message. The objects act around the bot: an agent
 * claims, writes or resolves through the handoff API (as the queue would), or time passes.
 */
export type Step =
  | string
  | Say
  | { agent: 'claim' | 'resolve' | 'message'; text?: string; as?: AgentRole }
  | { pause: number }
  /** Another customer writes in a conversation of their own (to move the queue); their replies are not judged. */
  | { otherCustomer: string };

/** Who acts for the queue; by default a supervisor when the handoff asks for one, else an agent. */
export type AgentRole = 'agent' | 'supervisor' | 'admin';

/**
 * A customer message with checks on the bot's reply to it. Each check is an i18n key
 * ("conversation:lost.help.card", "en/conversation:menu.freeText") or else a case-insensitive
 * regular expression over the reply ("Telefonnummer|E-Mail"); "@knowledge" is any knowledge answer,
 * "@knowledge:KEY" one entry, and "a || b" either of two checks.
 */
export interface Say {
  say: string;
  replyHas?: string[];
  replyNot?: string[];
}

export interface Expectation {
  outcome: Outcome;
  /** The handoff's or service request's category (handoff) or request type (request_recorded). */
  category?: string;
  /** Phrases the bot must never write in this conversation (case-insensitive). */
  never?: string[];
  /** i18n keys ("conversation:knowledge.helped") whose text must appear in some bot message. */
  mustSay?: string[];
  /** The customer's satisfaction answer (digits or words) is stored on the handoff record. */
  rated?: boolean;
  /** A phone number or e-mail address for the callback is stored on the handoff record (false: none is). */
  contact?: boolean;
}

export interface Script {
  id: string;
  lang: ScriptLang;
  time: TimeOfDay;
  channel: Channel;
  turns: Step[];
  expect: Expectation;
  /** What the script checks, in a few words (documentation for the reader of a failure). */
  note?: string;
  /** Behaviour not built yet: the test is reported as skipped with this reason. */
  pending?: string;
  /** Runs on an app of its own (queue positions and estimates that other scripts must not disturb). */
  isolated?: boolean;
  /** Where the script came from (file name), for messages. */
  source?: string;
}

const LANGS: readonly ScriptLang[] = ['de', 'de-AT', 'de-CH', 'en'];
const TIMES: readonly TimeOfDay[] = ['day', 'night', 'weekend', 'holiday'];
const CHANNELS: readonly Channel[] = ['webchat', 'whatsapp', 'directline'];

/** Lenient spellings a script author might use for the same thing. */
const LANG_ALIASES: Record<string, ScriptLang> = {
  'de-de': 'de',
  'de-at': 'de-AT',
  at: 'de-AT',
  'de-ch': 'de-CH',
  ch: 'de-CH',
  'en-gb': 'en',
  'en-us': 'en',
};
const TIME_ALIASES: Record<string, TimeOfDay> = {
  business: 'day',
  'business-hours': 'day',
  daytime: 'day',
  weekday: 'day',
  '3am': 'night',
  sunday: 'weekend',
  saturday_night: 'weekend',
};
const CHANNEL_ALIASES: Record<string, Channel> = { web: 'webchat', 'web-chat': 'webchat', wa: 'whatsapp' };
const OUTCOME_ALIASES: Record<string, Outcome> = {
  handoff: 'handed_off',
  handedoff: 'handed_off',
  answer: 'answered',
  request: 'request_recorded',
  goodbye: 'closed',
};

function pick<T extends string>(
  value: unknown,
  allowed: readonly T[],
  aliases: Record<string, T>,
  fallback: T | undefined,
  what: string,
  id: string,
): T {
  const raw = typeof value === 'string' ? value.trim() : undefined;
  if (raw === undefined || raw === '') {
    if (fallback !== undefined) return fallback;
    throw new Error(`script ${id}: ${what} is missing`);
  }
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  const alias = aliases[raw.toLowerCase()];
  if (alias) return alias;
  throw new Error(`script ${id}: ${what} "${raw}" is not one of ${allowed.join(', ')}`);
}

function step(raw: unknown, id: string): Step {
  if (typeof raw === 'string') return raw;
  if (raw && typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if (typeof o.say === 'string') {
      const checks = (v: unknown, what: string): string[] | undefined => {
        if (v === undefined) return undefined;
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
          throw new Error(`script ${id}: ${what} must be a list of strings`);
        return v as string[];
      };
      const has = checks(o.replyHas, 'replyHas');
      const not = checks(o.replyNot, 'replyNot');
      return { say: o.say, ...(has ? { replyHas: has } : {}), ...(not ? { replyNot: not } : {}) };
    }
    if (o.agent === 'claim' || o.agent === 'resolve' || o.agent === 'message') {
      const as = o.as === 'agent' || o.as === 'supervisor' || o.as === 'admin' ? o.as : undefined;
      return { agent: o.agent, ...(typeof o.text === 'string' ? { text: o.text } : {}), ...(as ? { as } : {}) };
    }
    if (typeof o.pause === 'number' && o.pause > 0) return { pause: o.pause };
    if (typeof o.otherCustomer === 'string') return { otherCustomer: o.otherCustomer };
  }
  throw new Error(
    `script ${id}: a turn must be a string, {say}, {agent: claim|resolve|message}, {pause: minutes} or {otherCustomer}, got ${JSON.stringify(raw)}`,
  );
}

/** Checks and normalises one script as read from JSON (ours or the blind author's format). */
export function parseScript(raw: unknown, source: string): Script {
  if (!raw || typeof raw !== 'object') throw new Error(`${source}: a script must be an object`);
  const o = raw as Record<string, unknown>;
  const id = typeof o.id === 'string' && o.id.trim() !== '' ? o.id.trim() : undefined;
  if (!id) throw new Error(`${source}: a script has no id`);
  if (!Array.isArray(o.turns) || o.turns.length === 0) throw new Error(`script ${id}: turns must be a non-empty list`);
  const e = (o.expect ?? {}) as Record<string, unknown>;
  const strings = (v: unknown, what: string): string[] | undefined => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
      throw new Error(`script ${id}: ${what} must be a list of strings`);
    return v as string[];
  };
  return {
    id,
    lang: pick(o.lang, LANGS, LANG_ALIASES, 'de', 'lang', id),
    time: pick(o.time, TIMES, TIME_ALIASES, 'day', 'time', id),
    channel: pick(o.channel, CHANNELS, CHANNEL_ALIASES, 'webchat', 'channel', id),
    turns: o.turns.map((t) => step(t, id)),
    expect: {
      outcome: pick(e.outcome, OUTCOMES, OUTCOME_ALIASES, undefined, 'expect.outcome', id),
      ...(typeof e.category === 'string' ? { category: e.category } : {}),
      ...(strings(e.never, 'expect.never') ? { never: strings(e.never, 'expect.never') } : {}),
      ...(strings(e.mustSay, 'expect.mustSay') ? { mustSay: strings(e.mustSay, 'expect.mustSay') } : {}),
      ...(e.rated === true ? { rated: true } : {}),
      ...(typeof e.contact === 'boolean' ? { contact: e.contact } : {}),
    },
    ...(typeof o.note === 'string' ? { note: o.note } : {}),
    ...(o.isolated === true ? { isolated: true } : {}),
    ...(typeof o.pending === 'string' && o.pending.trim() !== '' ? { pending: o.pending } : {}),
    source,
  };
}

/** A JSON file holding one script or a list of scripts (or { scripts: [...] }). */
export function readScriptFile(file: string): Script[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const list = Array.isArray(json)
    ? json
    : json && typeof json === 'object' && Array.isArray((json as { scripts?: unknown }).scripts)
      ? (json as { scripts: unknown[] }).scripts
      : [json];
  return list.map((s) => parseScript(s, path.basename(file)));
}

export const SCRIPTS_DIR = path.resolve(__dirname, '../scripts');

/** Every script under test/conversations/scripts, ids unique across files. */
export function loadCorpus(dir = SCRIPTS_DIR): Script[] {
  const scripts = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => readScriptFile(path.join(dir, f)));
  const seen = new Set<string>();
  for (const s of scripts) {
    if (seen.has(s.id)) throw new Error(`script id ${s.id} appears twice (${s.source})`);
    seen.add(s.id);
  }
  return scripts;
}

/** A script that lets time pass, moves the queue with another customer, or asks for it, needs an app of its own. */
export function needsOwnApp(script: Script): boolean {
  return (
    script.isolated === true ||
    script.turns.some((t) => typeof t === 'object' && ('pause' in t || 'otherCustomer' in t))
  );
}
