import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { normalizeText } from '../services/nlu/normalize';
import { maskSensitive } from '../services/privacy/masking';
import type { DialogDeps } from './dialogDeps';
import { KnowledgeTopicDialog } from './knowledgeTopicDialog';
import { AMOUNT_WORDS } from './interpreter/matchers';
import { TurnInterpreter } from './interpreter/turnInterpreter';
import { yesNo } from './interpreter/yesNo';
import { LotseDialog, RequestResult } from './lotseDialog';

const DISPUTE_WORDS =
  /(falsch|zu hoch|zu viel|nicht bestellt|nie bestellt|nicht gebucht|unberechtigt|ungerechtfertigt|doppelt|beanstand|widerspr|reklamier|stimmt nicht|nicht korrekt|fehlerhaft|nicht nachvollziehbar|geld zurueck|zurueckbuch|zurueckerstatt|erstatt|trotz kuendigung|gekuendigt habe|nach meiner kuendigung|nach der kuendigung|zweimal abgebucht|2 mal abgebucht|2x abgebucht|zwei mal abgebucht|mehrfach abgebucht|bitte pruefen|bitte korrigieren|zweimal drin|doppelt drin|2 x |nie angerufen|nicht angerufen|nie gewaehlt|never called|nie genutzt|nicht genutzt|nie benutzt|charged me twice|zweimal belastet|zweimal berechnet|nochmal abgebucht|noch einmal abgebucht|nie abgeschlossen|nicht abgeschlossen|nie gekommen|nie angekommen|wrong|dispute|overcharg|charged twice|double charg|never signed|not ordered|incorrect|refund|bestreit|anfecht|einspruch)/;
/** "nie", "nicht", "never": before what the customer did not do. */
const NEVER = new Set(['nie', 'nicht', 'never', 'not']);
/** Uses of a line or a service a charge stands for (normalised; Swiss forms included). */
const USED = new Set([
  'angerufen',
  'gewaehlt',
  'gwaehlt',
  'aagrueft',
  'agrueft',
  'genutzt',
  'benutzt',
  'bestellt',
  'bstellt',
  'gebucht',
  'abgeschlossen',
  'called',
  'used',
  'ordered',
  'booked',
]);
/** Words between the negation and the use ("nie so eine Nummer angerufen"). */
const NEVER_GAP = 4;

/** "Ich habe nie so eine Nummer angerufen", "never ordered that": a charge for something not done (word by word, linear). */
function deniesUse(normalized: string): boolean {
  const words = normalized.split(' ');
  return words.some((word, i) => NEVER.has(word) && words.slice(i + 1, i + 2 + NEVER_GAP).some((w) => USED.has(w)));
}

/** A first message this long with an amount already describes the disputed charge. */
const DESCRIBED = /\d/;
const DESCRIPTIVE_LENGTH = 60;

/** "falsche Adresse auf der Rechnung": what is wrong is a detail of the invoice, not an amount charged. */
const INVOICE_DETAIL = /(adress|anschrift|name|firmenname|steuernummer|ust id|uid nummer)/;
const MONEY = new RegExp(`(${AMOUNT_WORDS}|kosten|zu hoch|zu viel|doppelt|zweimal)`);

/** True when a billing message disputes a charge rather than asking about one (or about a wrong address on it). */
export function isDispute(text: string): boolean {
  const normalized = normalizeText(text);
  if (!DISPUTE_WORDS.test(normalized) && !deniesUse(normalized)) return false;
  return !INVOICE_DETAIL.test(normalized) || MONEY.test(normalized);
}

/** The entry with the usual reasons for a higher bill. */
const HIGHER_BILL_ENTRY = 'billing.invoice-higher';
/** "zu hoch", "höher als sonst", "too high": the bill is higher than expected, no item named. */
const HIGHER = /(zu hoch|so hoch|hoeher|hoher als|mehr als sonst|mehr als normal|too high|higher)/;
/**
 * What names the wrong beyond the dispute words and a denied use ("zweimal", "gekündigt", "Drittanbieter",
 * "never"): such a dispute is taken at once, without the reasons for a higher bill.
 */
const NAMED = /(zweimal|2 ?x|mehrfach|gekuendigt|drittanbieter|twice|never)/;
/** The dispute words that only say the amount is high. */
const DISPUTE_HIGHER = /zu hoch|zu viel/g;
/** Words a vague complaint about the amount stays within. */
const VAGUE_WORDS = 12;

/** "Rechnung zu hoch", "Meine Handyrechnung ist diesen Monat viel höher": higher, with nothing named. */
function onlyHigher(text: string): boolean {
  const normalized = normalizeText(text);
  return (
    HIGHER.test(normalized) &&
    // "zu hoch, des stimmt ned": a claim that something is wrong, beyond the amount being high.
    !DISPUTE_WORDS.test(normalized.replace(DISPUTE_HIGHER, ' ')) &&
    !deniesUse(normalized) &&
    !NAMED.test(normalized) &&
    !DESCRIBED.test(normalized) &&
    normalized.split(' ').length <= VAGUE_WORDS
  );
}

/** "Nein, da steht eine Option …" -> "da steht eine Option …". */
function afterNo(text: string): string {
  return text.replace(/^\s*(?:nein|nee|nö|noe|no|nope)(?=[\s,.!:;-]|$)[\s,.!:;-]*/i, '').trim();
}

interface DisputeValues {
  explained?: boolean;
}

/** Records a disputed charge with an RK- reference and offers a person. */
export class DisputeDialog extends LotseDialog {
  static readonly ID = 'billing.dispute';

  constructor(deps: DialogDeps) {
    super(DisputeDialog.ID, deps);
    this.addDialog(
      new WaterfallDialog(`${DisputeDialog.ID}.flow`, [
        this.explain.bind(this),
        this.askDetails.bind(this),
        this.record.bind(this),
      ]),
    );
    this.initialDialogId = `${DisputeDialog.ID}.flow`;
  }

  /**
   * "Rechnung zu hoch": a bill higher than the customer expected, with nothing named yet. The usual
   * reasons come first, then "Erklärt das den höheren Betrag?"; only a no takes the dispute.
   */
  private async explain(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = ((step.options as { text?: string } | undefined)?.text ?? '').trim();
    if (!onlyHigher(text)) return step.next();
    const ctx = step.context;
    const reasons = await this.deps.knowledge.entry(HIGHER_BILL_ENTRY, await this.deps.sessions.lang(ctx));
    if (!reasons) return step.next();
    (step.values as DisputeValues).explained = true;
    await ctx.sendActivity(reasons.text);
    return this.askYesNo(step, [{ key: 'conversation:billing.dispute.explained' }], {
      helped: true,
      topic: 'billing',
    });
  }

  private async askDetails(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const explained = (step.values as DisputeValues).explained === true;
    if (explained && yesNo(String(step.result ?? '')) === 'yes') {
      const t = await this.deps.sessions.t(step.context);
      await step.context.sendActivity(t('conversation:knowledge.glad'));
      return step.endDialog({} satisfies RequestResult);
    }
    // Everything in the first message ("39,99 € für einen gekündigten Vertrag abgebucht …"), or in the no
    // to the reasons ("Nein, da steht eine Option, die ich nie gebucht habe"): recorded, not asked again.
    const text = explained
      ? afterNo(TurnInterpreter.report(step.context) ?? String(step.result ?? ''))
      : ((step.options as { text?: string } | undefined)?.text ?? '').trim();
    if (explained ? text.split(/\s+/).length >= 4 : text.length >= DESCRIPTIVE_LENGTH && DESCRIBED.test(text))
      return step.next(text);
    return this.ask(step, {
      kind: 'text',
      topic: 'billing',
      lines: [{ key: 'conversation:billing.dispute.ask' }],
      short: [{ key: 'conversation:billing.dispute.retry' }],
    });
  }

  private async record(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ctx = step.context;
    const t = await this.deps.sessions.t(ctx);
    const details = maskSensitive(String(step.result).trim()).slice(0, 500);
    const recorded = await this.deps.requests.create({
      type: 'dispute',
      channel: ctx.activity.channelId,
      conversationKey: `${ctx.activity.channelId}:${ctx.activity.conversation.id}`,
      language: await this.deps.sessions.lang(ctx),
      details: { description: details },
      summary: `Beanstandung: ${details.slice(0, 120)}`,
    });
    await this.deps.sessions.addReference(ctx, recorded.reference);
    await this.deps.sessions.addFact(ctx, `Beanstandete Position: ${details.slice(0, 120)}`);
    await ctx.sendActivity(t('conversation:billing.dispute.recorded', { reference: recorded.reference }));
    // A person is offered as a word to write: "ok" or "Ja, bitte aufnehmen" after the reference is an
    // acknowledgement, not a wish to be queued.
    await ctx.sendActivity(t('conversation:billing.dispute.personHint'));
    return step.endDialog({} satisfies RequestResult);
  }
}

/** Invoices: items, payment and due dates, direct debit from the knowledge base; disputes recorded. */
export class BillingDialog extends KnowledgeTopicDialog {
  static readonly ID = 'billing';

  constructor(deps: DialogDeps) {
    super(deps, {
      id: BillingDialog.ID,
      category: 'billing',
      askKey: 'conversation:billing.ask',
      special: { path: 'dispute', dialogId: DisputeDialog.ID, matches: isDispute },
    });
    this.addDialog(new DisputeDialog(deps));
  }
}
