import type { TFunction } from 'i18next';
import type { SessionState } from '../session';
import { maskSensitive } from '../../services/privacy/masking';
import { PROTEST } from './protest';
import type { TurnContext } from 'botbuilder';
import { detectLanguage, TriageAssessment } from '../../services/nlu/triageService';
import type { Intent } from '../../services/nlu/types';
import { containsCardNumber } from '../../services/privacy/masking';
import type { DialogDeps } from '../dialogDeps';
import { checkAnswer, pickPhraseChoice } from './answers';
import {
  asksHowToReachUs,
  asksWhetherPersonNeeded,
  callsSomeone,
  detectCues,
  foldedText,
  languageWish,
  mentionsOwnStaff,
} from './cues';
import type { Expectation } from './expectation';
import {
  alreadyTried,
  changeByValue,
  describesCharge,
  describesFault,
  detectField,
  detectLostItem,
  reportsCheck,
  stillBroken,
} from './matchers';
import { afterNegation, changesMind, defers, dropsTopic, givesNoIdentifier, isNegation } from './negation';
import {
  askingSentence,
  asksWhatIAm,
  asksWhoSpeaks,
  CANCEL_ENTRY,
  givesDetails,
  isQuestion,
  LOST_WORDS,
  searchQuestion,
  wantsToCancel,
} from './questions';
import { startsWithNo, startsWithYes, yesNo } from './yesNo';
import { answerBesidesPerson, asksAboutAnotherBlock, knowsWell } from './knowledgeChecks';
import { besidesDenial, callsOffBlock, correctedNumber, deniesLoss, saysStillGone } from './blockCallOff';
import { numberToReach } from './contactReader';
import { phoneTail } from './slots';
import type { Decision } from './decision';
import {
  isAcknowledgement,
  isSarcasticThanks,
  sarcasmWithRequest,
  saysItHelps,
  thanksSomewhere,
} from './acknowledgement';
import { assessmentOf, keepAssessment } from './turnAssessment';
import { answerFor } from '../regret';
import { isLabelOf, loadMenu } from '../subMenus';
import { normalizeText } from '../../services/nlu/normalize';

/** Longest message the bot reads; a longer one is politely refused instead of being guessed at. */
export const MAX_MESSAGE_CHARS = 1000;
/** After this pause a message gets a short welcome back. */
export const WELCOME_BACK_AFTER_MS = 30 * 60 * 1000;
/** An intent this sure, named in a sentence, leaves the current step for its own dialog. */
export const SWITCH_CONFIDENCE = 0.7;
/** From this many words, a choice's word met in passing does not make the message that choice. */
const CHOICE_IN_PASSING_WORDS = 10;
/** The lost/stolen lane takes over from any other dialog at this confidence. */
export const URGENT_CONFIDENCE = 0.6;

export type { Decision } from './decision';

export const QUESTION_UNKNOWN = 'conversation:interpreter.questionUnknown';

const DECIDED = Symbol('lotse.interpreter.decided');
const WELCOMED_BACK = Symbol('lotse.interpreter.welcomedBack');
const LEAVING = Symbol('lotse.interpreter.leaving');
const REPORT = Symbol('lotse.interpreter.report');

const PIN_TYPED = /\b(pin|geheimzahl|cvc|cvv|pruefnummer|prufnummer)\b\D{0,20}\d{3,6}\b/;
const BLOCK_STATUS = /(?:^| )(?:gesperrt|gespert|sperre|sperrung|blocked|block)(?= |$)/;
/** "hat tatsächlich funktioniert", "hat geklappt", "it worked" (folded); not "hat nicht funktioniert". */
const SAYS_IT_WORKED =
  /(?:^| )(?:hat (?!nicht |ned |net |nid |nie |kein |nix |nichts )(?:[a-z]+ )?(?:funktioniert|geklapt)|(?:it|that|this) (?:actualy |realy )?worked)(?= |$)/;
/** "Soll ich die Karte sperren lassen?", "should I block it?" (folded). */
const SHOULD_BLOCK = /(?:^| )(?:sol|solte|soten|mus|muss|should|do i need to)(?: [a-z]+){0,4} (?:speren|block)(?= |$)/;
/** "schon gesperrt?", "welche Nummer wird gesperrt?": the state of a block (folded). */
const BLOCKED = /(?:^| )(?:gespert|blocked)(?= |$)/;
const REFERENCE =
  /\b(?:ticket|vorgang|vorgangsnummer|störungsnummer|stoerungsnummer|auftrag|auftragsnummer|referenz|reference)(?:nummer|nr\.?)? ?:? ?#?[A-Z]{0,3}-?\d{4,12}\b/i;
/** Frustration signals of abuse: such a customer goes to a person at once, question or not. */
const ABUSE = new Set(['insult', 'swear', 'contempt', 'emoji:cursing']);
const THUMBS_UP = /👍|👌|✅|🙂|😊|👏/u;
const THUMBS_DOWN = /👎|❌|🙁|😞/u;
/** "Muss ich jetzt noch etwas machen?", "Was muss ich noch tun?" (folded): what happens next. */
const WHAT_NOW =
  /(?:^| )(?:mus ich (?:jetzt |dan |noch |sonst )*(?:noch )?(?:etwas|was|irgendwas|nix|nichts)|was mus ich (?:jetzt |dan |noch )*(?:machen|tun)|wie geht es (?:jetzt |dan )?weiter|what do i (?:need to|have to) do|do i need to do anything|(?:mus ich|brauchen sie|brauchts|braucht es) (?:jetzt |dan |noch |auch )*(?:eine |einen |ein |die |den |das |a |no )?(?:urkunde|heiratsurkunde|nachweis|nachweise|dokument|dokumente|kopie|bescheinigung|beleg|unterlagen|ausweis))(?= |$)/;
const SLOT_KINDS = new Set(['name', 'identifier', 'email', 'phone', 'address', 'iban']);

/** "aber", "nicht", "but", "wrong": a reservation after a yes, which may correct what was read back (folded). */
const RESERVATION =
  /(?:^| )(?:aber|but|jedoch|alerdings|nur|except|however|sondern|falsch|wrong|nicht|not|no|nein|kein|keine|ned|net|nid|eigentlich|actualy)(?= |$)/;

/** "sofort sperren", "ich brauche eine neue Karte", Swiss "e neui Charte", "replacement please" (folded). */
const REPEATS_BLOCK_WISH =
  /(?:^| )(?:speren|spere|sperung|ersatz|ersatzkarte|ersatzsim|ersatz sim|neue karte|neue sim|neue simkarte|neui karte|neui charte|neui sim|new sim|new card|replacement|block it|block)(?= |$)/;

/** The blocking form's question whether a replacement SIM is wanted. */
function asksReplacement(expect: Expectation | undefined): boolean {
  return (
    expect?.kind === 'yesNo' &&
    expect.lines.some((line) => 'key' in line && line.key.startsWith('conversation:lost.offerReplacement'))
  );
}

/**
 * Decides what a customer message is before any step sees it, in a fixed order (docs/CONVERSATION.md):
 * bad input, card number or PIN, language, help, cancel/menu/back, closing and thanks, supervisor
 * or person, frustration, lost or stolen, a clean answer to the step, a negation of what the bot
 * assumed, a new question or topic, a protest, and otherwise a miss. Only answers reach the step.
 * Runs once per turn (the outermost dialog asks; nested dialogs get "answer").
 */
export class TurnInterpreter {
  constructor(private readonly deps: DialogDeps) {}

  /** The triage of this turn's message, if the interpreter assessed one. */
  static assessment(context: TurnContext): TriageAssessment | undefined {
    return assessmentOf(context);
  }

  /** What the customer wrote when the interpreter read it as "no" to a troubleshooting step (before the rewrite). */
  static report(context: TurnContext): string | undefined {
    return context.turnState.get(REPORT) as string | undefined;
  }

  /** True when this turn already said "Willkommen zurück". */
  static welcomedBack(context: TurnContext): boolean {
    return context.turnState.get(WELCOMED_BACK) === true;
  }

  /** Whether the text is the main menu's label of the lane of `dialog` ("Technik", "Technical help"). */
  private async namesLane(text: string, dialog: Intent): Promise<boolean> {
    const main = await loadMenu(this.deps, 'main');
    const option = main?.options.find((o) => o.target.kind === 'dialog' && o.target.dialog === dialog);
    return option !== undefined && isLabelOf(option, normalizeText(text));
  }

  /** True when the customer takes what was offered (or read back) and says goodbye in the same message. */
  static leaving(context: TurnContext): boolean {
    return context.turnState.get(LEAVING) === true;
  }

  async interpret(context: TurnContext): Promise<Decision> {
    if (context.turnState.get(DECIDED)) return { kind: 'answer' };
    context.turnState.set(DECIDED, true);
    const activity = context.activity;
    if (activity.type !== 'message') return { kind: 'ignore' };
    const session = await this.deps.sessions.get(context);
    session.messages = (session.messages ?? 0) + 1;
    const expect = session.expect;
    let t = await this.deps.sessions.t(context);
    const text = typeof activity.text === 'string' ? activity.text : '';
    const trimmed = text.trim();
    await this.welcomeBack(context);

    // 1. Bad input.
    if (trimmed === '') return this.reply(context, t('conversation:input.empty'));
    if (text.length > MAX_MESSAGE_CHARS)
      return this.reply(context, t('conversation:input.tooLong', { count: MAX_MESSAGE_CHARS }));
    if (!/[\p{L}\p{N}?]/u.test(trimmed)) {
      // A thumbs up or down answers a yes/no question; the step reads it as the word.
      const emoji = THUMBS_UP.test(trimmed) ? 'yes' : THUMBS_DOWN.test(trimmed) ? 'no' : undefined;
      if (emoji && expect && (expect.kind === 'yesNo' || expect.acceptsYesNo)) {
        activity.text = t(`conversation:yesNo.${emoji}`);
        return { kind: 'answer' };
      }
      return this.reply(context, t('conversation:input.noWords'));
    }
    // 2. Card number or PIN: never stored, never processed.
    const folded = foldedText(trimmed);
    // An IBAN at the IBAN prompt can pass a card-number check; it is what the step asked for.
    const ibanExpected = expect?.kind === 'iban' && /^[a-z]{2}\d{2}/i.test(trimmed.replace(/\s+/g, ''));
    if (!ibanExpected && containsCardNumber(trimmed)) return this.reply(context, t('conversation:privacy.cardNumber'));
    if (PIN_TYPED.test(folded.replace(/ue/g, 'u'))) return this.reply(context, t('conversation:privacy.pin'));

    const cues = detectCues(trimmed);
    // 3. Language.
    const lang = languageWish(cues);
    if (lang) {
      session.language = lang;
      await context.sendActivity(this.deps.i18n.t(lang)('conversation:language.switched'));
      // "Can I speak to someone in English?": the language, and then the person.
      if (!cues.has('person') && !cues.has('supervisor')) return { kind: 'language' };
    }
    // A customer who simply writes English (with a German locale) is answered in English from now on.
    if (
      !session.language &&
      ((folded.split(' ').length >= 3 && detectLanguage(trimmed) === 'en') || ENGLISH_GREETING.test(folded))
    )
      session.language = 'en';
    t = await this.deps.sessions.t(context);
    // 4. Help.
    if (cues.has('help')) return this.reply(context, t('conversation:help.text'));
    // 4a. A recorded block: "ich hab das Handy wieder, bitte nicht sperren" calls it off; "die Nummer ist
    // falsch, es ist 0160 …" corrects it. Neither is a new loss or a cancel of nothing.
    const blockDecision = await this.actOnBlock(context, session, trimmed, t);
    if (blockDecision) return blockDecision;
    // 5. Cancel, menu, back ("never mind. Goodbye" is a goodbye).
    // "forget it, thanks": cancelling with thanks leaves the conversation, it does not ask for the menu.
    if (
      (cues.has('closing') || cues.has('thanks')) &&
      cues.has('cancel') &&
      !cues.has('person') &&
      !cues.has('supervisor')
    )
      return { kind: 'close' };
    if (cues.has('cancel')) return { kind: 'cancel' };
    if (cues.has('menu')) return { kind: 'menu' };
    if (cues.has('back')) return { kind: 'back' };
    // 6. Closing and thanks. "Merci vielmal, das hilft" to "Meinten Sie …" takes the first entry offered.
    if (expect?.offersEntries && (cues.has('closing') || cues.has('thanks')) && saysItHelps(folded)) {
      activity.text = t('conversation:yesNo.yes');
      // "Passt, danke. Auf Wiederschauen": the entry is answered, then the goodbye, not "Hat das geholfen?".
      if (cues.has('closing')) context.turnState.set(LEAVING, true);
      return { kind: 'answer' };
    }
    // "Yes, confirmed. That's all." to a read-back: the yes records the request, then the goodbye.
    // "Merci vielmal, das isch alles. Ade": thanks accept what was read back too; leaving without
    // recording it would drop a request the customer believes made.
    const confirms = expect?.readBack === true && startsWithYes(trimmed);
    const thanksForReadBack =
      expect?.readBack === true &&
      !confirms &&
      thanksSomewhere(folded) &&
      !isSarcasticThanks(folded) &&
      yesNo(trimmed) !== 'no' &&
      !cues.has('person') &&
      !cues.has('supervisor');
    if ((confirms || thanksForReadBack) && cues.has('closing')) context.turnState.set(LEAVING, true);
    if (thanksForReadBack) {
      activity.text = t('conversation:yesNo.yes');
      return { kind: 'answer' };
    }
    // "Ja. Muss ich jetzt noch etwas machen?" to a read-back: the yes records it, the question follows
    // once the request is recorded (a bare yes to a read-back is never a protest).
    const cut = confirms ? trimmed.search(/[,.;!]/) : -1;
    const afterYes = cut >= 0 ? trimmed.slice(cut + 1).trim() : '';
    if (afterYes && isQuestion(afterYes) && !cues.has('closing')) {
      // "Muss ich jetzt noch etwas machen?" is answered by what the recorded change says comes next.
      // "Ja, das stimmt so. Muss ich …?": the question, without the confirmation before it.
      if (!WHAT_NOW.test(foldedText(afterYes))) session.pendingRequest = askingSentence(afterYes).slice(0, 300);
      activity.text = t('conversation:yesNo.yes');
      return { kind: 'answer' };
    }
    // "Genau so. Merci vielmal und einen schönen Tag." or "Jawohl, das ist alles richtig so. Vielen Dank" to a
    // read-back: the confirmation records it, the thanks and any goodbye follow (the request was dropped).
    if (afterYes && !/\d/.test(afterYes)) {
      const after = detectCues(afterYes);
      const thanked = after.has('thanks') || after.has('closing') || thanksSomewhere(foldedText(afterYes));
      if (thanked && !after.has('person') && !after.has('supervisor') && !isSarcasticThanks(foldedText(afterYes))) {
        activity.text = t('conversation:yesNo.yes');
        return { kind: 'answer' };
      }
    }
    // "Yes, that one is correct, please use it for the invoices too.": a yes before a remark that neither
    // corrects nor asks records what was read back; the remark does not start another topic.
    if (
      afterYes &&
      !/\d/.test(afterYes) &&
      !RESERVATION.test(foldedText(afterYes)) &&
      !cues.has('person') &&
      !cues.has('supervisor') &&
      !cues.has('closing')
    ) {
      activity.text = t('conversation:yesNo.yes');
      return { kind: 'answer' };
    }
    if (cues.has('closing') && !cues.has('person') && !cues.has('supervisor') && !confirms) return { kind: 'close' };
    // "Hmm, eigentlich … nein, ich schlaf noch mal drüber" after the answer on cancelling: the customer
    // decides later. No answer to the step, no complaint, no "Das tut mir leid".
    if (cues.has('thinksItOver') && !cues.has('person') && !cues.has('supervisor') && !isQuestion(trimmed)) {
      await context.sendActivity(t('conversation:closing.thinkItOver'));
      return { kind: 'settled' };
    }

    // "ja bitte. aber kann ich nicht sofort mit jemandem sprechen??" or "ja bitte, aber an meine neue Adresse"
    // to the replacement SIM: the yes is kept on the recorded block whatever the rest of the message leads to.
    if (session.block && startsWithYes(trimmed) && yesNo(trimmed) !== 'yes' && asksReplacement(expect)) {
      // "Ja, bitte sofort sperren, und ich brauche eine neue Karte.": the yes again in other words.
      if (
        REPEATS_BLOCK_WISH.test(folded) &&
        !/\d|adres/.test(folded) &&
        !isQuestion(trimmed) &&
        !cues.has('person') &&
        !cues.has('supervisor')
      ) {
        activity.text = t('conversation:yesNo.yes');
        return { kind: 'answer' };
      }
      await this.deps.requests.addDetails(session.block.reference, {
        replacement: true,
        customerDetails: maskSensitive(trimmed).slice(0, 200),
      });
      await this.deps.sessions.addFact(context, 'Ersatz-SIM gewünscht');
      await context.sendActivity(t('conversation:lost.replacementNoted'));
    }
    const clean = expect ? checkAnswer(expect, trimmed, this.deps.clock.now(), this.deps.i18n) : { ok: false as const };
    const assessment = await this.assess(context, trimmed, clean.ok, clean.ok || (expect?.misses ?? 0) > 0);
    const lostMentioned =
      assessment.intent.intent === 'lost_or_stolen' ||
      (LOST_WORDS.test(folded) && detectLostItem(trimmed) !== undefined);

    // "Danke für nichts", "na super, toll geholfen": sarcasm is a no to "Hat das geholfen?", elsewhere a
    // protest, unless a request comes with it: then the request is heard (its anger counts as usual).
    if (isSarcasticThanks(folded) && !cues.has('person') && !cues.has('supervisor')) {
      if (expect && (expect.kind === 'yesNo' || expect.acceptsYesNo)) {
        activity.text = t('conversation:yesNo.no');
        return { kind: 'answer' };
      }
      if (!sarcasmWithRequest(folded)) return { kind: 'protest' };
    }
    // "ok verstanden, passt" after an answer is an acknowledgement, never a description of a complaint.
    const acknowledges = expect?.kind === 'text' && isAcknowledgement(folded);
    if ((cues.has('thanks') || acknowledges) && !clean.ok && !cues.has('person') && !cues.has('supervisor')) {
      if (expect && isForm(expect)) return this.reply(context, `${t('conversation:interpreter.welcome')}`);
      // "Passt, danke" to "Meinten Sie …" accepts the offer: the first entry is answered, not a goodbye offered.
      if (expect?.offersEntries) {
        activity.text = t('conversation:yesNo.yes');
        return { kind: 'answer' };
      }
      return { kind: 'thanks' };
    }
    // 7. A supervisor or a person, also inside the urgent lane.
    if (cues.has('supervisor'))
      return { kind: 'handoff', reason: 'explicit_request', needsSupervisor: true, urgent: lostMentioned };
    const asksForHuman =
      assessment.escalationReason === 'asked_for_human' &&
      !clean.ok &&
      !mentionsOwnStaff(trimmed) &&
      !callsSomeone(trimmed) &&
      !asksHowToReachUs(trimmed) &&
      !asksWhetherPersonNeeded(trimmed) &&
      // "stop calling me with sales offers" only sounds like "call me": a weak guess yields to a strong answer.
      (assessment.intent.confidence >= 0.5 || !(await knowsWell(this.deps, context, trimmed)));
    // "… kann mi morgen wer anrufen? Am Festnetz unter 089 2345678" in the blocking form: the number is where
    // to call, not the SIM card to block, so the wish to be called is heard.
    const callMe =
      cues.has('callMe') && (!clean.ok || (expect?.topic === 'lost_or_stolen' && numberToReach(trimmed) !== undefined));
    if ((cues.has('person') || callMe || asksForHuman) && !asksWhatIAm(trimmed) && !asksWhoSpeaks(trimmed)) {
      const callback = (callMe || cues.has('callback')) && !lostMentioned;
      const answer = lostMentioned ? undefined : await answerBesidesPerson(this.deps, context, trimmed);
      return {
        kind: 'handoff',
        reason: 'explicit_request',
        needsSupervisor: false,
        urgent: lostMentioned,
        ...(callback ? { callback: true } : {}),
        ...(answer ? { answer } : {}),
      };
    }
    // 8. Frustration rising. A complaint's description is angry by nature: it is taken first, then a supervisor is offered.
    const describing = expect?.kind === 'text' && !isQuestion(trimmed);
    // "ok habs, danke!!" after an answer: a satisfied customer, however many exclamation marks.
    // "Hm. Hat tatsächlich funktioniert. Wer hätte das gedacht." to "Hat Ihnen das geholfen?": grudging,
    // but the step worked; a yes, not a second annoyance that calls for a person.
    // Only where the question is whether it helped: to a person offered, a yes would be a yes to the person.
    const asksIfItHelped = expect?.helped === true || (expect?.kind === 'yesNo' && expect.topic === 'technical');
    if (asksIfItHelped && SAYS_IT_WORKED.test(folded) && assessment.escalationReason !== 'irate') {
      activity.text = t('conversation:yesNo.yes');
      return { kind: 'answer' };
    }
    const satisfied = thanksSomewhere(folded) && yesNo(trimmed) !== 'no' && assessment.escalationReason !== 'irate';
    if (
      !describing &&
      !satisfied &&
      (assessment.escalationReason === 'irate' || assessment.escalationReason === 'annoyed_twice')
    ) {
      const needsSupervisor = assessment.escalationReason === 'irate';
      // "Seit Monaten ungelöst! Kann ich mich an die Bundesnetzagentur wenden?": the question is answered
      // now, not left to the queue; abuse goes to a person at once, with the answer before it.
      const abusive = assessment.frustration.signals.some((s) => ABUSE.has(s));
      // "Ich wott eifach kündige, ich bin so unzfride": how to cancel is never withheld; the person is
      // offered one "Ja" away, as for a question answered surely.
      if (!lostMentioned && !abusive && wantsToCancel(trimmed)) {
        const cancel = await this.deps.knowledge.entry(CANCEL_ENTRY, await this.deps.sessions.lang(context));
        if (cancel) return { kind: 'soothe', answer: cancel, needsSupervisor };
      }
      // "Ihr ruft mich dauernd an … Ich will keine Werbung mehr!": the words heard annoyance and only the
      // embedding model rage; a request the knowledge base answers surely is answered, with a person one
      // "Ja" away, as a question is.
      const modelOnly = assessment.frustration.signals.includes('embedding');
      if ((isQuestion(trimmed) || modelOnly) && !lostMentioned) {
        const found = await searchQuestion(
          this.deps,
          trimmed,
          await this.deps.sessions.lang(context),
          session.lastQuestion,
        );
        if (found.confident && found.best && found.best.category !== 'lost_or_stolen') {
          session.lastQuestion = trimmed.slice(0, 300);
          if (!abusive) return { kind: 'soothe', answer: found.best, needsSupervisor };
          return { kind: 'handoff', reason: 'frustration', needsSupervisor, urgent: false, answer: found.best };
        }
      }
      return {
        kind: 'handoff',
        reason: 'frustration',
        needsSupervisor,
        urgent: lostMentioned,
      };
    }
    // "Nei, es isch nöd wieder uftaucht" in the blocking form before anything is recorded: the loss is
    // confirmed, so the form goes on; no apology for a misunderstanding, no "lassen wir das".
    if (expect?.topic === 'lost_or_stolen' && !session.block && saysStillGone(trimmed) && !clean.ok)
      return this.reply(context, t('conversation:lost.stillGone'));
    // "my phone isn't stolen! my SIM is fine. I need the order cancelled" in the blocking form: the loss is
    // denied, so nothing is blocked (the number given with it was taken for the block); the rest is heard.
    if (expect?.topic === 'lost_or_stolen' && !session.block && deniesLoss(trimmed)) {
      const rest = besidesDenial(trimmed);
      const restAssessment = rest !== '' ? this.deps.triage.assess(rest) : undefined;
      // What reads as a block again ("… my online account secured") must not start the form it just left;
      // the rest is routed as read alone, not as the whole message that spoke of theft.
      if (!restAssessment || restAssessment.intent.intent === 'lost_or_stolen') return { kind: 'negation', text: '' };
      keepAssessment(context, restAssessment);
      return { kind: 'negation', text: rest };
    }
    // 9. Lost or stolen: the urgent lane, whatever the step.
    const urgent = assessment.intent.intent === 'lost_or_stolen' && assessment.intent.confidence >= URGENT_CONFIDENCE;
    // A digit of the current menu is that menu's option, never the main menu's 4 (the blocking lane).
    if (
      urgent &&
      session.category !== 'lost_or_stolen' &&
      !clean.ok &&
      !(await asksAboutAnotherBlock(this.deps, context, trimmed))
    )
      return { kind: 'urgent', text: trimmed };
    // "Ja, aber jetzt hängt sie beim Login" or "Ja, hab ich schon neu gestartet" after a troubleshooting
    // step: the problem is still there, so a no.
    // The same after "Hat Ihnen das geholfen?" following an answer: "ja neu gestartet, geht immer noch nicht"
    // (there a new fault may be a new request, so only "still" and "already tried" count).
    const troubleshooting = expect?.kind === 'yesNo' && expect.topic === 'technical';
    // "Technik" at a troubleshooting step (an answer said to write it if the fix did not help): the lane
    // the customer is already in, so a no that leads on through the steps.
    if (troubleshooting && (await this.namesLane(trimmed, 'technical'))) {
      activity.text = t('conversation:yesNo.no');
      return { kind: 'answer' };
    }
    // "Ja, Kabel ist fest" reports the check, "steckdose geht, anderes gerät funktioniert da" too:
    // without a word that it works now, the problem is still there (a new topic or details aside).
    const report =
      troubleshooting &&
      yesNo(trimmed) !== 'no' &&
      reportsCheck(trimmed) &&
      !givesDetails(trimmed) &&
      !(assessment.intent.intent !== 'technical' && assessment.intent.confidence >= SWITCH_CONFIDENCE);
    if (
      (troubleshooting || expect?.helped === true) &&
      (!clean.ok || report) &&
      !isQuestion(trimmed) &&
      !REFERENCE.test(trimmed) &&
      ((troubleshooting && (describesFault(trimmed) || report)) ||
        alreadyTried(trimmed) ||
        stillBroken(trimmed) ||
        // "Die Position Roaming 18,40 €" to "Erklärt das den höheren Betrag?": the charge it does not explain.
        (expect?.topic === 'billing' && describesCharge(trimmed)))
    ) {
      context.turnState.set(REPORT, trimmed);
      activity.text = t('conversation:yesNo.no');
      return { kind: 'answer' };
    }
    // "weiß nicht genau, hab sie abgetippt … kann ich das morgen nochmal machen?" at the read-back of a
    // value that can follow later: not a no that asks for it again, the form is left for now.
    if (
      expect?.readBack &&
      expect.corrects &&
      LATER_KINDS.has(expect.corrects) &&
      yesNo(trimmed) !== 'yes' &&
      defers(trimmed)
    )
      return { kind: 'negation', text: '', later: true };
    // "Ok, das teste ich später. Aber eigentlich möchte ich mich beschweren: … Werbeanrufe …" at "Was
    // funktioniert nicht?": a word of an option inside a longer message about another area is that area.
    if (
      expect?.kind === 'choice' &&
      expect.matcher &&
      clean.ok &&
      folded.split(' ').length >= CHOICE_IN_PASSING_WORDS &&
      !pickPhraseChoice(trimmed, expect.choices, this.deps.i18n) &&
      SWITCHABLE.has(assessment.intent.intent) &&
      assessment.intent.confidence >= SWITCH_CONFIDENCE &&
      assessment.intent.intent !== (session.category ?? expect.topic)
    )
      return { kind: 'switch', intent: assessment.intent.intent, text: trimmed };
    // 10. A clean answer to the step.
    if (!expect || clean.ok) return { kind: 'answer' };
    // 11. A negation of what the bot assumed.
    const words = folded.split(' ').length;
    const question = isQuestion(trimmed);
    // "Ach nein, ich meinte die Adresse": another field of the same form.
    // A question naming a field ("was kostet die Rufnummernmitnahme?") asks; it does not change the field.
    const field =
      expect.topic === 'data_change' && SLOT_KINDS.has(expect.kind) && !question ? detectField(trimmed) : undefined;
    if (field) return { kind: 'switch', intent: 'data_change', text: trimmed };
    // "Can you just change it for me? It's Gartenweg 4, 80331 München" after the answer on address changes:
    // a new value with a wish to change it is that change, not a question for the knowledge base.
    if (expect.topic !== 'data_change' && changeByValue(trimmed))
      return { kind: 'switch', intent: 'data_change', text: trimmed };
    // "Nein" to the date of birth of a block: the block is recorded without it, never dropped.
    if (expect.topic === 'lost_or_stolen' && expect.kind === 'identifier' && givesNoIdentifier(trimmed))
      return { kind: 'answer' };
    // "Die IBAN hab ich grad nicht zur Hand": the form is left with a word on how to do it later.
    if (LATER_KINDS.has(expect.kind) && defers(trimmed)) return { kind: 'negation', text: '', later: true };
    if (isNegation(expect, trimmed)) return { kind: 'negation', text: afterNegation(trimmed) };
    if (expect.kind === 'open') return { kind: 'answer' };
    // "Eigentlich habe ich kein Internet, das ist wichtiger" at the description of a disputed charge.
    const { intent: named, confidence: sureness } = assessment.intent;
    if (
      expect.kind === 'text' &&
      !question &&
      changesMind(trimmed) &&
      SWITCHABLE.has(named) &&
      sureness >= SWITCH_CONFIDENCE &&
      named !== (session.category ?? expect.topic)
    )
      return { kind: 'switch', intent: named, text: trimmed };
    // A description (complaint, disputed charge) may be angry; it may not be a question about something else.
    if (expect.kind === 'text' && trimmed.length >= 5 && yesNo(trimmed) === undefined && !question)
      return { kind: 'answer' };
    // Details given in a step that asked something else ("Kundennummer 80808080, Waltraud Kern"): kept
    // for the team, the question asked again; never read as a question about customer numbers.
    const details = givesDetails(trimmed);
    // 12. A new question or topic.
    if ((question || words >= 3) && !details) {
      // "Welche Nummer wird jetzt gesperrt??" after the block was recorded: its status, never an entry.
      if (question && session.block && BLOCKED.test(folded)) return this.blockStatus(context, session.block, t);
      const lang2 = await this.deps.sessions.lang(context);
      const found = await searchQuestion(this.deps, trimmed, lang2, session.lastQuestion);
      const { intent, confidence } = assessment.intent;
      let hit = found.confident ? found.best : undefined;
      // "Wos anderes: wie kann i eigentlich kündigen?": how to cancel is never withheld, not even behind a
      // choice between cancelling and the notice period.
      if (!hit && question && wantsToCancel(trimmed) && intent !== 'lost_or_stolen')
        hit = await this.deps.knowledge.entry(CANCEL_ENTRY, lang2);
      // A question at a form step stays a question: answered from the area it is about, never a switch.
      if (!hit && question && KNOWLEDGE_AREAS.has(intent) && confidence >= 0.5) {
        const fallback = await this.deps.knowledge.answer(askingSentence(trimmed), lang2, { preferCategory: intent });
        // Only an answer from the area asked about; a guess from elsewhere is worse than none.
        if (fallback?.category === intent) hit = fallback;
      }
      // In a form only a question is answered: "hab ich nicht" at the IBAN is no question about TV.
      if (
        hit &&
        hit.category !== 'lost_or_stolen' &&
        (question || (assessment.frustration.level === 0 && !isForm(expect)))
      ) {
        // "Vergessen Sie das Internet, warum ist meine Rechnung so hoch?": the step is dropped, the question
        // is answered at the menu.
        if (question && dropsTopic(trimmed)) return { kind: 'switch', text: trimmed };
        session.lastQuestion = trimmed.slice(0, 300);
        await context.sendActivity(answerFor(context, t, hit.text));
        if (hit.fallbackLanguage) await context.sendActivity(t('conversation:knowledge.germanOnly'));
        return { kind: 'reask' };
      }
      // "Soll i die Karte sperren lassen?" while the blocking form asks for the details: yes, and here.
      if (session.category === 'lost_or_stolen' && question && !session.block && SHOULD_BLOCK.test(folded))
        return this.reply(context, t('conversation:lost.shouldBlock'));
      if (session.category === 'lost_or_stolen' && question && BLOCK_STATUS.test(folded))
        return session.block
          ? this.blockStatus(context, session.block, t)
          : this.reply(context, t('conversation:lost.notRecordedYet'));
      // A question about the current request is not a new request; a statement of another one is.
      // Out of a troubleshooting or question lane (not out of a form) a very sure question about another area switches too.
      const leaves = !question || (confidence >= 0.9 && KNOWLEDGE_AREAS.has(session.category ?? 'other'));
      if (
        leaves &&
        SWITCHABLE.has(intent) &&
        confidence >= SWITCH_CONFIDENCE &&
        intent !== session.category &&
        words >= 3
      )
        return { kind: 'switch', intent, text: trimmed };
    }
    // A reference the customer already has ("Ticket 448812") is noted for the agent, not treated as a wrong answer.
    const reference = REFERENCE.exec(trimmed);
    if (reference && !PROTEST.test(folded)) {
      await this.deps.sessions.addReference(context, reference[0]);
      return this.reply(context, t('conversation:interpreter.noted', { reference: reference[0] }));
    }
    if (details && !isForm(expect) && assessment.frustration.level === 0) {
      await this.deps.sessions.addFact(context, `Angaben: ${maskSensitive(trimmed).slice(0, 160)}`);
      return this.reply(context, t('conversation:interpreter.detailsNoted'));
    }
    // "Na, kane Ersatz-SIM. Des is echt a Witz, dass do nachts kana do is" to a yes/no question: the no
    // answers it; the anger after it is kept in the turn's frustration, not taken for a misunderstanding.
    if (expect.kind === 'yesNo' && !question && startsWithNo(trimmed) && !PROTEST.test(folded)) {
      activity.text = t('conversation:yesNo.no');
      return { kind: 'answer' };
    }
    // 13. A protest is frustration, not an invalid value.
    if (PROTEST.test(folded) || assessment.frustration.level >= 1) return { kind: 'protest' };
    // 14. Otherwise the step did not get its answer.
    if (question) return { kind: 'miss', problemKey: QUESTION_UNKNOWN };
    return { kind: 'miss', problemKey: clean.problemKey };
  }

  private async assess(
    context: TurnContext,
    text: string,
    fitsStep: boolean,
    loopAnswer: boolean,
  ): Promise<TriageAssessment> {
    const session = await this.deps.sessions.get(context);
    const settings = await this.deps.content.settings();
    // Repeating an answer because the bot asked again is the bot's loop, not the customer's anger.
    const history = loopAnswer ? { ...session.history, previousTexts: [] } : session.history;
    // An answer that fits the step needs no second opinion on its topic.
    const assessment = fitsStep
      ? this.deps.triage.assess(text, history, settings.frustration)
      : await this.deps.triage.consult(text, history, settings.frustration);
    keepAssessment(context, assessment);
    await this.deps.sessions.remember(context, text, assessment.frustration.level, assessment.frustration.score);
    return assessment;
  }

  private async welcomeBack(context: TurnContext): Promise<void> {
    const session = await this.deps.sessions.get(context);
    const now = this.deps.clock.now();
    const last = session.lastSeenAt ? Date.parse(session.lastSeenAt) : NaN;
    session.lastSeenAt = now.toISOString();
    if (!session.greeted || Number.isNaN(last) || now.getTime() - last < WELCOME_BACK_AFTER_MS) return;
    context.turnState.set(WELCOMED_BACK, true);
    const t = await this.deps.sessions.t(context);
    await context.sendActivity(t('conversation:greeting.welcomeBack'));
  }

  private async actOnBlock(
    context: TurnContext,
    session: SessionState,
    text: string,
    t: TFunction,
  ): Promise<Decision | undefined> {
    const block = session.block;
    if (!block && session.category !== 'lost_or_stolen') return undefined;
    if (callsOffBlock(text)) {
      session.category = undefined;
      if (!block) {
        await context.sendActivity(t('conversation:lost.calledOff'));
        return { kind: 'settled' };
      }
      const withdrawn = await this.deps.requests.withdraw(block.reference);
      session.block = undefined;
      this.deps.logger.info({ reference: block.reference, withdrawn }, 'block request called off by the customer');
      await context.sendActivity(
        t(withdrawn ? 'conversation:lost.withdrawn' : 'conversation:lost.notWithdrawn', { reference: block.reference }),
      );
      return { kind: 'settled' };
    }
    const corrected = block?.phone ? correctedNumber(text, block.phone) : undefined;
    if (block && corrected) {
      await this.deps.requests.addDetails(block.reference, { identifier: corrected, corrected: true });
      block.phone = corrected;
      return this.reply(
        context,
        t('conversation:lost.numberCorrected', { reference: block.reference, tail: phoneTail(corrected) }),
      );
    }
    return undefined;
  }

  /** Where the recorded block stands, with the number it is for when there is one. */
  private async blockStatus(
    context: TurnContext,
    block: NonNullable<SessionState['block']>,
    t: TFunction,
  ): Promise<Decision> {
    await context.sendActivity(t('conversation:lost.statusQuestion'));
    if (block.phone)
      await context.sendActivity(
        t('conversation:lost.statusNumber', { reference: block.reference, tail: phoneTail(block.phone) }),
      );
    return { kind: 'reask' };
  }

  private async reply(context: TurnContext, text: string): Promise<Decision> {
    await context.sendActivity(text);
    return { kind: 'reask' };
  }
}

/** "Hello", "good evening" (folded: "helo", "god evening"): a greeting only an English speaker writes. */
const ENGLISH_GREETING = /^(?:helo|helo there|god morning|god afternon|god evening|hey there)$/;
/** Values a customer may not have at hand; they can be given later. */
const LATER_KINDS = new Set(['iban', 'email', 'address']);
const SWITCHABLE = new Set<Intent>(['billing', 'technical', 'general', 'data_change', 'complaint']);
/** Areas whose questions the knowledge base answers. */
const KNOWLEDGE_AREAS = new Set<Intent>(['billing', 'technical', 'general']);

/** Steps that collect a value: thanks there is politeness, not the end. */
function isForm(expect: Expectation): boolean {
  return !['yesNo', 'choice', 'open'].includes(expect.kind);
}
