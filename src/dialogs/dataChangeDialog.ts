import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { maskIban } from '../services/privacy/masking';
import type { DialogDeps } from './dialogDeps';
import type { AnswerKind } from './interpreter/expectation';
import { FIELDS, Field, changeByValue, detectField } from './interpreter/matchers';
import { correctionCandidates } from './interpreter/answers';
import {
  correctAddress,
  parseAddress,
  parseEmail,
  parseIban,
  parseMoveDate,
  parsePhone,
  readName,
} from './interpreter/slots';
import { TurnInterpreter } from './interpreter/turnInterpreter';
import { withoutLeadingNo, yesNo } from './interpreter/yesNo';
import { LotseDialog, RequestResult } from './lotseDialog';
import { loadMenu, menuChoices, menuLines, optionPath, pickOption } from './subMenus';

export { FIELDS, detectField } from './interpreter/matchers';
export type { Field } from './interpreter/matchers';

type Problem = 'invalidIban' | 'ibanFormat' | 'invalidEmail' | 'invalidPhone' | 'invalidName' | 'invalidAddress';

/** The slot each field asks for, so the turn interpreter can tell a value from anything else. */
const SLOT: Record<Field, AnswerKind> = {
  address: 'address',
  name: 'name',
  bank: 'iban',
  email: 'email',
  phone: 'phone',
};
const PROBLEM: Record<Field, Problem> = {
  address: 'invalidAddress',
  name: 'invalidName',
  bank: 'ibanFormat',
  email: 'invalidEmail',
  phone: 'invalidPhone',
};

/** Reads and normalises a new value out of the message; returns the problem when it does not pass. */
export function checkValue(field: Field, raw: string): { value: string } | { problem: Problem } {
  const read = (value: string | undefined) => (value ? { value } : { problem: PROBLEM[field] });
  switch (field) {
    case 'bank': {
      const iban = parseIban(raw);
      return 'iban' in iban ? { value: iban.iban } : iban;
    }
    case 'email':
      return read(parseEmail(raw));
    case 'phone':
      return read(parsePhone(raw));
    case 'name':
      return read(readName(raw));
    case 'address':
      return read(parseAddress(raw));
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

/** The value a read-back's answer corrects the read value to, if it gives one. */
function correctedValue(field: Field, read: string, answer: string): string | undefined {
  if (field === 'address') {
    const patched = correctAddress(read, answer);
    if (patched && patched !== read) return patched;
  }
  const withoutNo = withoutLeadingNo(answer);
  const candidates =
    withoutNo === answer ? correctionCandidates(answer) : [withoutNo, ...correctionCandidates(withoutNo)];
  for (const candidate of candidates) {
    // The same value again ("Nein, der neue Name ist nur Anna Müller-Schmidt") is read back again too.
    if ('value' in checkValue(field, candidate)) return candidate;
  }
  return undefined;
}

interface Options {
  text?: string;
  field?: Field;
  /** What the customer wrote before a correction started the form again ("…, umzug ist am 15. März"). */
  earlier?: string;
}

/** Address, name, bank details, e-mail, phone: validated, read back masked, confirmed, stored with a DA- reference. */
/** What the waterfall keeps between its steps. */
interface DataValues {
  field?: Field;
  value?: string;
  initial?: string;
  /** The message the value was read from ("neue Adresse ab 1.5.: …" may carry the moving date). */
  given?: string;
  earlier?: string;
  reference?: string;
  /** The moving date already given (DD.MM.YYYY or "now"), so the last step does not ask or read it again. */
  moveDate?: string;
}

export class DataChangeDialog extends LotseDialog {
  static readonly ID = 'data_change';
  private static readonly FLOW = 'dataChange.flow';

  constructor(deps: DialogDeps) {
    super(DataChangeDialog.ID, deps);
    this.addDialog(
      new WaterfallDialog(DataChangeDialog.FLOW, [
        this.askField.bind(this),
        this.askValue.bind(this),
        this.confirm.bind(this),
        this.confirmed.bind(this),
        this.movingDate.bind(this),
      ]),
    );
    this.initialDialogId = DataChangeDialog.FLOW;
  }

  private async askField(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options as Options | undefined) ?? {};
    const known =
      options.field ?? (options.text ? (detectField(options.text) ?? changeByValue(options.text)) : undefined);
    (step.values as DataValues).initial = options.text;
    (step.values as DataValues).earlier = options.earlier;
    if (known) return step.next(known);
    const menu = await loadMenu(this.deps, DataChangeDialog.ID);
    if (!menu) return step.next('address');
    return this.ask(step, {
      kind: 'choice',
      matcher: 'field',
      subMenu: true,
      topic: 'data_change',
      lines: [{ key: 'conversation:dataChange.ask' }, menuLines(menu)],
      short: [{ key: 'conversation:dataChange.ask' }],
      choices: menuChoices(menu),
    });
  }

  private async askValue(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const field = (await this.field(String(step.result ?? ''))) ?? 'address';
    const values = step.values as DataValues;
    values.field = field;
    // "Bitte ändern Sie meine E-Mail-Adresse auf peter.meier@web.de": the value was given already.
    if (values.initial && 'value' in checkValue(field, values.initial)) return step.next(values.initial);
    // "Bahnhofstrasse 12, 8001 Zürich" as the answer to "Welche Angaben?": the field and its value at once.
    const given = String(step.result ?? '');
    if (given !== field && 'value' in checkValue(field, given)) return step.next(given);
    return this.ask(step, {
      kind: SLOT[field],
      topic: 'data_change',
      problem: `conversation:dataChange.problems.${PROBLEM[field]}`,
      lines: [{ key: `conversation:dataChange.askValue.${field}` }],
    });
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const field = (step.values as DataValues).field as Field;
    (step.values as DataValues).given = String(step.result ?? '');
    const checked = checkValue(field, String(step.result ?? ''));
    if (!('value' in checked)) return step.replaceDialog(DataChangeDialog.FLOW, { field } satisfies Options);
    (step.values as DataValues).value = checked.value;
    return this.askYesNo(
      step,
      [
        {
          key: 'conversation:dataChange.confirm',
          params: { value: readBack(field, checked.value) },
          paramKeys: { field: `conversation:dataChange.newField.${field}` },
        },
      ],
      { readBack: true, corrects: SLOT[field] },
    );
  }

  /**
   * The read-back answered: a no starts over (a corrected value read back at once); a yes records the
   * change at once, so nothing is lost if the customer leaves, and a new address then asks from when.
   */
  private async confirmed(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ctx = step.context;
    const t = await this.deps.sessions.t(ctx);
    const values = step.values as DataValues;
    const field = values.field as Field;
    const answer = String(step.result ?? '');
    if (yesNo(answer) !== 'yes') {
      // "Nein, der neue Name ist nur Anna Müller-Schmidt", "ach moment, ohne Bindestrich: Julia Schmidt
      // Özdemir", "nein, die Hausnummer ist 12b": the corrected value is read back at once.
      const corrected = correctedValue(field, values.value as string, answer);
      const earlier = [values.earlier, values.initial, values.given].filter(Boolean).join('\n');
      if (corrected)
        return step.replaceDialog(DataChangeDialog.FLOW, { field, text: corrected, earlier } satisfies Options);
      await ctx.sendActivity(t('conversation:dataChange.again'));
      return step.replaceDialog(DataChangeDialog.FLOW, { field, earlier } satisfies Options);
    }
    const value = values.value as string;
    const recorded = await this.deps.requests.create({
      type: 'data_change',
      channel: ctx.activity.channelId,
      conversationKey: `${ctx.activity.channelId}:${ctx.activity.conversation.id}`,
      language: await this.deps.sessions.lang(ctx),
      details: { field, value },
      summary: `Änderung ${this.deps.i18n.t('de')(`conversation:dataChange.fields.${field}`)}: ${readBack(field, value)}`,
    });
    values.reference = recorded.reference;
    await this.deps.sessions.addReference(ctx, recorded.reference);
    await this.deps.sessions.addFact(ctx, `Datenänderung ${field}: ${readBack(field, value)}`);
    await ctx.sendActivity(t('conversation:dataChange.stored', { reference: recorded.reference }));
    if (field === 'name') await ctx.sendActivity(t('conversation:dataChange.nameDocument'));
    else if (field !== 'address') await ctx.sendActivity(t(`conversation:dataChange.next.${field}`));
    if (field !== 'address') return step.endDialog({} satisfies RequestResult);
    // "neue Adresse ab 1.5.: …", "Ja, passt. Ich ziehe am 1. Februar um": a date given anywhere is not asked for.
    const now = this.deps.clock.now();
    const date = [answer, values.given, values.initial, values.earlier]
      .map((text) => (text ? parseMoveDate(text, now) : undefined))
      .find((d) => d !== undefined);
    if (date) {
      values.moveDate = date;
      return step.next();
    }
    // "Ja, passt. Tschüss": the customer is leaving; the date can follow another time.
    if (TurnInterpreter.leaving(ctx)) {
      await ctx.sendActivity(t('conversation:dataChange.moveDateLater'));
      return step.endDialog({} satisfies RequestResult);
    }
    return this.ask(step, {
      kind: 'moveDate',
      topic: 'data_change',
      problem: 'conversation:dataChange.problems.invalidMoveDate',
      lines: [{ key: 'conversation:dataChange.askMoveDate' }],
    });
  }

  /** The moving date added to the recorded address change, or the word that it can follow. */
  private async movingDate(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ctx = step.context;
    const t = await this.deps.sessions.t(ctx);
    const values = step.values as DataValues;
    const validFrom = values.moveDate ?? parseMoveDate(String(step.result ?? ''), this.deps.clock.now());
    if (!validFrom) {
      await ctx.sendActivity(t('conversation:dataChange.moveDateLater'));
      return step.endDialog({} satisfies RequestResult);
    }
    await this.deps.requests.addDetails(values.reference as string, { validFrom });
    await this.deps.sessions.addFact(ctx, `Umzugsdatum: ${validFrom === 'now' ? 'ab sofort' : validFrom}`);
    await ctx.sendActivity(
      validFrom === 'now'
        ? t('conversation:dataChange.validNow')
        : t('conversation:dataChange.validFrom', { date: validFrom }),
    );
    return step.endDialog({} satisfies RequestResult);
  }

  private async field(text: string): Promise<Field | undefined> {
    if ((FIELDS as readonly string[]).includes(text)) return text as Field;
    const menu = await loadMenu(this.deps, DataChangeDialog.ID);
    const option = menu ? pickOption(menu, text) : undefined;
    const path = option ? optionPath(option, DataChangeDialog.ID) : undefined;
    if (path && (FIELDS as readonly string[]).includes(path)) return path as Field;
    return detectField(text);
  }
}
