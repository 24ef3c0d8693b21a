/**
 * Listens to a customer who waits in the queue. In this order: an open "keep your place?"
 * question; a threat to cancel the contract; leaving the queue ("abbrechen"); the callback contact;
 * a callback request; a supervisor request, anger or urgency (each upgrades the handoff, with an
 * audit entry the agent reads); "wie lange noch"; a goodbye (a callback is kept, a live place is asked about); a question the knowledge base answers
 * confidently (answered, the place kept); otherwise a short acknowledgement. Everything but a
 * cancel is passed to the record for the agent first.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { HandoffRecord, HandoffPriority } from '../../services/handoff/handoffModel';
import type { HandoffService, TouchedHandoff, UpgradeCause } from '../../services/handoff/handoffService';
import type { HandoffTicket } from '../../services/handoff/types';
import type { KnowledgeSearch } from '../../services/knowledge/knowledgeBase';
import type { FrustrationResult, Intent } from '../../services/nlu/types';
import { isStaffed, whenBack } from '../../dialogs/handoff/announcement';
import { goodbyeKey } from '../../dialogs/clock';
import { answersWindowReminder } from '../../services/handoff/whatsappWindow';
import { contactWithCallback, OTHER_NUMBER, REACH_ME, readContact } from '../../dialogs/interpreter/contactReader';
import { phoneTail } from '../../dialogs/interpreter/slots';
import { callsOffBlock, correctedNumber, samePhone } from '../../dialogs/interpreter/blockCallOff';
import { detectCues, foldedText, languageWish } from '../../dialogs/interpreter/cues';
import { detectLostItem } from '../../dialogs/interpreter/matchers';
import { asksServiceHours } from '../../dialogs/serviceHours';
import { isAcknowledgement } from '../../dialogs/interpreter/acknowledgement';
import {
  announcesQuestion,
  asksSomething,
  CANCEL_ENTRY,
  isQuestion,
  LOST_WORDS,
  wantsToCancel,
} from '../../dialogs/interpreter/questions';

/** The parts of the queue the waiting state uses. */
export type WaitingHandoffs = Pick<
  HandoffService,
  | 'addCustomerMessage'
  | 'cancelByCustomer'
  | 'requestCallback'
  | 'recordContact'
  | 'upgrade'
  | 'ticketFor'
  | 'notePositionTold'
  | 'markContactAsked'
  | 'markLeaveAsked'
  | 'markBlockNumberAsked'
  | 'switchLanguage'
  | 'timeZone'
  | 'topics'
>;

export interface WaitingListenerDeps {
  /** How upset a message is (nlu/triageService). */
  frustration(text: string): Pick<FrustrationResult, 'level'>;
  /** Knowledge search; without it questions are only passed on. */
  search?(text: string, lang: 'de' | 'en'): Promise<Pick<KnowledgeSearch, 'best' | 'confident'>>;
  /** A knowledge entry's answer by its key (the cancellation entry); without it only searches answer. */
  entry?(key: string, lang: 'de' | 'en'): Promise<string | undefined>;
  now(): Date;
  /** The topic a message names, if sure enough to route a handoff by ("Es geht um meine Rechnung"). */
  topic?(text: string): Intent | undefined;
  /** The customer's texts in a language they ask for while waiting; without it the wish is only passed on. */
  translate?(lang: 'de' | 'en'): TFunction;
  /** Keeps that language for the conversation after the handoff. */
  keepLanguage?(context: TurnContext, lang: 'de' | 'en'): Promise<void>;
  /** The team's service hours as the admin keeps them, in the customer's words; undefined when none are set. */
  serviceHours?(t: TFunction): Promise<string | undefined>;
}

const CANCEL = /^\s*(abbrechen|abbruch|stopp?|cancel)\b/i;
/** "ach egal, abbrechen. ich geh in den shop": the word as a clause of its own, not only at the start. */
const CANCEL_CLAUSE =
  /(?:^|[,.;!?])\s*(?:(?:ach|also|ok|okay|na|dann|lieber|egal|bitte)[ ,]+){0,3}(?:abbrechen|cancel)(?:\s+bitte)?\s*(?:[,.;!]|$)/i;
/** "Hat sich erledigt, bitte abbrechen", "never mind, cancel please": the customer withdraws, wherever it stands. */
const WITHDRAW =
  /(?:^|[^a-zäöüß])(hat sich erledigt|hat sich schon erledigt|never ?mind|nicht mehr n(?:ö|oe|o)tig|no longer needed|bitte abbrechen|abbrechen bitte|cancel please|please cancel)(?![a-zäöüß])/i;
const CANCELLATION = /(?:^|[^a-zäöüß])(k(?:ü|ue|u)ndig|k(?:ü|ue|u)ndung|cancel my contract|terminate my contract)/i;
/** "Es ist dringend", "Notfall": urgency said outright, wherever it stands. */
const URGENT = /(?:^|[^a-zäöüß])(dringend|notfall|eilig|asap|urgent|urgently|emergency)(?![a-zäöüß])/i;
/** "Ich brauche JETZT Hilfe", "sofort!": urgency in haste, unless a question about something else carries it. */
const NOW = /(?:^|[^a-zäöüß])(jetzt|sofort|umgehend|right now|immediately)(?![a-zäöüß])/i;
/** What makes "jetzt" in a question about the wait: help, a person, someone ("Kann mir jetzt jemand helfen?"). */
const HELP_WANTED =
  /(?:^|[^a-zäöüß])(hilfe|helfen|hilft|jemand|jemanden|mitarbeiter\w*|mensch\w*|help|someone|anyone|anybody|agent|person)(?![a-zäöüß])/i;

/**
 * Urgency the customer expressed: said outright, or "jetzt/sofort" about being helped. "Ist meine
 * neue E-Mail-Adresse jetzt gespeichert?" and "will my SIM stop working immediately?" ask something;
 * they were read as urgent and moved the case up with "Verstanden, es ist dringend".
 */
export function expressesUrgency(text: string): boolean {
  if (URGENT.test(text)) return true;
  if (!NOW.test(text)) return false;
  return !isQuestion(text) || HELP_WANTED.test(text);
}
const KEEP = /^\s*(ja|jo|jawohl|gern|gerne|behalten|bleiben|warten|ich warte|keep|yes|stay)\b/i;
/** "Ich will keinen Rückruf", "kei Rückruef", "no callback": the customer refuses to be called. */
const NO_CALLBACK =
  /(?:^|[^a-zäöüß])(?:kein(?:en)?|kei|ka|no|don'?t want (?:a )?)\s+(?:r(?:ü|ue|u)ckr(?:u|ü|ue)e?f\w*|callback|call ?back|anruf)/i;
/** "Rückruf brauch ich dann nicht mehr", "I don't need the callback any more": withdrawn, said the other way round. */
const CALLBACK_NOT_NEEDED =
  /(?:^|[^a-zäöüß])r(?:ü|ue|u)ckr(?:u|ü|ue)e?f(?:e|s)? (?:brauch|benötig|benoetig)[a-zäöü]* (?:ich )?(?:(?:dann|doch|jetzt|eigentlich|eh) )*(?:nicht|nimmer|ned|nöd|nod|keinen|kein)(?![a-zäöüß])|(?:no longer|don'?t|do not) need (?:a |the )?call ?back/i;
/** "Sie drehen sich im Kreis. Hauptmenü": the menu named anywhere in the message. */
const MENU_WORD = /(?:^|[^a-zäöüß])(?:hauptmen(?:ü|ue|u)|zum men(?:ü|ue|u)|main menu)(?![a-zäöüß])/i;
const DROP = /^\s*(nein|nö|nee|no|abbrechen|cancel)\b/i;
/** Short enough to be a question worth a knowledge search, long enough not to be "ok". */
const MIN_QUESTION_LENGTH = 8;

export class WaitingListener {
  constructor(
    private readonly handoffs: WaitingHandoffs,
    private readonly deps: WaitingListenerDeps,
  ) {}

  /**
   * Handles one message of a waiting customer; returns what to send. resetDialogs after a cancel.
   * `touched`: the message's time is already on the record (the gate's query set it).
   */
  async hear(
    context: TurnContext,
    handoff: HandoffRecord,
    t: TFunction,
    resetDialogs: () => Promise<void>,
    touched?: TouchedHandoff,
  ): Promise<Partial<Activity>[]> {
    const activity = context.activity;
    const text = (activity.text ?? '').trim();
    const cues = detectCues(text);
    const lang = handoff.customer.language;
    const say = (...texts: string[]): Partial<Activity>[] =>
      texts.filter(Boolean).map((value) => ({ type: 'message', text: value }));

    if (handoff.leaveAskedAt) {
      await this.handoffs.markLeaveAsked(handoff.id, false);
      if (DROP.test(text) || cues.has('cancel')) return this.cancel(handoff, t, resetDialogs);
      if (KEEP.test(text)) {
        await this.handoffs.addCustomerMessage(handoff.id, text, touched);
        return say(t(handoff.mode === 'live' ? 'handoff:leaveKept' : 'handoff:leaveKeptCallback'));
      }
    }
    const threatensToCancel = CANCELLATION.test(text);
    // "Ich will keinen Rückruf, ich will …": a callback the customer refuses is withdrawn, not noted to itself.
    const refusesCallback = handoff.mode === 'callback' && (NO_CALLBACK.test(text) || CALLBACK_NOT_NEEDED.test(text));
    if (refusesCallback) {
      // "Nei, ich wott kei Rückruef. Wie chan i kündige?": withdrawn, and the question asked with it answered.
      const asked = text
        .split(/(?<=[.!?;])\s+/)
        .filter((sentence) => !NO_CALLBACK.test(sentence) && !CALLBACK_NOT_NEEDED.test(sentence))
        .join(' ');
      const answer = asked ? await this.knowledgeAnswer(asked, lang) : undefined;
      return this.cancel(handoff, t, resetDialogs, [
        t('handoff:callbackWithdrawn'),
        ...(answer ? [answer] : []),
        t('conversation:closing.anythingElse'),
      ]);
    }
    // "hob's grad gfunden … bitte nix sperren" while the block waits for the team: nothing to block any more.
    if (handoff.category === 'lost_or_stolen' && callsOffBlock(text))
      return this.cancel(handoff, t, resetDialogs, [t('conversation:lost.calledOff'), t('handoff:cancelled')]);
    const withdraws =
      CANCEL.test(text) ||
      cues.has('cancel') ||
      ((WITHDRAW.test(text) || CANCEL_CLAUSE.test(text)) && !text.includes('?'));
    if (!threatensToCancel && withdraws) return this.cancel(handoff, t, resetDialogs);

    const record = await this.handoffs.addCustomerMessage(handoff.id, text || JSON.stringify(activity.value), touched);
    if (record.status !== 'queued') return [];
    // "Bitte auf Deutsch" after an English start: the wait, the agent's relay and the conversation after
    // it go on in the language asked for.
    const wish = languageWish(cues);
    if (wish && this.deps.translate) {
      const switched = wish === lang ? record : await this.handoffs.switchLanguage(record.id, wish);
      await this.deps.keepLanguage?.(context, wish);
      const inWish = this.deps.translate(wish);
      return say(inWish('conversation:language.switched'), await this.statusLine(switched, inWish, wish, true));
    }
    // "Ich warte weiter" after the WhatsApp window reminder: the answer itself kept the window open.
    if (record.mode === 'live' && answersWindowReminder(handoff) && (KEEP.test(text) || isKeepWaiting(text, t)))
      return say(t('handoff:windowKept'), await this.statusLine(record, t, lang, true));
    const topic = record.category === 'other' && text ? this.deps.topic?.(text) : undefined;
    if (topic) await this.handoffs.topics.name(record.id, topic);

    // "Handy gestohlen, die Nummer ist 0664 1234567": the lost phone's number is the one to block, never
    // the one to call back (whoever has the phone would answer).
    const lostItem = LOST_WORDS.test(foldedText(text)) ? detectLostItem(text) : undefined;
    const blocked = numberToBlock(text, cues, lostItem !== undefined || record.blockNumberAskedAt !== undefined);
    if (blocked) return this.noteBlockNumber(record, blocked, lostItem, t, lang);
    // Only the answer right after the question is the number to block.
    if (record.blockNumberAskedAt) await this.handoffs.markBlockNumberAsked(record.id, false);

    // "na wart, die Nummer is falsch, richtig is 0664 7654321": the callback goes to the corrected number.
    const recordedPhone = record.mode === 'callback' ? record.contact?.phone : undefined;
    const corrected = recordedPhone ? correctedNumber(text, recordedPhone) : undefined;
    if (corrected) {
      await this.handoffs.recordContact(record.id, { phone: corrected });
      return say(t('handoff:contact.phoneSaved', { tail: phoneTail(corrected) }));
    }
    if (record.mode === 'callback' && needsContact(record)) {
      const read = readContact(text);
      // "Nein, ich will JETZT mit einem Menschen sprechen" refuses the wait, not the callback's contact.
      const protests = cues.has('person') || cues.has('supervisor') || isQuestion(text);
      const contact = read && 'declined' in read && protests ? undefined : read;
      if (contact) {
        await this.handoffs.recordContact(record.id, contact);
        return say('declined' in contact ? t('handoff:contact.declined') : contactSaved(contact, t));
      }
    }
    // "Ich habe Ihnen gerade meine Telefonnummer gegeben, 089 12345678. Bitte RUFEN Sie mich an.": a number
    // or address after an earlier "nein" is the contact now (it was kept as a note, and the team would
    // have answered in the chat).
    if (record.mode === 'callback' && record.contact?.declined && !record.contact.phone && !record.contact.email) {
      const contact = contactWithCallback(text);
      if (contact) {
        await this.handoffs.recordContact(record.id, contact);
        return say(contactSaved(contact, t));
      }
    }
    if (record.mode === 'live') {
      // "0171 2345678" while waiting live: the customer wants to be called, not to wait.
      const contact = readContact(text);
      if (contact && !('declined' in contact) && givesOnlyContact(text, cues)) {
        await this.handoffs.requestCallback(record.id);
        await this.handoffs.recordContact(record.id, contact);
        return say(t('handoff:callbackRecorded'), contactSaved(contact, t));
      }
    }
    if (record.mode === 'live' && cues.has('callback')) {
      const callback = await this.handoffs.requestCallback(record.id);
      if (!needsContact(callback))
        return say(
          t(callback.customer.channel === 'whatsapp' ? 'handoff:callbackConfirmedPhone' : 'handoff:callbackConfirmed'),
        );
      await this.handoffs.markContactAsked(record.id);
      return say(t('handoff:callbackRecorded'), t('handoff:contact.ask'));
    }

    const upgrade = this.upgradeFor(text, cues, threatensToCancel, record);
    // "unglaublich. tschüss", "ich geh jetzt. Ciao.": the anger or urgency still moves the case up for the
    // team, but the customer is leaving and hears the goodbye, not "als dringend markiert".
    const leaving = cues.has('closing') && !cues.has('howLong') && upgrade?.cause !== 'cancellation';
    const upgraded =
      upgrade && !(leaving && upgrade.cause === 'urgency')
        ? await this.handoffs.upgrade(record.id, upgrade.cause, upgrade.priority, upgrade.supervisor)
        : undefined;
    if (upgrade && upgraded && !leaving) {
      const raised = upgraded.priority < record.priority || upgraded.needsSupervisor !== record.needsSupervisor;
      // "Wie kann ich kündigen?" asks how: the answer (the cancellation button must never be withheld),
      // and the note for the team only the first time, not again at every message.
      const howTo = upgrade.cause === 'cancellation' ? await this.howToCancel(text, lang) : undefined;
      if (howTo)
        return say(
          raised ? t('handoff:heard.cancellation') : '',
          howTo,
          await this.statusLine(upgraded, t, lang, true),
        );
      const heard = raised ? t(`handoff:heard.${upgrade.cause}`) : '';
      // "Wie lange dauert das noch mit dem Mitarbeiter?!" asks how long; "Kann ich das bei meiner Bank
      // zurückbuchen lassen?" asks something the knowledge answers: said in anger or haste, still answered.
      if (cues.has('howLong')) return say(heard, await this.howLong(upgraded, t, lang));
      const answer =
        upgrade.cause !== 'supervisor' && isQuestion(text) ? await this.knowledgeAnswer(text, lang) : undefined;
      if (answer) return say(heard, answer, await this.statusLine(upgraded, t, lang, true));
      if (raised) return say(heard, await this.statusLine(upgraded, t, lang));
      // Already as urgent as it gets: said once is enough; a repeated supervisor wish hears its place, and
      // in the queue that the case is with a team lead ("Sie warten bereits auf einen Mitarbeiter" was not).
      if (upgrade.cause === 'supervisor') {
        const key = ack(
          record,
          record.mode === 'live' && record.needsSupervisor ? 'handoff:alreadySupervisor' : alreadyKey(record),
        );
        return say(await this.alreadyWaiting(record, t, lang, key));
      }
      // Urgency or anger of a case already at the top: noted on the record, answered like any message.
    }

    if (cues.has('howLong')) return say(await this.howLong(record, t, lang));
    // "Bis wann habt ihr offen?": the hours the admin keeps, and where the customer stands.
    const hours = asksServiceHours(text) ? await this.deps.serviceHours?.(t) : undefined;
    if (hours)
      return say(t('conversation:serviceHours.answer', { hours }), await this.statusLine(record, t, lang, true));
    // "Hauptmenü" while waiting: back to the assistant only by withdrawing, so the customer decides.
    // A bare menu number ("6") picks from a menu the customer is not in.
    if (cues.has('menu') || cues.has('back') || MENU_WORD.test(text) || /^\s*[1-9]\s*$/.test(text))
      return this.askToLeave(record, t);
    // A goodbye to a recorded callback keeps it: nobody needs the customer to stay, so no question.
    if (cues.has('closing') && record.mode === 'callback')
      return say(
        t(reachable(record) ? 'handoff:leaveKeptCallback' : 'handoff:leaveKeptInChat'),
        t(goodbyeKey(this.deps.now(), await this.handoffs.timeZone())),
      );
    if (cues.has('closing') && !cues.has('howLong')) return this.askToLeave(record, t);

    // "Danke" while waiting: a thank-you, not a note for the agent; where the customer stands.
    // A longer message that starts with thanks ("Danke, die Kundennummer ist 4711") is acknowledged as noted.
    if (cues.has('thanks') && !cues.has('person') && !/[?\d]/.test(text) && text.split(/\s+/).length <= 4)
      return say(t('conversation:closing.youAreWelcome'), await this.statusLine(record, t, lang, true));

    // "ok", "Guat.", "alles klar" while waiting in the queue: heard, nothing for the agent; where they stand.
    if (record.mode === 'live' && isAcknowledgement(foldedText(text)))
      return say(await this.statusLine(record, t, lang, true));

    // "Handy gestohlen!" while waiting: the blocking advice now, and the case moves up as urgent.
    if (lostItem && record.category !== 'lost_or_stolen') {
      const upgraded = await this.reportLoss(record);
      // The team needs the number to block; asked now, so the answer is not taken for a callback number.
      if (lostItem === 'phone') {
        await this.handoffs.markBlockNumberAsked(record.id, true);
        return say(t('conversation:lost.help.phone'), t('handoff:askBlockNumber'));
      }
      return say(t(`conversation:lost.help.${lostItem}`), await this.statusLine(upgraded, t, lang));
    }
    // "Mitarbeiter!" from a customer who already waits for one: where they stand, not a search.
    if (cues.has('person')) {
      const key = ack(record, alreadyKey(record));
      return say(await this.alreadyWaiting(record, t, lang, key));
    }

    // "Maria Huber", "geb. 3.4.1978": details for the agent, not a question for the knowledge base (a bare
    // name met the name-change entry by its spelling).
    const answer = asksSomething(text) ? await this.knowledgeAnswer(text, lang) : undefined;
    if (answer) return say(answer, await this.statusLine(record, t, lang, true));

    if (record.mode === 'callback') {
      if (needsContact(record) && !record.contact?.askedAt) {
        await this.handoffs.markContactAsked(record.id);
        return say(t('handoff:ackCallback'), t('handoff:contact.askAgain'));
      }
      // "Ist wirklich niemand da?", "Bis wann habt ihr offen?": a question the knowledge base has no answer
      // for hears when the team answers, not only that it was noted.
      // Two such questions in a row get two wordings.
      if (isQuestion(text))
        return say(
          secondWording(record)
            ? await this.alreadyWaiting(record, t, lang, ack(record, alreadyKey(record)))
            : await this.howLong(record, t, lang),
        );
      return say(t(ack(record, answersInChat(record) ? 'handoff:ackInChat' : 'handoff:ackCallback')));
    }
    const ticket = await this.handoffs.ticketFor(record);
    if (!isStaffed(ticket))
      return say(
        t(ack(record, 'handoff:ackQueued'), { position: ticket.position }),
        t('handoff:status.closed', { when: await this.when(ticket, t, lang) }),
      );
    if (await this.movedBack(record, ticket))
      return say(t('handoff:ackQueuedMovedBack', { position: ticket.position }));
    return say(t(ack(record, 'handoff:ackQueued'), { position: ticket.position }));
  }

  /** A loss reported while waiting: the case is about it now and moves up as urgent. */
  private async reportLoss(record: HandoffRecord): Promise<HandoffRecord> {
    await this.handoffs.topics.name(record.id, 'lost_or_stolen');
    return this.handoffs.upgrade(record.id, 'urgency', 1, record.needsSupervisor);
  }

  /**
   * The number of a lost phone, noted for the block (the message itself is on the record). A callback
   * to that number is withdrawn (on WhatsApp the customer's own number is the callback's), and another
   * way to reach the customer is asked for where a callback still needs one.
   */
  private async noteBlockNumber(
    record: HandoffRecord,
    phone: string,
    lostItem: 'card' | 'phone' | undefined,
    t: TFunction,
    lang: 'de' | 'en',
  ): Promise<Partial<Activity>[]> {
    const newlyLost = lostItem !== undefined && record.category !== 'lost_or_stolen';
    let current = newlyLost ? await this.reportLoss(record) : record;
    if (record.blockNumberAskedAt) await this.handoffs.markBlockNumberAsked(record.id, false);
    const lines = newlyLost ? [t(`conversation:lost.help.${lostItem}`)] : [];
    lines.push(t('handoff:blockNumberNoted', { tail: phoneTail(phone) }));
    const callsLostPhone =
      current.mode === 'callback' && current.contact?.phone !== undefined && samePhone(current.contact.phone, phone);
    if (callsLostPhone) current = await this.handoffs.recordContact(current.id, {});
    if (current.mode === 'callback' && (callsLostPhone || (needsContact(current) && !current.contact?.askedAt))) {
      await this.handoffs.markContactAsked(current.id);
      lines.push(t('handoff:contact.askOther'));
    } else {
      lines.push(await this.statusLine(current, t, lang));
    }
    return lines.map((text) => ({ type: 'message', text }));
  }

  /** Withdraws the handoff; the customer hears `lines`, by default that it was withdrawn. */
  private async cancel(
    handoff: HandoffRecord,
    t: TFunction,
    resetDialogs: () => Promise<void>,
    lines: readonly string[] = [t('handoff:cancelled')],
  ): Promise<Partial<Activity>[]> {
    await this.handoffs.cancelByCustomer(handoff.id);
    await resetDialogs();
    return lines.map((text) => ({ type: 'message', text }));
  }

  /** Whether to keep the place (or the callback) or withdraw: asked with two buttons. */
  private async askToLeave(record: HandoffRecord, t: TFunction): Promise<Partial<Activity>[]> {
    await this.handoffs.markLeaveAsked(record.id, true);
    return [
      {
        type: 'message',
        text: t(record.mode === 'callback' ? 'handoff:leaveQuestionCallback' : 'handoff:leaveQuestion'),
        suggestedActions: {
          to: [],
          actions: ['keepButton', 'cancelButton'].map((k) => ({
            type: 'imBack',
            title: t(`handoff:${k}`),
            value: t(`handoff:${k}`),
          })),
        },
      },
    ];
  }

  /** Supervisor request, a threat to cancel, anger or urgency: how the handoff moves up. */
  private upgradeFor(
    text: string,
    cues: Set<string>,
    threatensToCancel: boolean,
    record: HandoffRecord,
  ): { cause: UpgradeCause; priority: HandoffPriority; supervisor: boolean } | undefined {
    if (cues.has('supervisor'))
      return { cause: 'supervisor', priority: Math.min(record.priority, 2) as HandoffPriority, supervisor: true };
    if (threatensToCancel)
      return { cause: 'cancellation', priority: Math.min(record.priority, 1) as HandoffPriority, supervisor: true };
    if (this.deps.frustration(text).level >= 2)
      return { cause: 'frustration', priority: Math.min(record.priority, 1) as HandoffPriority, supervisor: true };
    if (expressesUrgency(text))
      return {
        cause: 'urgency',
        priority: Math.max(1, Math.min(record.priority, record.priority - 1)) as HandoffPriority,
        supervisor: false,
      };
    return undefined;
  }

  /**
   * "Ich kündige alles!", "ich will es hier und jetzt kündigen": how to cancel first, not whatever else the
   * words of an angry message happen to meet (business tariffs, withdrawing a cancellation); a question
   * about cancelling ("Wie lange ist die Kündigungsfrist?") gets its entry, else how to cancel.
   */
  private async howToCancel(text: string, lang: 'de' | 'en'): Promise<string | undefined> {
    const cancel = () => this.deps.entry?.(CANCEL_ENTRY, lang);
    if (wantsToCancel(text)) return (await cancel()) ?? (await this.knowledgeAnswer(text, lang));
    return (await this.knowledgeAnswer(text, lang)) ?? (await cancel());
  }

  private async howLong(record: HandoffRecord, t: TFunction, lang: 'de' | 'en'): Promise<string> {
    const ticket = await this.handoffs.ticketFor(record);
    if (record.mode === 'callback')
      return isStaffed(ticket)
        ? t(answersInChat(record) ? 'handoff:howLongInChat' : 'handoff:howLongCallback')
        : t('handoff:howLongClosed', { when: await this.when(ticket, t, lang) });
    if (!isStaffed(ticket)) return t('handoff:howLongClosed', { when: await this.when(ticket, t, lang) });
    const howLong = t('handoff:howLong', { position: ticket.position, count: ticket.estimatedWaitMinutes });
    return (await this.movedBack(record, ticket)) ? `${t('handoff:status.movedBack')} ${howLong}` : howLong;
  }

  /** A wish for a person from a customer who already waits for one: their place, or the callback kept. */
  private async alreadyWaiting(record: HandoffRecord, t: TFunction, lang: 'de' | 'en', key: string): Promise<string> {
    const ticket = await this.handoffs.ticketFor(record);
    const back = isStaffed(ticket) ? '' : ` ${t('handoff:status.closed', { when: await this.when(ticket, t, lang) })}`;
    return `${t(key, { position: ticket.position })}${back}`;
  }

  /** The customer's place went up since they were last told (an urgent case came first); now they are told. */
  private async movedBack(record: HandoffRecord, ticket: HandoffTicket): Promise<boolean> {
    const told = record.lastPositionSent;
    if (ticket.position > 0 && told !== ticket.position)
      await this.handoffs.notePositionTold(record.id, ticket.position, ticket.estimatedWaitMinutes);
    return told !== undefined && ticket.position > told;
  }

  /** Where the customer stands now: position, when the team is back, or the callback kept. */
  private async statusLine(record: HandoffRecord, t: TFunction, lang: 'de' | 'en', kept = false): Promise<string> {
    if (record.mode === 'callback') return t(reachable(record) ? 'handoff:status.callback' : 'handoff:status.inChat');
    const ticket = await this.handoffs.ticketFor(record);
    if (!isStaffed(ticket)) return t('handoff:status.closed', { when: await this.when(ticket, t, lang) });
    return t(kept ? 'handoff:status.kept' : 'handoff:status.position', { position: ticket.position });
  }

  private async when(ticket: HandoffTicket, t: TFunction, lang: 'de' | 'en'): Promise<string> {
    return whenBack(t, ticket, lang, await this.handoffs.timeZone(), this.deps.now());
  }

  private async knowledgeAnswer(text: string, lang: 'de' | 'en'): Promise<string | undefined> {
    // "i hob a Frog zu meiner Rechnung": the question is still to come; no entry is guessed for it.
    if (!this.deps.search || text.length < MIN_QUESTION_LENGTH || announcesQuestion(text)) return undefined;
    try {
      const result = await this.deps.search(text, lang);
      return result.confident && result.best ? result.best.text : undefined;
    } catch {
      // Without an answer the message is still passed on to the agent.
      return undefined;
    }
  }
}

/** What the customer hears when the number or address to call back is recorded. */
function contactSaved(contact: { phone: string } | { email: string }, t: TFunction): string {
  return 'phone' in contact
    ? t('handoff:contact.phoneSaved', { tail: phoneTail(contact.phone) })
    : t('handoff:contact.emailSaved', { email: contact.email });
}

/**
 * The phone number in a message about a lost phone (or in a case about one) that does not say it is
 * where to reach the customer ("unter 0171 2345678 erreichen Sie mich"): the number to block.
 */
function numberToBlock(text: string, cues: Set<string>, aboutLoss: boolean): string | undefined {
  if (!aboutLoss || cues.has('callback') || REACH_ME.test(text)) return undefined;
  const read = readContact(text);
  return read && 'phone' in read ? read.phone : undefined;
}

/** The message is a way to reach the customer ("Meine Nummer: 0171 2345678"), not a story with a number in it. */
function givesOnlyContact(text: string, cues: Set<string>): boolean {
  if (OTHER_NUMBER.test(text)) return false;
  if (cues.has('callback')) return true;
  const words = text.split(/\s+/).filter((token) => /[a-zäöüß]/i.test(token) && !token.includes('@'));
  return words.length <= 4;
}

/**
 * The acknowledgement of the customer's message that `record` counted: every second message of
 * the wait gets the other wording, so two acknowledgements in a row never read the same. The count
 * is on the record (written with the message's time), so no state is written for it and every
 * instance words it alike.
 */
function ack(
  record: HandoffRecord,
  key:
    | 'handoff:ackQueued'
    | 'handoff:ackCallback'
    | 'handoff:ackInChat'
    | 'handoff:alreadyQueued'
    | 'handoff:alreadySupervisor'
    | 'handoff:alreadyCallback'
    | 'handoff:alreadyInChat',
): string {
  return secondWording(record) ? `${key}Again` : key;
}

/** Every other message of the wait gets the second wording, so two replies in a row never read alike. */
function secondWording(record: HandoffRecord): boolean {
  return (record.customerMessages ?? 1) % 2 === 0;
}

/**
 * A callback the team can make: a number or address given, or the WhatsApp number itself unless the
 * customer's answers replaced it (a number withdrawn because it is the lost phone's).
 */
function reachable(record: HandoffRecord): boolean {
  if (record.contact?.phone || record.contact?.email) return true;
  return record.customer.channel === 'whatsapp' && !record.contact?.recordedAt;
}

/** "Already waiting" for a person, a callback, or an answer in the chat. */
function alreadyKey(
  record: HandoffRecord,
): 'handoff:alreadyQueued' | 'handoff:alreadyCallback' | 'handoff:alreadyInChat' {
  if (record.mode !== 'callback') return 'handoff:alreadyQueued';
  return answersInChat(record) ? 'handoff:alreadyInChat' : 'handoff:alreadyCallback';
}

/** The customer declined to give a number or address: the team answers in the chat, nobody calls. */
function answersInChat(record: HandoffRecord): boolean {
  return !reachable(record) && !needsContact(record);
}

function needsContact(record: HandoffRecord): boolean {
  return !record.contact?.phone && !record.contact?.email && !record.contact?.declined;
}

/** The reminder's own button, in either language, typed or tapped. */
function isKeepWaiting(text: string, t: TFunction): boolean {
  return text.toLowerCase() === t('handoff:keepWaitingButton').toLowerCase();
}
