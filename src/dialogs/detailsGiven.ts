/**
 * Details given where the bot asked something else: "0172 4456789, Murat Demir" to "Hat Ihnen das
 * geholfen?" means "please take up my matter", not a question about customer numbers. A disputed
 * charge asked about just before is recorded with them; after a recorded request they are added to
 * it; otherwise a person is offered, who then sees them.
 */
import type { TurnContext } from 'botbuilder';
import { maskSensitive } from '../services/privacy/masking';
import type { Intent, IntentResult } from '../services/nlu/types';
import { REFERENCE_PATTERN } from '../services/requests/referenceNumber';
import { REFERENCE_PREFIX } from '../services/requests/requestModel';
import { isDispute } from './billingDialog';
import { checkValue } from './dataChangeDialog';
import type { Field } from './interpreter/matchers';
import { extractName } from './interpreter/slots';
import type { DialogDeps } from './dialogDeps';
import { detectCues, foldedText } from './interpreter/cues';
import { asksSomething, givesDetails, LOST_WORDS } from './interpreter/questions';
import { withoutLeadingNo } from './interpreter/yesNo';
import { TurnInterpreter } from './interpreter/turnInterpreter';
import type { MenuOptions, Mode } from './mainMenu';
import { calendarDate } from './clock';
import { trimTrailing } from '../services/text/trim';

/** "beanstanden", "reklamieren", "Einspruch", "dispute" (folded): to contest something. */
const DISPUTES_IT =
  /(?:^| )(?:beanstand|reklamier|widersprech|widerspruch|einspruch|anfecht|bestreit|dispute|contest)[a-z]*(?= |$)/;
/** The customer's question was about money charged: a bill, a debit, an amount (folded: "abuchung"). */
const ABOUT_A_CHARGE =
  /(?:^| )(?:rechnung|rechnig|abgebucht|abuchung|berechnet|verechnet|belastet|euro|eur|franken|chf|bill|invoice|charged|charge)(?= |$)/;

/** Modes that follow an answer or a finished request, where details can only mean the matter itself. */
const AFTER_ANSWER: ReadonlySet<Mode> = new Set(['helped', 'notHelped', 'soothed']);
const AFTER_REQUEST: ReadonlySet<Mode> = new Set(['again', 'anythingElse']);

export type DetailsRoute =
  | { kind: 'dispute'; text: string }
  | { kind: 'dataChange'; field: Field; text: string }
  | { kind: 'again'; mode: Mode; more: Omit<MenuOptions, 'mode'> };

/** Where details given at this point lead; undefined when the message is no such details or the mode takes them itself. */
export async function afterDetails(
  deps: DialogDeps,
  ctx: TurnContext,
  text: string,
  options: MenuOptions,
): Promise<DetailsRoute | undefined> {
  const session = await deps.sessions.get(ctx);
  const masked = maskSensitive(text).slice(0, 200);
  // "Ich möcht das bitte beanstanden" after an answer about a charge: that charge is disputed, not a
  // complaint about the company begun with no matter to it.
  const asked = session.lastQuestion;
  if (
    AFTER_ANSWER.has(options.mode) &&
    asked &&
    DISPUTES_IT.test(foldedText(text)) &&
    ABOUT_A_CHARGE.test(foldedText(asked))
  )
    return { kind: 'dispute', text: `${asked} – ${masked}` };
  // "Bisher Sabine Wolf, jetzt Sabine Hartmann" after the answer on how to change a name: the change
  // itself, taken down here as the answer offered, not "Das tut mir leid" for an answer that did not help.
  const field = AFTER_ANSWER.has(options.mode) ? session.answeredField : undefined;
  if (field && givesNewValue(field, text)) return { kind: 'dataChange', field, text };
  if (!givesDetails(text))
    return AFTER_REQUEST.has(options.mode) ? followUp(deps, ctx, text, session, options) : undefined;
  if (AFTER_ANSWER.has(options.mode)) {
    if (asked && isDispute(asked)) return { kind: 'dispute', text: `${asked} – ${masked}` };
    await deps.sessions.addFact(ctx, `Angaben: ${masked}`);
    const category: Intent | undefined = options.category ?? session.lastTopic;
    return {
      kind: 'again',
      mode: 'notHelped',
      more: { lead: 'conversation:interpreter.detailsNoted', ...(category ? { category } : {}) },
    };
  }
  if (AFTER_REQUEST.has(options.mode)) {
    const reference = lastRecorded(session);
    if (!reference) return undefined;
    await deps.requests.addDetails(reference, { customerDetails: masked });
    const t = await deps.sessions.t(ctx);
    await ctx.sendActivity(t('conversation:interpreter.detailsAdded', { reference }));
    return { kind: 'again', mode: 'anythingElse', more: nextQuestion(options) };
  }
  return undefined;
}

/** "leiten Sie das weiter", "geben Sie das bitte weiter", "nehmen Sie das so auf", "please forward it" (folded). */
const FORWARD_IT =
  /(?:^| )(?:weiterleiten|weiterleitet|weitergeben|weitergebt|leiten|leitet|geben|gebt|forward|pas)(?: [a-z]+){0,3} (?:weiter|on|it)(?= |$)|(?:^| )(?:weiterleiten|weitergeben|forward it|forward this|nehmen sie das (?:so )?auf|nehmt das (?:so )?auf|so aufnehmen|log it|record it)(?= |$)/;

/**
 * "Ja, bitte leiten Sie das weiter." to "Kann ich sonst noch etwas für Sie tun?" right after a complaint
 * or a disputed charge was recorded: it is with the team already, and the customer is told so.
 */
export async function asksToForward(
  deps: DialogDeps,
  ctx: TurnContext,
  text: string,
  options: MenuOptions,
): Promise<DetailsRoute | undefined> {
  if (!AFTER_REQUEST.has(options.mode) || !FORWARD_IT.test(foldedText(text))) return undefined;
  const reference = lastRecorded(await deps.sessions.get(ctx));
  if (!reference || !ANSWERED_BY_DATE[reference.slice(0, 2)]) return undefined;
  const t = await deps.sessions.t(ctx);
  await ctx.sendActivity(t('conversation:interpreter.alreadyRecorded', { reference }));
  return { kind: 'again', mode: 'anythingElse', more: nextQuestion(options) };
}

/** "das ist im Moment alles gewesen", "passt so", "ich melde mich wieder" (folded): nothing more to add. */
const SAYS_DONE = /(?:^| )(?:alles|fertig|erledigt|genug|reicht|past|gut|melde|that s all|all good|done)(?= |$)/;

/**
 * "Nein, es hat niemand angerufen oder abgesagt" to "Kann ich sonst noch etwas für Sie tun?" right after
 * a complaint or a disputed charge was recorded: more on the matter, added to it, not a goodbye.
 */
export async function remarkAfterNo(
  deps: DialogDeps,
  ctx: TurnContext,
  text: string,
  options: MenuOptions,
): Promise<DetailsRoute | undefined> {
  if (!AFTER_REQUEST.has(options.mode)) return undefined;
  const rest = withoutLeadingNo(text).trim();
  if (rest === text.trim() || SAYS_DONE.test(foldedText(rest))) return undefined;
  return followUp(deps, ctx, rest, await deps.sessions.get(ctx), options, true);
}

/** Words of a name, each capitalised: "Beat Müller" alone is a name given, "alles klar danke" is not. */
const CAPITALISED_WORDS = /^\p{Lu}[\p{L}'.-]*(?: \p{Lu}[\p{L}'.-]*){1,4}$/u;

/** Whether the message gives a new value for the field: a name only when named as one or written as one. */
function givesNewValue(field: Field, text: string): boolean {
  if (!('value' in checkValue(field, text))) return false;
  return field !== 'name' || extractName(text) !== undefined || CAPITALISED_WORDS.test(trimTrailing(text.trim(), '.!'));
}

/** The last request this conversation recorded ("RK-7XABG"), not a ticket number the customer quoted. */
function lastRecorded(session: { references: readonly string[] }): string | undefined {
  return [...session.references].reverse().find((r) => REFERENCE_PATTERN.test(r));
}

/** Requests whose record says when the customer hears back, by reference prefix. */
const ANSWERED_BY_DATE: Readonly<Record<string, 'complaint' | 'dispute'>> = {
  [REFERENCE_PREFIX.complaint]: 'complaint',
  [REFERENCE_PREFIX.dispute]: 'dispute',
};
/** Below this the triage is unsure of a message's topic (as where the menu asks which area is meant). */
const SURE_OF_TOPIC = 0.5;
const TOPIC_OF: Readonly<Record<'complaint' | 'dispute', Intent>> = { complaint: 'complaint', dispute: 'billing' };

/**
 * Right after a complaint or a disputed charge was recorded: "Wann meldet sich jemand?" is told when,
 * by the date on the record; a statement that adds to the matter ("Er sollte gestern zwischen 8 und
 * 12 kommen, ich habe extra frei genommen") is added to the request instead of starting a second one
 * or being sorted into a menu area. A question, a new topic the triage is sure of, a loss or a wish
 * for a person go their usual way.
 */
async function followUp(
  deps: DialogDeps,
  ctx: TurnContext,
  text: string,
  session: { references: readonly string[] },
  options: MenuOptions,
  /** What followed a "Nein": a fact of its own, never the wish restated. */
  remark = false,
): Promise<DetailsRoute | undefined> {
  const reference = lastRecorded(session);
  const kind = reference ? ANSWERED_BY_DATE[reference.slice(0, 2)] : undefined;
  if (!reference || !kind) return undefined;
  const cues = detectCues(text);
  if (cues.has('howLong')) {
    const due = (await deps.requests.findByReference(reference))?.responseDueAt;
    if (!due) return undefined;
    const t = await deps.sessions.t(ctx);
    const settings = await deps.content.settings();
    const lang = await deps.sessions.lang(ctx);
    const date = calendarDate(due, lang, settings.timeZone);
    await ctx.sendActivity(t(`conversation:interpreter.answerDue.${kind}`, { reference, date }));
    return { kind: 'again', mode: 'anythingElse', more: nextQuestion(options) };
  }
  const folded = foldedText(text);
  // "Das möchte ich reklamieren" right after the dispute was recorded: the wish again, nothing new.
  const restates =
    !remark &&
    text.split(/\s+/).length <= RESTATED_WORDS &&
    !asksSomething(text) &&
    (kind === 'dispute' ? DISPUTES_IT.test(folded) : assessedIntent(ctx, deps, text).intent === 'complaint');
  if (restates) {
    const t = await deps.sessions.t(ctx);
    await ctx.sendActivity(t('conversation:interpreter.alreadyRecorded', { reference }));
    return { kind: 'again', mode: 'anythingElse', more: nextQuestion(options) };
  }
  if (!addsToMatter(ctx, deps, text, cues, kind)) return undefined;
  await deps.requests.addDetails(reference, { customerDetails: maskSensitive(text).slice(0, 500) });
  const t = await deps.sessions.t(ctx);
  // A second addition in a row hears "Auch das …", not the same sentence again.
  const again = options.mode === 'anythingElse' ? 'Again' : '';
  await ctx.sendActivity(t(`conversation:interpreter.matterAdded${again}`, { reference }));
  return { kind: 'again', mode: 'anythingElse', more: nextQuestion(options) };
}

/** The other wording of "anything else?": a customer adding one thing after another never hears the same question twice running. */
const ANYTHING_MORE = 'conversation:closing.anythingMore';
function nextQuestion(options: MenuOptions): Omit<MenuOptions, 'mode'> {
  return options.mode === 'anythingElse' && options.intro !== ANYTHING_MORE ? { intro: ANYTHING_MORE } : {};
}

/** A message this short that only names the kind of request again says nothing new. */
const RESTATED_WORDS = 6;
/** "auch", "außerdem", "noch was" (folded: "auserdem"): the customer goes on with the story just told. */
const GOES_ON = /(?:^| )(?:auch|auserdem|zudem|noch was|noch etwas|dazu kommt|also|too|as well)(?= |$)/;
/** "er", "sie", "der Mitarbeiter" (folded): someone of the story, not the customer's own new matter. */
const SOMEONE_ELSE =
  /(?:^| )(?:er|sie|ihm|man|mitarbeiter|mitarbeiterin|verkaufer|verkauferin|techniker|berater|beraterin|he|she|they|him|her|them)(?= |$)/;

function assessedIntent(ctx: TurnContext, deps: DialogDeps, text: string): IntentResult {
  return (TurnInterpreter.assessment(ctx) ?? deps.triage.assess(text)).intent;
}

/**
 * A statement of four words or more about the same matter, or about none the triage is sure of; for a
 * complaint also one that goes on with its story ("und dass der Vertrag zwei Jahre läuft, hat sie mir
 * auch verschwiegen"), whatever topic its words resemble.
 */
function addsToMatter(
  ctx: TurnContext,
  deps: DialogDeps,
  text: string,
  cues: Set<string>,
  kind: 'complaint' | 'dispute',
): boolean {
  if (asksSomething(text) || text.split(/\s+/).length < 4) return false;
  if (cues.has('person') || cues.has('supervisor') || cues.has('closing') || cues.has('thanks')) return false;
  const folded = foldedText(text);
  if (LOST_WORDS.test(folded)) return false;
  if (kind === 'complaint' && GOES_ON.test(folded) && SOMEONE_ELSE.test(folded)) return true;
  const { intent, confidence } = assessedIntent(ctx, deps, text);
  return intent === TOPIC_OF[kind] || (kind === 'dispute' && DISPUTES_IT.test(folded)) || confidence < SURE_OF_TOPIC;
}
