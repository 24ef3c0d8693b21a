import { DialogTurnResult, PromptValidatorContext, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { normalizeText } from '../services/nlu/normalize';
import type { DialogDeps } from './dialogDeps';
import { LotseDialog, RequestResult } from './lotseDialog';
import { Choice, parseYesNo, pickChoice, withChoices } from './replies';

export type LostItem = 'card' | 'phone';

const CARD_WORDS = /(karte|kreditkarte|girocard|ec karte|bankkarte|visa|mastercard|maestro|amex|card)/;
const PHONE_WORDS = /(handy|smartphone|telefon|iphone|phone|mobil|sim)/;

/** What a message says is lost; a SIM card counts as the phone, not as a payment card. */
export function detectLostItem(text: string): LostItem | undefined {
  const normalized = normalizeText(text);
  if (PHONE_WORDS.test(normalized)) return 'phone';
  if (CARD_WORDS.test(normalized)) return 'card';
  return undefined;
}

const NAME = /^[\p{L}][\p{L}' .-]{1,98}$/u;
const DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const LAST_FOUR = /^\d{4}$/;
const CUSTOMER_NUMBER = /^[A-Z]{0,3}-?\d{6,12}$/i;

type IdentifierKind = 'birthDate' | 'lastFour' | 'customerNumber';

/** Which minimal identification the customer gave, if any. */
export function identifierKind(raw: string): IdentifierKind | undefined {
  const value = raw.trim().replace(/\s+/g, '');
  const date = DATE.exec(value);
  if (date) {
    const [d, m, y] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const parsed = new Date(Date.UTC(y, m - 1, d));
    const plausible = parsed.getUTCDate() === d && parsed.getUTCMonth() === m - 1 && y >= 1900 && parsed.getTime() < Date.now();
    return plausible ? 'birthDate' : undefined;
  }
  if (LAST_FOUR.test(value)) return 'lastFour';
  if (CUSTOMER_NUMBER.test(value)) return 'customerNumber';
  return undefined;
}

/**
 * Lost or stolen card or phone: urgent at any hour. The first reply already says how to block at
 * once; then what is lost, a minimal identification (never the full card number or PIN), a block
 * request with a BS- reference and a replacement offer. A person, if needed, comes as urgent.
 */
/** What the waterfall keeps between its steps. */
interface LostValues { item?: LostItem; name?: string; reference?: string }

export class LostOrStolenDialog extends LotseDialog {
  static readonly ID = 'lost_or_stolen';
  private static readonly FLOW = 'lost.flow';
  private static readonly ITEM = 'lost.item';
  private static readonly NAME = 'lost.name';
  private static readonly IDENT = 'lost.identifier';

  constructor(deps: DialogDeps) {
    super(LostOrStolenDialog.ID, deps);
    this.addDialog(new TextPrompt(LostOrStolenDialog.ITEM, async (pc) => this.item(pc.recognized.value) !== undefined));
    this.addDialog(new TextPrompt(LostOrStolenDialog.NAME, (pc) => this.validate(pc, (v) => NAME.test(v), 'conversation:lost.nameInvalid')));
    this.addDialog(new TextPrompt(LostOrStolenDialog.IDENT, (pc) => this.validate(pc, (v) => identifierKind(v) !== undefined, 'conversation:lost.identifierInvalid')));
    this.addDialog(
      new WaterfallDialog(LostOrStolenDialog.FLOW, [
        this.immediateHelp.bind(this),
        this.askName.bind(this),
        this.askIdentifier.bind(this),
        this.record.bind(this),
        this.replacement.bind(this),
      ]),
    );
    this.initialDialogId = LostOrStolenDialog.FLOW;
  }

  private async immediateHelp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // Whatever led here, a person called in from now on comes as urgent.
    (await this.deps.sessions.get(step.context)).category = 'lost_or_stolen';
    const t = await this.deps.sessions.t(step.context);
    const item = detectLostItem((step.options as { text?: string } | undefined)?.text ?? '');
    await step.context.sendActivity(t(`conversation:lost.help.${item ?? 'unknown'}`));
    if (item) return step.next(item);
    const choices = this.choices(t);
    return step.prompt(LostOrStolenDialog.ITEM, { prompt: withChoices(t('conversation:lost.askItem'), choices), retryPrompt: withChoices(t('conversation:lost.askItemRetry'), choices) });
  }

  private async askName(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const item = this.item(String(step.result ?? '')) ?? 'card';
    (step.values as LostValues).item = item;
    await this.deps.sessions.addFact(step.context, item === 'card' ? 'Verloren/gestohlen: Karte' : 'Verloren/gestohlen: Handy/SIM');
    const t = await this.deps.sessions.t(step.context);
    return step.prompt(LostOrStolenDialog.NAME, { prompt: t('conversation:lost.askName') });
  }

  private async askIdentifier(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as LostValues).name = String(step.result).trim();
    const t = await this.deps.sessions.t(step.context);
    return step.prompt(LostOrStolenDialog.IDENT, { prompt: t(`conversation:lost.askIdentifier.${(step.values as LostValues).item as LostItem}`) });
  }

  private async record(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ctx = step.context;
    const t = await this.deps.sessions.t(ctx);
    const identifier = String(step.result).trim().replace(/\s+/g, '');
    const kind = identifierKind(identifier) ?? 'customerNumber';
    const item = (step.values as LostValues).item as LostItem;
    const recorded = await this.deps.requests.create({
      type: 'block',
      channel: ctx.activity.channelId,
      conversationKey: `${ctx.activity.channelId}:${ctx.activity.conversation.id}`,
      language: await this.deps.sessions.lang(ctx),
      details: { item, name: (step.values as LostValues).name as string, identifierType: kind, identifier },
      summary: `Sperrung ${item === 'card' ? 'Karte' : 'Handy/SIM'} für ${(step.values as LostValues).name as string}`,
    });
    (step.values as LostValues).reference = recorded.reference;
    await this.deps.sessions.addReference(ctx, recorded.reference);
    await ctx.sendActivity(t(`conversation:lost.recorded.${item}`, { reference: recorded.reference }));
    return this.askYesNo(step, t(`conversation:lost.offerReplacement.${item}`));
  }

  private async replacement(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = await this.deps.sessions.t(step.context);
    const item = (step.values as LostValues).item as LostItem;
    const wanted = parseYesNo(String(step.result ?? '')) === true;
    await this.deps.requests.addDetails((step.values as LostValues).reference as string, { replacement: wanted });
    await step.context.sendActivity(t(wanted ? `conversation:lost.replacementOrdered.${item}` : 'conversation:lost.noReplacement'));
    await step.context.sendActivity(t('conversation:lost.personHint'));
    return step.endDialog({} satisfies RequestResult);
  }

  private item(text: string | undefined): LostItem | undefined {
    const picked = pickChoice(text, [
      { value: '1', title: 'card' },
      { value: '2', title: 'phone' },
    ]);
    if (picked) return picked.value === '1' ? 'card' : 'phone';
    if (text === 'card' || text === 'phone') return text;
    return text ? detectLostItem(text) : undefined;
  }

  private choices(t: (key: string) => string): Choice[] {
    return [
      { value: '1', title: t('conversation:lost.items.card') },
      { value: '2', title: t('conversation:lost.items.phone') },
    ];
  }

  private async validate(pc: PromptValidatorContext<string>, ok: (value: string) => boolean, errorKey: string): Promise<boolean> {
    if (ok((pc.recognized.value ?? '').trim())) return true;
    const t = await this.deps.sessions.t(pc.context);
    await pc.context.sendActivity(t(errorKey));
    return false;
  }
}
