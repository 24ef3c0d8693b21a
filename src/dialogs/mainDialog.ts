import { Activity, ActivityTypes } from 'botbuilder';
import { DialogContext, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { TFunction } from 'i18next';
import type { Menu, MenuOption } from '../services/content/types';
import type { Lang } from '../services/i18n/i18nService';
import { normalizeText } from '../services/nlu/normalize';
import type { Intent } from '../services/nlu/types';
import { BillingDialog } from './billingDialog';
import { dayPart } from './clock';
import { ComplaintDialog } from './complaintDialog';
import { DataChangeDialog } from './dataChangeDialog';
import type { DialogDeps } from './dialogDeps';
import { handOff } from './escalation';
import { GeneralDialog } from './generalDialog';
import { LostOrStolenDialog } from './lostOrStolenDialog';
import { LotseDialog, RequestResult, TEXT_PROMPT } from './lotseDialog';
import { parseYesNo, withChoices, LINE_BREAK } from './replies';
import { TechnicalDialog } from './technicalDialog';
import { TurnGuard, Verdict } from './turnGuard';

export const MAIN_DIALOG = 'mainDialog';
const MENU_LOOP = 'mainDialog.menu';

/** Below this confidence free text gets a clarifying question instead of a guess. */
export const CLARIFY_BELOW = 0.5;

type Mode = 'start' | 'menu' | 'again' | 'clarify' | 'offerPerson' | 'urgent';

interface MenuOptions {
  mode: Mode;
  /** clarify: the digits of the two likeliest options. */
  candidates?: string[];
  /** urgent: the message that mentioned a lost card or phone. */
  urgentText?: string;
}

/** Handed from the first step to the second when a lost card or phone comes first. */
interface UrgentStart {
  urgent: string;
}

/** What the waterfall keeps between its steps. */
interface MenuValues { mode?: Mode; candidates?: string[] }

const REQUEST_DIALOGS: Partial<Record<Intent, string>> = {
  billing: BillingDialog.ID,
  technical: TechnicalDialog.ID,
  general: GeneralDialog.ID,
  lost_or_stolen: LostOrStolenDialog.ID,
  data_change: DataChangeDialog.ID,
  complaint: ComplaintDialog.ID,
};

/**
 * The root of the customer conversation: greeting, the phone menu (digits, buttons or free text),
 * one clarifying question when unsure, and the request dialogs. Comes back to the menu after each
 * request; ends after a handoff, when the conversation belongs to the queue.
 */
export class MainDialog extends LotseDialog {
  constructor(deps: DialogDeps) {
    super(MAIN_DIALOG, deps);
    this.addDialog(new BillingDialog(deps));
    this.addDialog(new TechnicalDialog(deps));
    this.addDialog(new GeneralDialog(deps));
    this.addDialog(new LostOrStolenDialog(deps));
    this.addDialog(new DataChangeDialog(deps));
    this.addDialog(new ComplaintDialog(deps));
    this.addDialog(new WaterfallDialog(MENU_LOOP, [this.ask.bind(this), this.route.bind(this), this.afterRequest.bind(this)]));
    this.initialDialogId = MENU_LOOP;
  }

  // Steps

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const given = step.options as Partial<MenuOptions> | undefined;
    const options: MenuOptions = { ...given, mode: given?.mode ?? 'start' };
    (step.values as MenuValues).mode = options.mode;
    (step.values as MenuValues).candidates = options.candidates;
    const t = await this.deps.sessions.t(step.context);
    if (options.mode === 'start') return this.start(step, t);
    if (options.mode === 'urgent') return step.next({ urgent: options.urgentText ?? '' } satisfies UrgentStart);
    if (options.mode === 'clarify') return this.askClarification(step, t, options.candidates ?? []);
    if (options.mode === 'offerPerson') {
      const choices = [
        { value: t('conversation:yesNo.yes'), title: t('conversation:menu.offerPersonYes') },
        { value: t('conversation:menu.menuWord'), title: t('conversation:menu.offerPersonMenu') },
      ];
      return step.prompt(TEXT_PROMPT, { prompt: withChoices(t('conversation:menu.offerPerson'), choices) });
    }
    return this.promptMenu(step, t(options.mode === 'again' ? 'conversation:menu.anythingElse' : 'conversation:menu.choose'));
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const urgent = (step.result as UrgentStart | undefined)?.urgent;
    if (typeof urgent === 'string') return this.beginLostOrStolenStep(step, urgent);
    const text = String(step.result ?? '').trim();
    const mode = (step.values as MenuValues).mode as Mode;
    const ctx = step.context;
    const menu = await this.mainMenu();
    const option = this.pickOption(menu, text);
    if (option) return this.begin(step, option, text === option.digit || text === option.id ? '' : text);

    if (mode === 'offerPerson' && parseYesNo(text) === true) {
      await handOff(this.deps, ctx, { reason: 'repeated_failure', category: 'other' });
      return step.endDialog({ handedOff: true } satisfies RequestResult);
    }
    const assessment = TurnGuard.assessment(ctx) ?? this.deps.triage.assess(text);
    const { intent, confidence, ranking } = assessment.intent;
    const byIntent = (i: Intent) => menu.options.find((o) => o.target.kind === 'dialog' && o.target.dialog === i);
    if (intent === 'greeting' && mode !== 'clarify') {
      await this.deps.sessions.succeeded(ctx);
      return step.replaceDialog(MENU_LOOP, { mode: 'menu' } satisfies MenuOptions);
    }
    const chosen = intent !== 'other' ? byIntent(intent) : undefined;
    if (chosen && confidence >= CLARIFY_BELOW) return this.begin(step, chosen, text);

    const failures = await this.deps.sessions.failed(ctx);
    if (failures >= 3 || (failures >= 2 && mode === 'offerPerson')) {
      await handOff(this.deps, ctx, { reason: 'repeated_failure', category: 'other' });
      return step.endDialog({ handedOff: true } satisfies RequestResult);
    }
    if (failures >= 2) return step.replaceDialog(MENU_LOOP, { mode: 'offerPerson' } satisfies MenuOptions);
    const candidates = ranking
      .map((r) => byIntent(r.intent))
      .filter((o): o is MenuOption => o !== undefined && o.digit !== '0')
      .filter((o, i, all) => all.indexOf(o) === i)
      .slice(0, 2)
      .map((o) => o.digit);
    return step.replaceDialog(MENU_LOOP, { mode: 'clarify', candidates } satisfies MenuOptions);
  }

  private async afterRequest(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as RequestResult | undefined;
    if (result?.handedOff) return step.endDialog(result);
    const session = await this.deps.sessions.get(step.context);
    session.category = undefined;
    if (result?.interrupted === 'cancel') {
      const t = await this.deps.sessions.t(step.context);
      await step.context.sendActivity(t('conversation:menu.cancelled'));
    }
    return step.replaceDialog(MENU_LOOP, { mode: result?.interrupted ? 'menu' : 'again' } satisfies MenuOptions);
  }

  // The global commands at the root: back to the menu instead of ending the conversation.

  protected override async onVerdict(innerDc: DialogContext, verdict: Verdict): Promise<DialogTurnResult> {
    if (verdict.kind === 'menu' || verdict.kind === 'cancel') {
      await innerDc.cancelAllDialogs();
      const session = await this.deps.sessions.get(innerDc.context);
      session.category = undefined;
      if (verdict.kind === 'cancel') {
        const t = await this.deps.sessions.t(innerDc.context);
        await innerDc.context.sendActivity(t('conversation:menu.cancelled'));
      }
      return innerDc.beginDialog(MENU_LOOP, { mode: 'menu' } satisfies MenuOptions);
    }
    if (verdict.kind === 'urgent') {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(MENU_LOOP, { mode: 'urgent', urgentText: verdict.text } satisfies MenuOptions);
    }
    return super.onVerdict(innerDc, verdict);
  }

  // Helpers

  /** The first turn: greet, and go straight to work when the first message already says what is wanted. */
  private async start(step: WaterfallStepContext, t: TFunction): Promise<DialogTurnResult> {
    const ctx = step.context;
    const verdict = await this.guard.check(ctx);
    const text = ctx.activity.type === ActivityTypes.Message ? String(ctx.activity.text ?? '').trim() : '';
    if (verdict.kind === 'handoff') {
      await handOff(this.deps, ctx, { reason: verdict.reason, needsSupervisor: verdict.needsSupervisor });
      return step.endDialog({ handedOff: true } satisfies RequestResult);
    }
    if (verdict.kind === 'urgent') return step.next({ urgent: verdict.text } satisfies UrgentStart);
    const t2 = verdict.kind === 'answered' && verdict.why === 'language' ? await this.deps.sessions.t(ctx) : t;
    const menu = await this.mainMenu();
    const meaningful = verdict.kind === 'pass' && text !== '' && (this.pickOption(menu, text) !== undefined || verdict.assessment?.intent.intent !== 'greeting');
    if (meaningful) {
      await this.introduce(ctx, t2, true);
      return step.next(text);
    }
    await this.introduce(ctx, t2, false);
    return this.promptMenu(step, t2('conversation:menu.choose'));
  }

  private async introduce(ctx: WaterfallStepContext['context'], t: TFunction, short: boolean): Promise<void> {
    const session = await this.deps.sessions.get(ctx);
    const profile = await this.deps.sessions.getProfile(ctx);
    const settings = await this.deps.content.settings();
    const conversationId = ctx.activity.conversation?.id;
    const returning = profile.conversations > 0 && profile.lastConversationId !== conversationId;
    if (profile.lastConversationId !== conversationId) {
      profile.conversations += 1;
      profile.lastConversationId = conversationId;
      profile.firstSeenAt ??= this.deps.clock.now().toISOString();
    }
    session.greeted = true;
    const vars = {
      salutation: t(`conversation:greeting.${dayPart(this.deps.clock.now(), settings.timeZone)}`),
      company: settings.companyName,
      bot: settings.botName,
    };
    const key = short ? 'conversation:greeting.short' : returning ? 'conversation:greeting.returning' : 'conversation:greeting.welcome';
    await ctx.sendActivity(t(key, vars));
  }

  private async promptMenu(step: WaterfallStepContext, intro: string): Promise<DialogTurnResult> {
    return step.prompt(TEXT_PROMPT, { prompt: await this.menuActivity(step.context, intro) });
  }

  private async menuActivity(ctx: WaterfallStepContext['context'], intro: string): Promise<Partial<Activity>> {
    const t = await this.deps.sessions.t(ctx);
    const lang = await this.deps.sessions.lang(ctx);
    const menu = await this.mainMenu();
    const lines = menu.options.map((o) => `${o.digit} – ${this.label(o, lang)}${o.target.kind === 'dialog' && o.target.dialog === 'lost_or_stolen' ? ` ${t('conversation:menu.aroundTheClock')}` : ''}`);
    return withChoices(`${intro}\n\n${lines.join(LINE_BREAK)}\n\n${t('conversation:menu.freeText')}`, menu.options.map((o) => ({ value: o.digit, title: this.label(o, lang) })));
  }

  private async askClarification(step: WaterfallStepContext, t: TFunction, digits: string[]): Promise<DialogTurnResult> {
    const lang = await this.deps.sessions.lang(step.context);
    const menu = await this.mainMenu();
    const options = digits.map((d) => menu.options.find((o) => o.digit === d)).filter((o): o is MenuOption => o !== undefined);
    if (options.length < 2) return this.promptMenu(step, t('conversation:menu.notUnderstood'));
    const [a, b] = options;
    const text = t('conversation:menu.clarify', { first: this.label(a, lang), second: this.label(b, lang), firstDigit: a.digit, secondDigit: b.digit });
    return step.prompt(TEXT_PROMPT, { prompt: withChoices(text, options.map((o) => ({ value: o.digit, title: this.label(o, lang) }))) });
  }

  private async begin(step: WaterfallStepContext, option: MenuOption, text: string): Promise<DialogTurnResult> {
    await this.deps.sessions.succeeded(step.context);
    const lang = await this.deps.sessions.lang(step.context);
    const target = option.target;
    if (target.kind === 'handoff' || (target.kind === 'dialog' && target.dialog === 'human')) {
      const session = await this.deps.sessions.get(step.context);
      session.menuPath = [...session.menuPath, this.label(option, lang)];
      const category = target.kind === 'handoff' ? target.category : 'human';
      await handOff(this.deps, step.context, { reason: target.kind === 'handoff' && target.priority === 'urgent' ? 'urgent' : 'explicit_request', category });
      return step.endDialog({ handedOff: true } satisfies RequestResult);
    }
    if (target.kind === 'faq') {
      const t = await this.deps.sessions.t(step.context);
      const answer = await this.deps.knowledge.entry(target.faqId, lang);
      await step.context.sendActivity(answer?.text ?? t('conversation:knowledge.noAnswer'));
      return step.replaceDialog(MENU_LOOP, { mode: 'again' } satisfies MenuOptions);
    }
    if (target.kind === 'submenu') return step.replaceDialog(MENU_LOOP, { mode: 'menu' } satisfies MenuOptions);
    const dialogId = REQUEST_DIALOGS[target.dialog];
    if (!dialogId) return step.replaceDialog(MENU_LOOP, { mode: 'menu' } satisfies MenuOptions);
    await this.deps.sessions.enter(step.context, target.dialog, this.label(option, 'de'));
    return step.beginDialog(dialogId, { text });
  }

  private async beginLostOrStolenStep(step: WaterfallStepContext, text: string): Promise<DialogTurnResult> {
    const menu = await this.mainMenu();
    const option = menu.options.find((o) => o.target.kind === 'dialog' && o.target.dialog === 'lost_or_stolen');
    await this.deps.sessions.enter(step.context, 'lost_or_stolen', option ? this.label(option, 'de') : 'Sperren');
    return step.beginDialog(LostOrStolenDialog.ID, { text });
  }

  private pickOption(menu: Menu, text: string): MenuOption | undefined {
    const raw = text.trim();
    const digit = /^(\d)[.)]?$/.exec(raw)?.[1];
    const normalized = normalizeText(raw);
    if (!normalized && !digit) return undefined;
    return menu.options.find(
      (o) => o.digit === digit || o.id === raw || normalizeText(o.label.de) === normalized || normalizeText(o.label.en) === normalized,
    );
  }

  private label(option: MenuOption, lang: Lang): string {
    return option.label[lang] || option.label.de;
  }

  private async mainMenu(): Promise<Menu> {
    const menus = await this.deps.content.menus();
    return menus.main;
  }
}
