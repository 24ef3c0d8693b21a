import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { normalizeText } from '../services/nlu/normalize';
import { maskSensitive } from '../services/privacy/masking';
import type { DialogDeps } from './dialogDeps';
import { KnowledgeTopicDialog } from './knowledgeTopicDialog';
import { LotseDialog, RequestResult } from './lotseDialog';

const DISPUTE_WORDS =
  /(falsch|zu hoch|zu viel|nicht bestellt|nie bestellt|nicht gebucht|unberechtigt|ungerechtfertigt|doppelt|beanstand|widerspr|reklamier|stimmt nicht|nicht korrekt|fehlerhaft|nicht nachvollziehbar|geld zurueck|zurueckbuch|zurueckerstatt|erstatt|trotz kuendigung|gekuendigt habe|nach meiner kuendigung|nach der kuendigung|zweimal abgebucht|2 mal abgebucht|2x abgebucht|zwei mal abgebucht|mehrfach abgebucht|bitte pruefen|bitte korrigieren|zweimal drin|doppelt drin|2 x |nie angerufen|nicht angerufen|nie gewaehlt|never called|nie genutzt|nicht genutzt|nie benutzt|charged me twice|zweimal belastet|zweimal berechnet|nochmal abgebucht|noch einmal abgebucht|nie abgeschlossen|nicht abgeschlossen|nie gekommen|nie angekommen|wrong|dispute|overcharg|charged twice|double charg|never signed|not ordered|incorrect|refund)/;
/** A first message this long with an amount already describes the disputed charge. */
const DESCRIBED = /\d/;
const DESCRIPTIVE_LENGTH = 60;

/** "falsche Adresse auf der Rechnung": what is wrong is a detail of the invoice, not an amount charged. */
const INVOICE_DETAIL = /(adress|anschrift|name|firmenname|steuernummer|ust id|uid nummer)/;
const MONEY =
  /(\d|euro|eur |chf|franken|betrag|kosten|gebuehr|abgebucht|berechnet|belastet|zu hoch|zu viel|doppelt|zweimal)/;

/** True when a billing message disputes a charge rather than asking about one (or about a wrong address on it). */
export function isDispute(text: string): boolean {
  const normalized = normalizeText(text);
  if (!DISPUTE_WORDS.test(normalized)) return false;
  return !INVOICE_DETAIL.test(normalized) || MONEY.test(normalized);
}

/** Records a disputed charge with an RK- reference and offers a person. */
export class DisputeDialog extends LotseDialog {
  static readonly ID = 'billing.dispute';

  constructor(deps: DialogDeps) {
    super(DisputeDialog.ID, deps);
    this.addDialog(
      new WaterfallDialog(`${DisputeDialog.ID}.flow`, [this.askDetails.bind(this), this.record.bind(this)]),
    );
    this.initialDialogId = `${DisputeDialog.ID}.flow`;
  }

  private async askDetails(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // Everything in the first message ("39,99 € für einen gekündigten Vertrag abgebucht …"): recorded, not asked again.
    const text = ((step.options as { text?: string } | undefined)?.text ?? '').trim();
    if (text.length >= DESCRIPTIVE_LENGTH && DESCRIBED.test(text)) return step.next(text);
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
