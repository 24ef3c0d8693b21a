/**
 * WhatsApp lets a business write to a customer only within 24 hours of the customer's last message.
 * A customer waiting for a person must not lose that window to the queue: the agent sees when it
 * closes, and the customer is asked to answer once before it does (one tap keeps it open).
 */
import type { HandoffRecord } from './handoffModel';

export const WHATSAPP_WINDOW_MS = 24 * 3600_000;
/** The reminder is considered from this long before the window closes... */
const REMIND_FROM_MS = 3600_000;
/** ...and sent at the latest this long before, whatever the estimate says: the customer needs time to answer. */
const REMIND_AT_LATEST_MS = 15 * 60_000;

type WindowFields = Pick<HandoffRecord, 'customer' | 'createdAt' | 'lastCustomerMessageAt'>;

/** When the customer's window closes; undefined for channels without one. */
export function windowClosesAt(record: WindowFields): Date | undefined {
  if (record.customer.channel !== 'whatsapp') return undefined;
  // The message that asked for a person came just before the record was created.
  const last = record.lastCustomerMessageAt ?? record.createdAt;
  return new Date(new Date(last).getTime() + WHATSAPP_WINDOW_MS);
}

/**
 * True when a waiting customer should be asked now to keep the window open: less than an hour left,
 * not yet asked since their last message, and an agent is unlikely to reach them in time (the
 * estimate, doubled for its uncertainty, runs past the close; in the last quarter hour always).
 */
export function windowReminderDue(
  record: WindowFields & Pick<HandoffRecord, 'windowReminderAt'>,
  estimateMinutes: number,
  now: Date,
): boolean {
  const closes = windowClosesAt(record);
  if (!closes) return false;
  const left = closes.getTime() - now.getTime();
  if (left <= 0 || left > REMIND_FROM_MS) return false;
  const lastMessage = new Date(record.lastCustomerMessageAt ?? record.createdAt).getTime();
  if (record.windowReminderAt && new Date(record.windowReminderAt).getTime() >= lastMessage) return false;
  return left <= REMIND_AT_LATEST_MS || 2 * estimateMinutes * 60_000 >= left;
}

/** True when the customer's message answers the reminder sent since their previous message. */
export function answersWindowReminder(
  record: Pick<HandoffRecord, 'windowReminderAt' | 'lastCustomerMessageAt' | 'createdAt'>,
): boolean {
  if (!record.windowReminderAt) return false;
  const lastMessage = new Date(record.lastCustomerMessageAt ?? record.createdAt).getTime();
  return new Date(record.windowReminderAt).getTime() >= lastMessage;
}
