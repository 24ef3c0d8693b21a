/**
 * Meta's webhook shape (entry[].changes[].value.messages[] / statuses[]) reduced to what we store,
 * and the stored message interpreted as the text a dialog expects.
 */
import { WebhookPayloadError } from './errors';

export interface InboundMessage {
  wamid: string;
  /** The customer's wa_id (phone number in international format without "+"). */
  waId: string;
  name?: string;
  /** When the customer sent it (Meta's timestamp); the 24-hour window counts from here. */
  sentAt: Date;
  type: string;
  /** The message object exactly as Meta sent it, as JSON. */
  raw: string;
}

export type DeliveryState = 'sent' | 'delivered' | 'read' | 'failed';

export interface StatusUpdate {
  wamid: string;
  recipientId: string;
  status: DeliveryState;
  at: Date;
  errors: { code: number; title: string }[];
}

export interface ParsedWebhook {
  messages: InboundMessage[];
  statuses: StatusUpdate[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const DELIVERY_STATES: readonly DeliveryState[] = ['sent', 'delivered', 'read', 'failed'];

function toDate(timestamp: unknown): Date | undefined {
  const seconds = Number(timestamp);
  return typeof timestamp === 'string' && /^\d{1,12}$/.test(timestamp) && Number.isFinite(seconds)
    ? new Date(seconds * 1000)
    : undefined;
}

/** The webhook in a raw body; throws WebhookPayloadError when it is not JSON or not a webhook at all. */
export function parseWebhookText(text: string): ParsedWebhook {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new WebhookPayloadError((err as Error).message);
  }
  return parseWebhook(body);
}

/** Throws WebhookPayloadError when the body is not a webhook at all; skips malformed items. */
export function parseWebhook(body: unknown): ParsedWebhook {
  if (!isObject(body) || !Array.isArray(body.entry))
    throw new WebhookPayloadError('expected an object with an "entry" array');
  const messages: InboundMessage[] = [];
  const statuses: StatusUpdate[] = [];
  for (const entry of body.entry) {
    if (!isObject(entry)) continue;
    for (const change of asArray(entry.changes)) {
      if (!isObject(change) || !isObject(change.value)) continue;
      const value = change.value;
      const names = new Map<string, string>();
      for (const contact of asArray(value.contacts)) {
        if (
          isObject(contact) &&
          typeof contact.wa_id === 'string' &&
          isObject(contact.profile) &&
          typeof contact.profile.name === 'string'
        ) {
          names.set(contact.wa_id, contact.profile.name.slice(0, 200));
        }
      }
      for (const message of asArray(value.messages)) {
        if (!isObject(message)) continue;
        const { id, from, type } = message;
        const sentAt = toDate(message.timestamp);
        if (
          typeof id !== 'string' ||
          id.length > 256 ||
          typeof from !== 'string' ||
          !/^\d{5,20}$/.test(from) ||
          typeof type !== 'string' ||
          !sentAt
        )
          continue;
        messages.push({
          wamid: id,
          waId: from,
          name: names.get(from),
          sentAt,
          type: type.slice(0, 40),
          raw: JSON.stringify(message),
        });
      }
      for (const status of asArray(value.statuses)) {
        if (!isObject(status)) continue;
        const at = toDate(status.timestamp);
        if (
          typeof status.id !== 'string' ||
          typeof status.recipient_id !== 'string' ||
          !DELIVERY_STATES.includes(status.status as DeliveryState) ||
          !at
        )
          continue;
        const errors = asArray(status.errors)
          .filter(isObject)
          .map((e) => ({ code: Number(e.code) || 0, title: String(e.title ?? e.message ?? '').slice(0, 300) }));
        statuses.push({
          wamid: status.id,
          recipientId: status.recipient_id,
          status: status.status as DeliveryState,
          at,
          errors,
        });
      }
    }
  }
  return { messages, statuses };
}

/** Media and other kinds the bot cannot read; each gets its own polite answer. */
export type UnsupportedKind = 'image' | 'audio' | 'video' | 'document' | 'location' | 'sticker' | 'contacts' | 'other';

/** An image or document the agent can see: fetched from Meta by its media id. */
export interface MediaMessage {
  kind: 'media';
  what: 'image' | 'document';
  mediaId: string;
  caption?: string;
  filename?: string;
}

export type Interpretation =
  { kind: 'text'; text: string } | MediaMessage | { kind: 'unsupported'; what: UnsupportedKind } | { kind: 'ignore' };

const MEDIA: Record<string, UnsupportedKind> = {
  image: 'image',
  audio: 'audio',
  voice: 'audio',
  video: 'video',
  document: 'document',
  location: 'location',
  sticker: 'sticker',
  contacts: 'contacts',
};

/**
 * What the dialog sees of a stored message. A tapped button or list row yields its reply id,
 * which we set to the option's value (the digit), so a tap and a typed digit are the same input.
 */
export function interpret(type: string, raw: string): Interpretation {
  let message: Json;
  try {
    message = JSON.parse(raw) as Json;
  } catch {
    return { kind: 'unsupported', what: 'other' };
  }
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.slice(0, 4096) : undefined);
  if (type === 'text' && isObject(message.text)) {
    const body = text(message.text.body);
    return body ? { kind: 'text', text: body } : { kind: 'ignore' };
  }
  if (type === 'interactive' && isObject(message.interactive)) {
    const reply = message.interactive.button_reply ?? message.interactive.list_reply;
    if (isObject(reply)) {
      const value = text(reply.id) ?? text(reply.title);
      if (value) return { kind: 'text', text: value };
    }
    return { kind: 'unsupported', what: 'other' };
  }
  // Quick-reply buttons of a template (e.g. the re-engagement template) arrive as type "button".
  if (type === 'button' && isObject(message.button)) {
    const value = text(message.button.text) ?? text(message.button.payload);
    if (value) return { kind: 'text', text: value };
  }
  // A reaction is no request; answering it would be noise.
  if (type === 'reaction') return { kind: 'ignore' };
  if ((type === 'image' || type === 'document') && isObject(message[type])) {
    const media = message[type] as Json;
    const mediaId = text(media.id);
    if (mediaId)
      return {
        kind: 'media',
        what: type,
        mediaId,
        ...(text(media.caption) ? { caption: text(media.caption) } : {}),
        ...(text(media.filename) ? { filename: text(media.filename) } : {}),
      };
  }
  return { kind: 'unsupported', what: MEDIA[type] ?? 'other' };
}
