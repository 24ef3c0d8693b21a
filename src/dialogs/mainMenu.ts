import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Menu, MenuOption } from '../services/content/types';
import type { Lang } from '../services/i18n/i18nService';
import { normalizeText } from '../services/nlu/normalize';
import type { Intent } from '../services/nlu/types';
import type { DialogDeps } from './dialogDeps';
import type { Phrase, PhraseChoice } from './interpreter/expectation';
import type { Question } from './lotseDialog';
import { LINE_BREAK } from './replies';
import { isLabelOf, loadMenu, menuChoices, optionLabel, namesOption, pickOption } from './subMenus';

export type Mode =
  | 'start'
  | 'menu'
  | 'again'
  | 'clarify'
  | 'offerPerson'
  | 'urgent'
  | 'route'
  | 'helped'
  | 'didYouMean'
  | 'anythingElse'
  | 'notHelped'
  | 'soothed';

export interface Alternative {
  id: string;
  title: string;
}

export interface MenuOptions {
  mode: Mode;
  /** menu: conversation:... key of the line above the options. */
  intro?: string;
  /** conversation:... key of a line sent before the question ("Gern geschehen!"). */
  lead?: string;
  /** route/urgent: the message to act on; route may name the dialog. */
  text?: string;
  intent?: Intent;
  /** clarify: the digits of the two likeliest options. */
  candidates?: string[];
  /** didYouMean: the knowledge entries offered. */
  alternatives?: Alternative[];
  /** menu: the options as buttons only, without the numbered list (it is still on screen). */
  compact?: boolean;
  /** helped/notHelped/soothed: the area of the answer, for the lane or the person offered after it. */
  category?: Intent;
  /** soothed: the person offered after the answer is a supervisor (the customer was irate). */
  supervisor?: boolean;
}

type Ask = (dc: DialogContext, question: Question, lead?: string[]) => Promise<DialogTurnResult>;

/** Modes whose buttons are the main menu's: only there do digits mean main-menu options. */
const MAIN_DIGIT_MODES = new Set<Mode>(['start', 'menu', 'again', 'clarify', 'route']);

/**
 * The questions of the main dialog's menu loop: the phone menu, the clarifying question, "Meinten
 * Sie …", "Hat Ihnen das geholfen?", the lane or a person when it did not, and "Kann ich sonst noch
 * etwas für Sie tun?". Every question records what counts as its answer (see LotseDialog.ask).
 */
export class MainMenu {
  constructor(
    private readonly deps: DialogDeps,
    private readonly askQuestion: Ask,
  ) {}

  async main(): Promise<Menu> {
    return (await loadMenu(this.deps, 'main')) as Menu;
  }

  async ask(step: WaterfallStepContext, options: MenuOptions): Promise<DialogTurnResult> {
    const t = await this.deps.sessions.t(step.context);
    const lead = options.lead ? [t(options.lead)] : [];
    const main = await this.main();
    switch (options.mode) {
      case 'clarify': {
        const found = (options.candidates ?? [])
          .map((d) => main.options.find((o) => o.digit === d))
          .filter((o): o is MenuOption => o !== undefined);
        if (found.length < 2) return this.askMenu(step, main, 'conversation:menu.notUnderstood', lead);
        const [a, b] = found;
        const line = this.both((lang) =>
          this.deps.i18n.t(lang)('conversation:menu.clarify', {
            first: optionLabel(a, lang),
            second: optionLabel(b, lang),
            firstDigit: a.digit,
            secondDigit: b.digit,
          }),
        );
        return this.askQuestion(
          step,
          { kind: 'open', lines: [line], choices: menuChoices({ id: 'clarify', options: found }) },
          lead,
        );
      }
      case 'offerPerson':
        return this.askQuestion(
          step,
          {
            kind: 'open',
            acceptsYesNo: true,
            lines: [{ key: 'conversation:menu.offerPerson' }],
            choices: [
              { value: '', title: { key: 'conversation:menu.offerPersonYes' } },
              { value: '', title: { key: 'conversation:menu.offerPersonMenu' } },
            ],
          },
          lead,
        );
      case 'soothed':
        return this.askQuestion(
          step,
          {
            kind: 'open',
            acceptsYesNo: true,
            lines: [
              { key: `conversation:knowledge.${options.supervisor ? 'offerSupervisorAfter' : 'offerPersonAfter'}` },
            ],
            choices: [
              { value: '', title: { key: 'conversation:knowledge.yesPlease' } },
              { value: '', title: { key: 'conversation:knowledge.noThanks' } },
            ],
          },
          lead,
        );
      case 'helped':
        return this.askQuestion(
          step,
          {
            kind: 'open',
            helped: true,
            acceptsYesNo: true,
            lines: [{ key: 'conversation:knowledge.helped' }],
            choices: YES_NO,
          },
          lead,
        );
      case 'didYouMean': {
        const alternatives = options.alternatives ?? [];
        const choices: PhraseChoice[] = alternatives.map((a, i) => ({
          value: String(i + 1),
          title: { text: { de: a.title, en: a.title } },
        }));
        choices.push({ value: String(alternatives.length + 1), title: { key: 'conversation:menu.somethingElse' } });
        return this.askQuestion(
          step,
          // "Ja" to "Meinten Sie …" means the first (likeliest) entry; "Nein" means none of them.
          {
            kind: 'open',
            acceptsYesNo: true,
            offersEntries: true,
            lines: [{ key: 'conversation:menu.didYouMean' }],
            choices,
          },
          lead,
        );
      }
      case 'anythingElse':
        return this.askQuestion(
          step,
          {
            kind: 'open',
            offersEnd: true,
            acceptsYesNo: true,
            lines: [{ key: options.intro ?? 'conversation:closing.anythingElse' }],
            choices: [
              { value: '', title: { key: 'conversation:closing.noThanks' } },
              { value: '', title: { key: 'conversation:closing.yesPlease' } },
            ],
          },
          lead,
        );
      case 'notHelped': {
        const lane = main.options.find(
          (o) => o.target.kind === 'dialog' && o.target.dialog === options.category && o.digit !== '0',
        );
        const choices: PhraseChoice[] = [{ value: '', title: { key: 'conversation:interpreter.personButton' } }];
        if (lane)
          choices.push({
            value: lane.digit,
            title: { text: { de: lane.label.de, en: lane.label.en || lane.label.de } },
          });
        choices.push({ value: '', title: { key: 'conversation:menu.menuWord' } });
        const line = lane
          ? this.both((lang) =>
              this.deps.i18n.t(lang)('conversation:knowledge.notHelpedLane', { lane: optionLabel(lane, lang) }),
            )
          : { key: 'conversation:knowledge.notHelped' };
        return this.askQuestion(step, { kind: 'open', acceptsYesNo: true, lines: [line], choices }, lead);
      }
      default:
        return this.askMenu(
          step,
          main,
          options.intro ?? (options.mode === 'again' ? 'conversation:menu.anythingElse' : 'conversation:menu.choose'),
          lead,
          options.mode === 'again',
          options.compact,
        );
    }
  }

  /** The main-menu option a message picks; digits count only where the main menu is the question. */
  pickMain(main: Menu, text: string, options: MenuOptions): MenuOption | undefined {
    if (MAIN_DIGIT_MODES.has(options.mode)) return pickOption(main, text);
    if (options.mode === 'notHelped') {
      const lane = main.options.find((o) => o.target.kind === 'dialog' && o.target.dialog === options.category);
      if (lane && text.trim() === lane.digit) return lane;
    }
    return /^\d/.test(text.trim()) ? undefined : pickOption(main, text);
  }

  /** True when the message only names the option (digit, id or label), so it carries no request of its own. */
  isOptionName(option: MenuOption, text: string): boolean {
    return (
      text.trim() === option.digit ||
      text.trim() === option.id ||
      isLabelOf(option, normalizeText(text)) ||
      namesOption(option, text)
    );
  }

  /** The "Meinten Sie …" choice a message picks: an entry, "Etwas anderes", or nothing. */
  pickAlternative(text: string, alternatives: Alternative[]): Alternative | 'other' | undefined {
    const raw = text.trim();
    const digit = /^(\d)[.)]?$/.exec(raw)?.[1];
    if (digit !== undefined) {
      const index = Number(digit) - 1;
      if (index === alternatives.length) return 'other';
      return alternatives[index];
    }
    const normalized = normalizeText(raw);
    const other = (['de', 'en'] as const).some(
      (lang) => normalizeText(this.deps.i18n.t(lang)('conversation:menu.somethingElse')) === normalized,
    );
    if (other) return 'other';
    const ordinal = ORDINALS.findIndex((pattern) => pattern.test(normalized));
    if (ordinal >= 0 && ordinal < alternatives.length) return alternatives[ordinal];
    return alternatives.find((a) => normalizeText(a.title) === normalized);
  }

  private async askMenu(
    step: WaterfallStepContext,
    main: Menu,
    intro: string,
    lead: string[],
    offersEnd = false,
    compact = false,
  ): Promise<DialogTurnResult> {
    const lines = this.both((lang) => {
      const t = this.deps.i18n.t(lang);
      const marker = (o: MenuOption) =>
        o.target.kind === 'dialog' && o.target.dialog === 'lost_or_stolen'
          ? ` ${t('conversation:menu.aroundTheClock')}`
          : '';
      return main.options.map((o) => `${o.digit} – ${optionLabel(o, lang)}${marker(o)}`).join(LINE_BREAK);
    });
    return this.askQuestion(
      step,
      {
        kind: 'open',
        offersEnd: offersEnd || intro === 'conversation:menu.instead',
        acceptsYesNo: offersEnd || intro === 'conversation:menu.instead',
        lines: compact ? [{ key: intro }] : [{ key: intro }, lines, { key: 'conversation:menu.freeText' }],
        short: compact ? [{ key: intro }] : [{ key: intro }, lines],
        choices: menuChoices(main),
      },
      lead,
    );
  }

  private both(render: (lang: Lang) => string): Phrase {
    return { text: { de: render('de'), en: render('en') } };
  }
}

/** "das zweite", "the third one": an entry of "Meinten Sie …" by its place. */
const ORDINALS = [
  /(?:^| )(?:erste|ersten|erstes|first)(?= |$)/,
  /(?:^| )(?:zweite|zweiten|zweites|second)(?= |$)/,
  /(?:^| )(?:dritte|dritten|drittes|third)(?= |$)/,
];

const YES_NO: PhraseChoice[] = [
  { value: '', title: { key: 'conversation:yesNo.yes' } },
  { value: '', title: { key: 'conversation:yesNo.no' } },
];
