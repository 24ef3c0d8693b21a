import { DialogTurnResult, PromptValidatorContext, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { normalizeText } from '../services/nlu/normalize';
import { ibanValid, maskIban } from '../services/privacy/masking';
import type { DialogDeps } from './dialogDeps';
import { LotseDialog, RequestResult } from './lotseDialog';
import { Choice, parseYesNo, pickChoice, withChoices, numbered } from './replies';

export const FIELDS = ['address', 'name', 'bank', 'email', 'phone'] as const;
export type Field = (typeof FIELDS)[number];

const FIELD_WORDS: Record<Field, RegExp> = {
  bank: /(iban|bank|konto|lastschrift|account)/,
  email: /(mail)/,
  phone: /(telefon|handynummer|rufnummer|nummer|phone)/,
  address: /(adresse|anschrift|umzug|umgezogen|wohnort|strasse|address|moved)/,
  name: /(name|heirat|geheiratet|nachname)/,
};

export function detectField(text: string): Field | undefined {
  const normalized = normalizeText(text);
  return (['bank', 'email', 'phone', 'address', 'name'] as const).find((f) => FIELD_WORDS[f].test(normalized));
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[A-Za-z]{2,}$/;
const PHONE = /^\+?\d{6,15}$/;
const NAME = /^[\p{L}][\p{L}' .-]{1,98}$/u;
/** Street and number, then a 4- or 5-digit postcode and a town: "Hauptstraße 5, 10115 Berlin". */
const ADDRESS = /^(?=.*\p{L}.*\d)(?=.*\b\d{4,5}\s+\p{L}).{8,150}$/u;

type Problem = 'invalidIban' | 'ibanFormat' | 'invalidEmail' | 'invalidPhone' | 'invalidName' | 'invalidAddress';

/** Validates and normalises a new value; returns the problem when it does not pass. */
export function checkValue(field: Field, raw: string): { value: string } | { problem: Problem } {
  const value = raw.trim();
  switch (field) {
    case 'bank': {
      const iban = value.replace(/\s+/g, '').toUpperCase();
      if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return { problem: 'ibanFormat' };
      return ibanValid(iban) ? { value: iban } : { problem: 'invalidIban' };
    }
    case 'email':
      return EMAIL.test(value) ? { value: value.toLowerCase() } : { problem: 'invalidEmail' };
    case 'phone': {
      const phone = value.replace(/[\s/()-]/g, '');
      return PHONE.test(phone) ? { value: phone } : { problem: 'invalidPhone' };
    }
    case 'name':
      return NAME.test(value) && value.includes(' ') ? { value: value.replace(/\s+/g, ' ') } : { problem: 'invalidName' };
    case 'address':
      return ADDRESS.test(value) ? { value: value.replace(/\s+/g, ' ') } : { problem: 'invalidAddress' };
  }
}

/** How a value is read back: bank details and e-mail/phone masked, name and address in full to check them. */
export function readBack(field: Field, value: string): string {
  if (field === 'bank') return maskIban(value);
  if (field === 'email') {
    const [local, domain] = value.split('@');
    return `${local.slice(0, 2)}***@${domain}`;
  }
  if (field === 'phone') return `${value.slice(0, 4)}****${value.slice(-2)}`;
  return value;
}

interface Options {
  text?: string;
  field?: Field;
}

/** Address, name, bank details, e-mail, phone: validated, read back masked, confirmed, stored with a DA- reference. */
/** What the waterfall keeps between its steps. */
interface DataValues { field?: Field; value?: string }

export class DataChangeDialog extends LotseDialog {
  static readonly ID = 'data_change';
  private static readonly FLOW = 'dataChange.flow';
  private static readonly FIELD = 'dataChange.field';
  private static readonly VALUE = 'dataChange.value';

  constructor(deps: DialogDeps) {
    super(DataChangeDialog.ID, deps);
    this.addDialog(new TextPrompt(DataChangeDialog.FIELD, async (pc) => this.field(pc.recognized.value) !== undefined));
    this.addDialog(new TextPrompt(DataChangeDialog.VALUE, (pc) => this.validateValue(pc)));
    this.addDialog(new WaterfallDialog(DataChangeDialog.FLOW, [this.askField.bind(this), this.askValue.bind(this), this.confirm.bind(this), this.store.bind(this)]));
    this.initialDialogId = DataChangeDialog.FLOW;
  }

  private async askField(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options as Options | undefined) ?? {};
    const known = options.field ?? (options.text ? detectField(options.text) : undefined);
    if (known) return step.next(known);
    const t = await this.deps.sessions.t(step.context);
    const choices = this.choices(t);
    const prompt = withChoices(`${t('conversation:dataChange.ask')}\n\n${numbered(choices)}`, choices);
    return step.prompt(DataChangeDialog.FIELD, { prompt, retryPrompt: withChoices(t('conversation:dataChange.askRetry'), choices) });
  }

  private async askValue(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const field = this.field(String(step.result ?? '')) ?? 'address';
    (step.values as DataValues).field = field;
    const t = await this.deps.sessions.t(step.context);
    return step.prompt(DataChangeDialog.VALUE, { prompt: t(`conversation:dataChange.askValue.${field}`), validations: { field } });
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const field = (step.values as DataValues).field as Field;
    const checked = checkValue(field, String(step.result ?? ''));
    if (!('value' in checked)) return step.endDialog({} satisfies RequestResult);
    (step.values as DataValues).value = checked.value;
    const t = await this.deps.sessions.t(step.context);
    return this.askYesNo(step, t('conversation:dataChange.confirm', { field: t(`conversation:dataChange.fields.${field}`), value: readBack(field, checked.value) }));
  }

  private async store(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ctx = step.context;
    const t = await this.deps.sessions.t(ctx);
    const field = (step.values as DataValues).field as Field;
    if (!parseYesNo(String(step.result ?? ''))) {
      await ctx.sendActivity(t('conversation:dataChange.again'));
      return step.replaceDialog(DataChangeDialog.FLOW, { field } satisfies Options);
    }
    const value = (step.values as DataValues).value as string;
    const recorded = await this.deps.requests.create({
      type: 'data_change',
      channel: ctx.activity.channelId,
      conversationKey: `${ctx.activity.channelId}:${ctx.activity.conversation.id}`,
      language: await this.deps.sessions.lang(ctx),
      details: { field, value },
      summary: `Änderung ${this.deps.i18n.t('de')(`conversation:dataChange.fields.${field}`)}: ${readBack(field, value)}`,
    });
    await this.deps.sessions.addReference(ctx, recorded.reference);
    await this.deps.sessions.addFact(ctx, `Datenänderung ${field}: ${readBack(field, value)}`);
    await ctx.sendActivity(t('conversation:dataChange.stored', { reference: recorded.reference }));
    if (field === 'name') await ctx.sendActivity(t('conversation:dataChange.nameDocument'));
    return step.endDialog({} satisfies RequestResult);
  }

  private async validateValue(pc: PromptValidatorContext<string>): Promise<boolean> {
    const field = (pc.options.validations as { field: Field }).field;
    const checked = checkValue(field, pc.recognized.value ?? '');
    if ('value' in checked) return true;
    const t = await this.deps.sessions.t(pc.context);
    await pc.context.sendActivity(t(`conversation:dataChange.problems.${checked.problem}`));
    return false;
  }

  private field(text: string | undefined): Field | undefined {
    const picked = pickChoice(text, FIELDS.map((f, i) => ({ value: String(i + 1), title: f })));
    if (picked) return FIELDS[Number(picked.value) - 1];
    if (text && (FIELDS as readonly string[]).includes(text)) return text as Field;
    return text ? detectField(text) : undefined;
  }

  private choices(t: (key: string) => string): Choice[] {
    return FIELDS.map((f, i) => ({ value: String(i + 1), title: t(`conversation:dataChange.fields.${f}`) }));
  }
}
