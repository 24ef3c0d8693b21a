/**
 * What the customer is told once a handoff record exists. It says only what the record backs:
 * "Ich verbinde Sie …" with position and estimate while people are on duty; otherwise when the
 * team is back, that a callback request was recorded and how we will reach the customer; in the
 * urgent lane at night what was recorded and what to do right now.
 */
import type { TFunction } from 'i18next';
import { daysBetween, localMoment } from '../../services/handoff/businessHours';
import type { HandoffReason, HandoffTicket } from '../../services/handoff/types';

export interface AnnouncementContext {
  reason: HandoffReason;
  /** Opens with this line instead of the reason's ("Ihr Anliegen ist für unser Team notiert"). */
  opener?: 'matterNoted';
  category: string;
  needsSupervisor: boolean;
  /** The customer asked for a supervisor (otherwise the bot chose one for an irate customer). */
  askedForSupervisor?: boolean;
  /** References recorded so far in the conversation (block request, dispute …). */
  references: string[];
  lang: 'de' | 'en';
  channel: string;
  /** The company's time zone, for "ab Montag, 8 Uhr". */
  timeZone: string;
  now: Date;
}

/** Whether people are on duty for this ticket (tickets without the field come from in-hours fakes). */
export function isStaffed(ticket: HandoffTicket): boolean {
  return ticket.staffed ?? !ticket.outsideBusinessHours;
}

/** "ab Montag, 8 Uhr", "morgen ab 8:30 Uhr", "heute ab 14 Uhr" in the company's time zone. */
export function whenBack(
  t: TFunction,
  ticket: Pick<HandoffTicket, 'reopensAt'>,
  lang: 'de' | 'en',
  timeZone: string,
  now: Date,
): string {
  if (!ticket.reopensAt) return t('handoff:when.unknown');
  const at = new Date(ticket.reopensAt);
  const target = localMoment(at, timeZone, lang);
  const today = localMoment(now, timeZone, lang);
  const time =
    target.minute === 0
      ? t('handoff:when.hour', { hour: target.hour })
      : t('handoff:when.hourMinute', { hour: target.hour, minute: String(target.minute).padStart(2, '0') });
  const days = daysBetween(today.date, target.date);
  if (days <= 0) return t('handoff:when.today', { time });
  if (days === 1) return t('handoff:when.tomorrow', { time });
  if (days < 7) return t('handoff:when.weekday', { day: target.weekday, time });
  const [year, month, day] = target.date.split('-');
  const date = lang === 'de' ? `${Number(day)}.${Number(month)}.${year}` : `${Number(day)}/${Number(month)}/${year}`;
  return t('handoff:when.date', { day: target.weekday, date, time });
}

/** The messages that announce a new handoff, in order. */
export function announceHandoff(t: TFunction, ticket: HandoffTicket, context: AnnouncementContext): string[] {
  if (ticket.created === false) {
    return [
      ticket.position > 0 ? t('handoff:alreadyQueued', { position: ticket.position }) : t('handoff:alreadyCallback'),
    ];
  }
  const messages: string[] = [];
  // "Ich habe notiert, dass Sie eine Teamleitung sprechen möchten" only when they said so.
  const supervisorOpener = context.askedForSupervisor === false ? 'supervisorChosen' : 'supervisor';
  const opener = t(
    `handoff:opener.${context.needsSupervisor ? supervisorOpener : (context.opener ?? context.reason)}`,
    {
      defaultValue: '',
    },
  );
  if (opener) messages.push(opener);
  if (isStaffed(ticket) && ticket.position > 0) {
    messages.push(t('handoff:queued', { position: ticket.position, count: ticket.estimatedWaitMinutes }));
    return messages;
  }
  // A callback the customer asked for while people are on duty.
  if (isStaffed(ticket)) {
    if (ticket.needsContact) return [...messages, t('handoff:callbackRecorded'), t('handoff:contact.ask')];
    return [
      ...messages,
      t(context.channel === 'whatsapp' ? 'handoff:callbackConfirmedPhone' : 'handoff:callbackConfirmed'),
    ];
  }
  const when = whenBack(t, ticket, context.lang, context.timeZone, context.now);
  if (ticket.position > 0) {
    // The urgent lane stays live at night, but nobody can take it before the team is back.
    messages.push(
      t(`handoff:urgentNight.${context.category === 'lost_or_stolen' ? 'lost_or_stolen' : 'other'}`, { when }),
    );
    if (context.references.length) messages.push(t('handoff:recorded', { references: context.references.join(', ') }));
    return messages;
  }
  if (ticket.needsContact) {
    messages.push(t('handoff:outsideHours', { when }), t('handoff:contact.ask'));
  } else if (ticket.inChat) {
    messages.push(t('handoff:outsideHoursInChat', { when }));
  } else {
    messages.push(
      t(context.channel === 'whatsapp' ? 'handoff:outsideHoursPhone' : 'handoff:outsideHoursContact', { when }),
    );
  }
  return messages;
}
