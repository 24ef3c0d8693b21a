import type { TurnContext } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { TFunction } from 'i18next';
import { staffingAt } from '../services/handoff/businessHours';
import { whenBack } from './handoff/announcement';
import { LostItem, detectLostItem } from './interpreter/matchers';
import type { DialogDeps } from './dialogDeps';
import { givesNoIdentifier } from './interpreter/negation';
import { LotseDialog, RequestResult } from './lotseDialog';
import type { PhraseChoice } from './interpreter/expectation';
import {
  extractName,
  parseCustomerNumber,
  parseDate,
  parseLastFour,
  parseName,
  parsePhone,
  readName,
} from './interpreter/slots';
import { yesNo } from './interpreter/yesNo';

export { detectLostItem } from './interpreter/matchers';
export type { LostItem } from './interpreter/matchers';

type IdentifierKind = 'birthDate' | 'lastFour' | 'customerNumber';

/** Which minimal identification the customer gave, if any, and its clean form. */
export function identify(raw: string, now: Date = new Date()): { kind: IdentifierKind; value: string } | undefined {
  const date = parseDate(raw, now);
  if (date) return { kind: 'birthDate', value: date };
  const number = parseCustomerNumber(raw);
  if (number) return { kind: 'customerNumber', value: number };
  const lastFour = parseLastFour(raw);
  return lastFour ? { kind: 'lastFour', value: lastFour } : undefined;
}

/** Which minimal identification the customer gave, if any. */
export function identifierKind(raw: string): IdentifierKind | undefined {
  return identify(raw)?.kind;
}

/** What the waterfall keeps between its steps. */
interface LostValues {
  item?: LostItem;
  name?: string;
  reference?: string;
  initial?: string;
}

/** What the phone branch starts with: the number to block and the name, when already given. */
interface PhoneBlock {
  phone: string;
  name?: string;
}

/**
 * Lost or stolen card or phone: urgent at any hour. The first reply already says how to block at
 * once; then what is lost, a minimal identification (never the full card number or PIN), a block
 * request with a BS- reference and a replacement offer. A phone or SIM may be identified by its
 * number, the way customers answer at once: the block is recorded as soon as the number is known and
 * the name is asked once afterwards, whatever the answer. A person, if needed, comes as urgent.
 */
export class LostOrStolenDialog extends LotseDialog {
  static readonly ID = 'lost_or_stolen';
  private static readonly FLOW = 'lost.flow';
  private static readonly PHONE_FLOW = 'lost.phone';

  constructor(deps: DialogDeps) {
    super(LostOrStolenDialog.ID, deps);
    this.addDialog(
      new WaterfallDialog(LostOrStolenDialog.FLOW, [
        this.immediateHelp.bind(this),
        this.askName.bind(this),
        this.askIdentifier.bind(this),
        this.record.bind(this),
        this.replacement.bind(this),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(LostOrStolenDialog.PHONE_FLOW, [
        this.recordPhone.bind(this),
        this.replacementHolder.bind(this),
        this.phoneReplacement.bind(this),
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
    return this.ask(step, {
      kind: 'choice',
      matcher: 'lostItem',
      topic: 'lost_or_stolen',
      lines: [{ key: 'conversation:lost.askItem' }],
      choices: ITEM_CHOICES,
    });
  }

  private async askName(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const item = this.item(String(step.result ?? '')) ?? 'card';
    (step.values as LostValues).item = item;
    await this.deps.sessions.addFact(
      step.context,
      item === 'card' ? 'Verloren/gestohlen: Karte' : 'Verloren/gestohlen: Handy/SIM',
    );
    // "Ich heiße Anna Schmidt, geboren am 14.03.1985, …": what was given up front is not asked again.
    const initial = (step.options as { text?: string } | undefined)?.text ?? '';
    (step.values as LostValues).initial = initial;
    const name = extractName(initial);
    const phone = item === 'phone' ? parsePhone(`${initial} ${String(step.result ?? '')}`) : undefined;
    if (phone) return this.blockByNumber(step, { phone, ...(name ? { name } : {}) });
    if (name) return step.next(name);
    return this.ask(step, {
      kind: 'name',
      allowPhone: item === 'phone',
      topic: 'lost_or_stolen',
      problem: 'conversation:lost.nameInvalid',
      lines: [{ key: item === 'phone' ? 'conversation:lost.askNameOrNumber' : 'conversation:lost.askName' }],
      short: [{ key: 'conversation:lost.askNameShort' }],
    });
  }

  private async askIdentifier(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as LostValues;
    // The name step passes on the name it read; "Ich bin Ahmet Yilmaz, geboren 12.12.1991, Nummer 0176
    // 99988877" also gave the number and the date of birth, which are not asked for again.
    const message = step.context.activity.text ?? '';
    const name = readName(String(step.result)) ?? String(step.result).trim();
    const phone = values.item === 'phone' ? (parsePhone(String(step.result)) ?? parsePhone(message)) : undefined;
    if (phone) return this.blockByNumber(step, { phone, ...(name && !parsePhone(name) ? { name } : {}) });
    values.name = name;
    const given = [values.initial, message].find((text) => {
      const found = text ? identify(text, this.deps.clock.now()) : undefined;
      return found !== undefined && found.kind !== 'lastFour';
    });
    if (given) return step.next(given);
    return this.ask(step, {
      kind: 'identifier',
      topic: 'lost_or_stolen',
      allowLastFour: values.item === 'card',
      allowPhone: values.item === 'phone',
      problem: 'conversation:lost.identifierInvalid',
      lines: [{ key: `conversation:lost.askIdentifier.${values.item as LostItem}` }],
    });
  }

  private async record(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as LostValues;
    const phone = values.item === 'phone' ? parsePhone(String(step.result)) : undefined;
    if (phone) return this.blockByNumber(step, { phone, ...(values.name ? { name: values.name } : {}) });
    const ctx = step.context;
    const t = await this.deps.sessions.t(ctx);
    const given = identify(String(step.result), this.deps.clock.now());
    // "Nein", "hab ich grad nicht zur Hand": the block is recorded with the name; the team checks who it is.
    const lacking = !given && givesNoIdentifier(String(step.result));
    if (lacking) await ctx.sendActivity(t('conversation:lost.withoutIdentifier'));
    const identifier = lacking ? '' : (given?.value ?? String(step.result).trim().replace(/\s+/g, ''));
    const kind = lacking ? 'none' : (given?.kind ?? 'customerNumber');
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
    (await this.deps.sessions.get(ctx)).block = { reference: recorded.reference };
    await ctx.sendActivity(t(`conversation:lost.recorded.${item}`, { reference: recorded.reference }));
    if (item === 'phone') await this.sayWhenBlocked(ctx, t);
    return this.askYesNo(step, [{ key: `conversation:lost.offerReplacement.${item}` }]);
  }

  private async replacement(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.closeWithReplacement(step, yesNo(String(step.result ?? '')) === 'yes');
  }

  private async closeWithReplacement(step: WaterfallStepContext, wanted: boolean): Promise<DialogTurnResult> {
    const t = await this.deps.sessions.t(step.context);
    const item = (step.values as LostValues).item as LostItem;
    await this.deps.requests.addDetails((step.values as LostValues).reference as string, { replacement: wanted });
    await step.context.sendActivity(
      t(wanted ? `conversation:lost.replacementOrdered.${item}` : 'conversation:lost.noReplacement'),
    );
    await step.context.sendActivity(t('conversation:lost.personHint'));
    return step.endDialog({} satisfies RequestResult);
  }

  private blockByNumber(step: WaterfallStepContext, block: PhoneBlock): Promise<DialogTurnResult> {
    return step.replaceDialog(LostOrStolenDialog.PHONE_FLOW, block);
  }

  private async recordPhone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ctx = step.context;
    const t = await this.deps.sessions.t(ctx);
    const block = step.options as PhoneBlock;
    const values = step.values as LostValues;
    values.item = 'phone';
    values.name = block.name;
    const recorded = await this.deps.requests.create({
      type: 'block',
      channel: ctx.activity.channelId,
      conversationKey: `${ctx.activity.channelId}:${ctx.activity.conversation.id}`,
      language: await this.deps.sessions.lang(ctx),
      details: {
        item: 'phone',
        identifierType: 'phone',
        identifier: block.phone,
        ...(block.name ? { name: block.name } : {}),
      },
      summary: `Sperrung Handy/SIM${block.name ? ` für ${block.name}` : ''}`,
    });
    values.reference = recorded.reference;
    await this.deps.sessions.addReference(ctx, recorded.reference);
    (await this.deps.sessions.get(ctx)).block = { reference: recorded.reference, phone: block.phone };
    await ctx.sendActivity(t('conversation:lost.recorded.phone', { reference: recorded.reference }));
    await this.sayWhenBlocked(ctx, t);
    return this.askYesNo(step, [{ key: 'conversation:lost.offerReplacement.phone' }]);
  }

  /**
   * Off hours the team blocks the SIM card only when it is back: the customer hears when, and how to
   * block it at once, instead of believing it blocked now.
   */
  private async sayWhenBlocked(ctx: TurnContext, t: TFunction): Promise<void> {
    const settings = await this.deps.content.settings();
    const now = this.deps.clock.now();
    const staffing = staffingAt(settings, now);
    if (staffing.staffed) return;
    const lang = await this.deps.sessions.lang(ctx);
    await ctx.sendActivity(
      t('conversation:lost.recordedOffHours', { when: whenBack(t, staffing, lang, settings.timeZone, now) }),
    );
  }

  /** A replacement SIM goes to the contract holder: the name is asked only when one is wanted. */
  private async replacementHolder(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as LostValues;
    const wanted = yesNo(String(step.result ?? '')) === 'yes';
    if (!wanted || values.name) return step.next(wanted ? 'yes' : 'no');
    return this.ask(step, {
      kind: 'name',
      topic: 'lost_or_stolen',
      problem: 'conversation:lost.nameInvalid',
      lines: [{ key: 'conversation:lost.askHolder' }],
    });
  }

  private async phoneReplacement(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as LostValues;
    const wanted = step.result !== 'no';
    const name = wanted && step.result !== 'yes' ? parseName(String(step.result)) : undefined;
    if (name) await this.deps.requests.addDetails(values.reference as string, { name });
    return this.closeWithReplacement(step, wanted);
  }

  private item(text: string | undefined): LostItem | undefined {
    const raw = (text ?? '').trim();
    if (raw === '1' || raw === 'card') return 'card';
    if (raw === '2' || raw === 'phone') return 'phone';
    return raw ? detectLostItem(raw) : undefined;
  }
}

const ITEM_CHOICES: PhraseChoice[] = [
  { value: '1', title: { key: 'conversation:lost.items.card' } },
  { value: '2', title: { key: 'conversation:lost.items.phone' } },
];
