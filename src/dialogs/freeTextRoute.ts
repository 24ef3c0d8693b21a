/**
 * Where free text at the menu leads: knowledge first, then intent, then "Meinten Sie …", then one
 * clarifying question, and a person after repeated failures. The main dialog carries out the choice.
 */
import type { TurnContext } from 'botbuilder';
import type { MenuOption } from '../services/content/types';
import type { KnowledgeAnswer } from '../services/knowledge/knowledgeBase';
import type { Intent } from '../services/nlu/types';
import { BillingDialog, isDispute } from './billingDialog';
import { ComplaintDialog } from './complaintDialog';
import { checkValue, DataChangeDialog, detectField, type Field } from './dataChangeDialog';
import type { DialogDeps } from './dialogDeps';
import { GeneralDialog } from './generalDialog';
import { foldedText } from './interpreter/cues';
import { describesFault, detectProblem, fitsProblem, keepsNumber, wantsNewNumber } from './interpreter/matchers';
import {
  asksAboutOtherBlock,
  asksWhatIAm,
  followsUp,
  givesDetails,
  isQuestion,
  otherQuestion,
  searchQuestion,
  announcesQuestion,
  CANCEL_ENTRY,
  wantsToCancel,
  wantsToComplain,
} from './interpreter/questions';
import { TurnInterpreter } from './interpreter/turnInterpreter';
import { insistsOnHelp } from './interpreter/yesNo';
import { asksServiceHours, describeHours } from './serviceHours';
import { LostOrStolenDialog } from './lostOrStolenDialog';
import type { MainMenu, MenuOptions, Mode } from './mainMenu';
import { TechnicalDialog } from './technicalDialog';
import { isBareName } from '../services/nlu/personName';

/** Below this confidence free text gets a clarifying question instead of a guess. */
export const CLARIFY_BELOW = 0.5;

/**
 * A fault's own knowledge answer replaces the first general step only when the words match it well,
 * or the embedding model ranks it first too: a weaker hit ("Internet is weg" -> the hotspot entry) is
 * worse than the steps.
 */
const FAULT_ANSWER_SCORE = 0.65;

/** The entry that says what the assistant is and can do ("Bist du ein Bot?"). */
const ABOUT_THE_ASSISTANT = 'general.bot';

/** The request dialog of each intent that has one. */
export const REQUEST_DIALOGS: Partial<Record<Intent, string>> = {
  billing: BillingDialog.ID,
  technical: TechnicalDialog.ID,
  general: GeneralDialog.ID,
  lost_or_stolen: LostOrStolenDialog.ID,
  data_change: DataChangeDialog.ID,
  complaint: ComplaintDialog.ID,
};
/** A question that asks the service to act ("Können Sie …?", "Could you …?"), not how something works. */
const ASKS_FOR_ACTION =
  /^(?:(?:hallo|bitte|hi) )?(?:konen sie|konten sie|wurden sie|kanst du|can you|could you|would you|please)(?= )/;
/** "Wie ändere ich …?", "how do I update …", "wo kann ich … eintragen": asks how, not to have it done. */
const HOW_TO = /(?:^| )(?:wie|wia|wo|how|where|was mus ich)(?= )/;
/**
 * "Können Sie das für mich buchen?", "Dann buchen Sie mir bitte 5 GB dazu", "can you book it for me?",
 * Austrian "Kennan Sie ma des buchen?": the assistant is asked to do it, not how it is done (folded text).
 */
const ASKS_TO_DO_IT =
  /(?:^| )(?:(?:konen sie|konten sie|kont ihr|kanst du|kenan sie|kinan sie|kinan s|can you|could you|would you)(?: [a-z]+)? (?:das|des|es|dies|that|it|this|mir|ma|me|bite|please)|(?:buchen|bestelen|erledigen|machen|andern|aktivieren|kundigen|stornieren|freischalten) sie (?:mir|das|es|bite))(?= |$)/;
/** A follow-up's own hit at least this strong names a topic of its own (scores 0..1). */
const FOLLOW_UP_OWN_TOPIC = 0.8;
/** "das", "es", "that", "it": the request points back to what was said before. */
const POINTS_BACK = /(?:^| )(?:das|es|dies|des|that|it|this)(?= |$)/;
/** "Können Sie mir sagen …", "could you explain …": asks to be told, not to have it done. */
const TELL_ME = /(?:^| )(?:sagen|erklaren|zeigen|nenen|tell|explain|show)(?= |$)/;
function asksUsToDoIt(folded: string): boolean {
  return ASKS_TO_DO_IT.test(folded) && !HOW_TO.test(folded) && !TELL_ME.test(folded);
}
/** The same without a question mark ("wie ändere ich meinen namen im vertrag"): a question word and its verb. */
const HOW_TO_VERB =
  /(?:^| )(?:wie|wia|wo|how) (?:kan|konen|mus|sol|andere|ander|trage|aktualisiere|geht|mache|do|can|should)(?= )/;
function asksHowToChange(text: string): boolean {
  const folded = foldedText(text);
  if (ASKS_FOR_ACTION.test(folded) || /(?:konen sie|konten sie|can you|could you)/.test(folded)) return false;
  return (isQuestion(text) && HOW_TO.test(folded)) || HOW_TO_VERB.test(folded);
}
/** The entry that says how each field of the change form is changed. */
const FIELD_ENTRIES: Record<Field, string> = {
  address: 'account.change-address',
  name: 'account.change-name',
  bank: 'account.change-bank',
  email: 'account.change-email',
  phone: 'account.change-contact-phone',
};
/** The entries that answer how one of the form's fields is changed. */
const FIELD_KEYS: readonly string[] = Object.values(FIELD_ENTRIES);
/** Requests that need a form, not an answer: the dialog wins over a knowledge hit (unless asked how). */
const FORM_INTENTS = new Set<Intent>(['data_change', 'complaint', 'lost_or_stolen']);

export type FreeTextRoute =
  /**
   * `answer`: the knowledge answer about the fault described, tried before the general steps.
   * `announced`: the message only announced a question, so the dialog starts without it.
   */
  | { kind: 'request'; intent: Intent; answer?: KnowledgeAnswer; announced?: boolean }
  /** `also`: the answer to a second question of the same message. */
  | { kind: 'answer'; answer: KnowledgeAnswer; also?: KnowledgeAnswer }
  | { kind: 'person' }
  | { kind: 'again'; mode: Mode; more?: Omit<MenuOptions, 'mode'> };

/** Decides where free text at the menu leads; records the turn's success or failure in the session. */
export async function decideFreeText(
  deps: DialogDeps,
  menu: MainMenu,
  ctx: TurnContext,
  text: string,
  mode: Mode,
): Promise<FreeTextRoute> {
  const assessment = TurnInterpreter.assessment(ctx) ?? deps.triage.assess(text);
  const { intent, confidence, ranking } = assessment.intent;
  // "Maria Huber": the customer introduces themself; the request is still to come.
  if (isBareName(text) && mode !== 'clarify')
    return { kind: 'again', mode: 'menu', more: { intro: 'conversation:menu.nameGiven', compact: true } };
  if (intent === 'greeting' && mode !== 'clarify') {
    // "Hallo" under the menu just shown: a short reply with the options as buttons, not the whole list again.
    await deps.sessions.succeeded(ctx);
    return { kind: 'again', mode: 'menu', more: { intro: 'conversation:menu.greetedBack', compact: true } };
  }
  // "NEIN, natürlich nicht, sonst würde ich ja nicht schreiben": no topic, no refusal; an apology and the
  // way on (a person included), not a complaint recorded from it.
  if (insistsOnHelp(text))
    return {
      kind: 'again',
      mode: 'menu',
      more: { lead: 'conversation:interpreter.sorryAnnoyed', intro: 'conversation:menu.choose' },
    };
  const sure = REQUEST_DIALOGS[intent] !== undefined && confidence >= CLARIFY_BELOW;
  const lang = await deps.sessions.lang(ctx);
  const session = await deps.sessions.get(ctx);
  const answeredJustNow = session.lastAnswerId;
  session.lastAnswerId = undefined;
  // "Können Sie das für mich buchen?" after the answer on how to book it: the assistant cannot; the
  // answer again would be a loop, even a turn later ("Dann buchen Sie mir bitte 5 GB dazu").
  const folded = foldedText(text);
  const doItAfter = asksUsToDoIt(folded) ? session.answeredBefore : undefined;
  // "Ich hätte eine Frage zu meinem Abo": no question asked yet, so no answer guessed; the topic decides.
  const announced = announcesQuestion(text);
  // Unsure of the area ("… zu mim Abo"): the general questions, which invite the question itself.
  if (announced && !sure) return { kind: 'request', intent: 'general', announced: true };
  const found = announced
    ? { confident: false, alternatives: [] }
    : await searchQuestion(deps, text, lang, session.lastQuestion);
  const usable = (a: KnowledgeAnswer) => a.category !== 'lost_or_stolen';
  const cannotDoIt = (id: string, category: Intent | undefined): FreeTextRoute => {
    // Asked again after hearing that the assistant cannot: the person offered is the one who can.
    if (session.cannotDoIt === id) return { kind: 'person' };
    session.cannotDoIt = id;
    return { kind: 'again', mode: 'notHelped', more: { lead: 'conversation:knowledge.cannotDoIt', category } };
  };
  // "Could you do that for me please?": no subject of its own, and "that" means what was just answered.
  if (doItAfter && !sure && !(found.confident && found.best) && POINTS_BACK.test(folded))
    return cannotDoIt(doItAfter, session.category);
  const sameAgain = (category: string | undefined): FreeTextRoute => ({
    kind: 'again',
    mode: 'notHelped',
    more: { lead: 'conversation:knowledge.sameAgain', category: category as Intent },
  });
  const answer = async (best: KnowledgeAnswer): Promise<FreeTextRoute> => {
    // "Na, i zieh ned um!" after the moving-house answer: the same text again would be a loop.
    if (best.id === doItAfter) return cannotDoIt(best.id, best.category as Intent);
    if (best.id === answeredJustNow) return sameAgain(best.category);
    // "Gilt das dann für alle Anrufe oder nur für einen?" right after the answer on hiding one's number:
    // read with the question before it, it is about that answer, so another entry its words alone found
    // weakly (call forwarding) would be a wrong answer; the assistant says it cannot tell more. An entry
    // found surely is answered: "Und kann ich dann meine Nummer zu einem anderen Anbieter mitnehmen?"
    // names a topic of its own (porting).
    if (
      answeredJustNow &&
      session.lastQuestion &&
      best.score < FOLLOW_UP_OWN_TOPIC &&
      isQuestion(text) &&
      followsUp(folded)
    ) {
      const inContext = await deps.knowledge.search(`${session.lastQuestion} ${text}`, lang);
      if (inContext.confident && inContext.best?.id === answeredJustNow) return sameAgain(best.category);
    }
    await deps.sessions.addFact(ctx, `Frage: ${text.slice(0, 120)}`);
    session.lastQuestion = text.slice(0, 300);
    const also = await otherQuestion(deps, text, lang, best);
    return { kind: 'answer', answer: best, ...(also ? { also } : {}) };
  };
  // "Wann habt ihr geöffnet?": the hours from the settings, which the admin keeps current.
  if (asksServiceHours(text)) {
    await deps.sessions.succeeded(ctx);
    const t = await deps.sessions.t(ctx);
    const hours = describeHours(t, (await deps.content.settings()).businessHours);
    await ctx.sendActivity(
      hours ? t('conversation:serviceHours.answer', { hours }) : t('conversation:serviceHours.none'),
    );
    return { kind: 'again', mode: 'anythingElse' };
  }
  if (asksWhatIAm(text)) {
    const about = found.confident && found.best ? found.best : await deps.knowledge.entry(ABOUT_THE_ASSISTANT, lang);
    if (about) return answer(about);
  }
  // "Wie ändere ich meine Bankverbindung?", "Warum ist meine Rechnung höher?": a question the knowledge
  // base answers surely is answered, before any form; "Können Sie meine Adresse ändern?" asks for the form.
  if (isQuestion(text) && !ASKS_FOR_ACTION.test(folded) && found.confident && found.best && usable(found.best))
    return answer(found.best);
  if (
    intent === 'data_change' &&
    (wantsNewNumber(text) || keepsNumber(text)) &&
    found.confident &&
    found.best &&
    usable(found.best)
  )
    return answer(found.best);
  // "hallo ich habe geheiratet, wie ändere ich meinen Namen": how a field is changed is that field's
  // entry (which names the form here too), even when the words are too far from its phrasings for a
  // sure hit. A new value given with the question ("… Hauptstraße 5, 10115 Berlin") goes to the form.
  const howToChange = intent === 'data_change' && asksHowToChange(text) ? detectField(text) : undefined;
  if (howToChange && !('value' in checkValue(howToChange, text)) && !wantsNewNumber(text) && !keepsNumber(text)) {
    const entry = await deps.knowledge.entry(FIELD_ENTRIES[howToChange], lang);
    if (entry) return answer(entry);
  }
  // "Ich will einfach nur kündigen, ich bin so unzufrieden": how to cancel, not a complaint form that
  // withholds it (the cancellation button must be easy to find).
  if (wantsToCancel(text) && intent !== 'lost_or_stolen' && !announced) {
    const cancel =
      found.confident && found.best?.key === CANCEL_ENTRY ? found.best : await deps.knowledge.entry(CANCEL_ENTRY, lang);
    if (cancel) return answer(cancel);
  }
  // "I want to file a complaint. I was promised …": the form asked for by name, whatever the story's words
  // weigh (the English one read as a bill).
  if (wantsToComplain(text) && intent !== 'lost_or_stolen') return { kind: 'request', intent: 'complaint' };
  // "Vertrag auf Sohn umschreiben", "Newsletter abbestellen": a change the form has no field for is the
  // answer of the entry the words surely find, not the form's question which detail to change.
  if (
    intent === 'data_change' &&
    detectField(text) === undefined &&
    found.confident &&
    found.best &&
    usable(found.best) &&
    !FIELD_KEYS.includes(found.best.key ?? '')
  )
    return answer(found.best);
  const otherBlock = intent === 'lost_or_stolen' && asksAboutOtherBlock(text, found);
  // "Ich möchte keine Werbung mehr": an unsure guess at a form (a complaint) yields to an entry the
  // knowledge base knows well from another area (the objection to advertising).
  const knownElsewhere =
    confidence < 0.7 &&
    found.confident &&
    found.best !== undefined &&
    usable(found.best) &&
    found.best.score >= 0.7 &&
    found.best.category !== intent;
  if (sure && FORM_INTENTS.has(intent) && !otherBlock && !(knownElsewhere && intent !== 'lost_or_stolen'))
    return { kind: 'request', intent };
  if (isDispute(text) && (intent === 'billing' || intent === 'complaint'))
    return { kind: 'request', intent: 'billing' };
  // A technical problem described (not asked about) gets the guided steps, which end with a person.
  // A fault the knowledge base knows by name ("Router leuchtet rot", "Bild friert ein") gets that
  // specific answer as the first step; "Nein" leads on through the general steps to a person. So does
  // a cause from another area that words and model agree on ("da kommt eine Ansage wegen offener
  // Forderung": the block for an unpaid bill, not a fault of the phone).
  const problem = detectProblem(text);
  if (sure && intent === 'technical' && problem && describesFault(text) && !isQuestion(text)) {
    const best = found.best;
    const fits =
      found.confident && best !== undefined && fitsProblem(problem, best.key ?? best.id) && !best.fallbackLanguage;
    // The words alone were sure enough to skip the model, not to replace the first step: ask it now.
    const confirmed =
      found.confirmed === true ||
      (fits && best.score < FAULT_ANSWER_SCORE && (await deps.knowledge.modelAgrees(text, best.id)));
    const known =
      fits && (best.category === 'technical' || confirmed) && (best.score >= FAULT_ANSWER_SCORE || confirmed);
    return { kind: 'request', intent: 'technical', ...(known && best ? { answer: best } : {}) };
  }
  // Annoyed without a clear topic ("schon das dritte Mal, dass ich hier schreibe"): an apology and the way on, not a guess.
  // One the knowledge base knows well ("jede Woche so ne Angebotsmail, wie melde ich mich ab") is answered, with regret.
  if (assessment.frustration.level >= 1 && !sure && !isQuestion(text) && !(found.confident && found.best)) {
    return {
      kind: 'again',
      mode: 'menu',
      more: { lead: 'conversation:interpreter.sorryAnnoyed', intro: 'conversation:menu.choose' },
    };
  }
  // "Kundennummer 42424242, Lea Sommer" gives details; it does not ask where a customer number is.
  const details = givesDetails(text);
  // "Meine Mutter lag zwei Tage ohne Telefon!!!": an annoyed statement of a clear request is that request;
  // a weak hit from another area (feedback) would answer what was not asked.
  const annoyedElsewhere =
    assessment.frustration.level >= 1 &&
    sure &&
    !isQuestion(text) &&
    found.best !== undefined &&
    found.best.category !== intent &&
    found.best.score < 0.7;
  if (found.confident && found.best && usable(found.best) && !details && !annoyedElsewhere) return answer(found.best);
  const alternatives = found.alternatives.filter(usable).slice(0, 3);
  const offer = alternatives.length > 0 && mode !== 'didYouMean' && !details;
  const didYouMean: FreeTextRoute = {
    kind: 'again',
    mode: 'didYouMean',
    more: { alternatives: alternatives.map((a) => ({ id: a.id, title: a.title })) },
  };
  // A question the knowledge base nearly knows: its best entries before a lane of questions.
  if (offer && isQuestion(text)) return didYouMean;
  // "Wo sind die Öffnungszeiten vom Bürgeramt?": another trade's subject; say what the assistant is for
  // instead of asking which of our areas it belongs to.
  if (found.offTopic && intent === 'other')
    return {
      kind: 'again',
      mode: 'menu',
      more: { lead: 'conversation:knowledge.offTopic', intro: 'conversation:menu.choose' },
    };
  if (sure && !otherBlock) return { kind: 'request', intent };
  if (offer) return didYouMean;
  const failures = await deps.sessions.failed(ctx);
  if (failures >= 3 || (failures >= 2 && mode === 'offerPerson')) return { kind: 'person' };
  if (failures >= 2) return { kind: 'again', mode: 'offerPerson' };
  const main = await menu.main();
  const candidates = ranking
    .map((r) => main.options.find((o) => o.target.kind === 'dialog' && o.target.dialog === r.intent))
    .filter((o): o is MenuOption => o !== undefined && o.digit !== '0')
    .filter((o, i, all) => all.indexOf(o) === i)
    .slice(0, 2)
    .map((o) => o.digit);
  return { kind: 'again', mode: 'clarify', more: { candidates } };
}
