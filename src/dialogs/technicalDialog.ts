import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import {
  PROBLEMS,
  Problem,
  describesFault,
  detectProblem,
  reportsStepDone,
  triedEverything,
} from './interpreter/matchers';
import type { DialogDeps } from './dialogDeps';
import { handOff } from './escalation';
import { LotseDialog, RequestResult } from './lotseDialog';
import { yesNo } from './interpreter/yesNo';
import { foldedText } from './interpreter/cues';
import { TurnInterpreter } from './interpreter/turnInterpreter';
import { loadMenu, menuChoices, menuLines, optionPath, pickOption } from './subMenus';

export { PROBLEMS, detectProblem } from './interpreter/matchers';
export type { Problem } from './interpreter/matchers';
/** Steps per problem in locales: conversation:technical.steps.<problem>.<0..STEPS-1>. */
export const STEPS = 3;

/** A knowledge answer about the very fault described, tried before the general steps. */
export interface FaultAnswer {
  text: string;
  title: string;
}

interface StepState {
  problem: Problem;
  /** -1: the fault's own knowledge answer, then the general steps 1..STEPS-1; without it 0..STEPS-1. */
  index: number;
  tried: string[];
  answer?: FaultAnswer;
  /** The steps follow the fault's own answer: they are counted from 1 of STEPS - 1. */
  afterAnswer?: boolean;
  /** A bare "Ok" answered "Hat das geholfen?": asked once whether it works again. */
  confirming?: boolean;
}

/**
 * "Ok", "alles klar", "mach ich" after a step's instruction: an acknowledgement of the instruction,
 * not word that the problem is solved (folded like the message).
 */
const BARE_ACKNOWLEDGEMENT = new Set(
  [
    'ok',
    'okay',
    'oke',
    'okey',
    'ok ok',
    'alles klar',
    'verstanden',
    'in ordnung',
    'mach ich',
    'gut',
    'alright',
    'got it',
    'will do',
  ].map(foldedText),
);

/** Guided troubleshooting, one step at a time with "Hat das geholfen?"; unsolved goes to a person with what was tried. */
export class TechnicalDialog extends LotseDialog {
  static readonly ID = 'technical';
  private static readonly FLOW = 'technical.flow';
  private static readonly STEP_LOOP = 'technical.steps';

  constructor(deps: DialogDeps) {
    super(TechnicalDialog.ID, deps);
    this.addDialog(
      new WaterfallDialog(TechnicalDialog.FLOW, [
        this.askProblem.bind(this),
        this.startSteps.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(TechnicalDialog.STEP_LOOP, [this.showStep.bind(this), this.evaluate.bind(this)]),
    );
    this.initialDialogId = TechnicalDialog.FLOW;
  }

  private async askProblem(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = ((step.options as { text?: string } | undefined)?.text ?? '').trim();
    // "Mein WLAN geht nicht" names the problem; "Ich warte auf meinen Router" does not.
    const known = text && describesFault(text) ? detectProblem(text) : undefined;
    if (known) return step.next(known);
    const menu = await loadMenu(this.deps, TechnicalDialog.ID);
    if (!menu) return step.next('internet');
    return this.ask(step, {
      kind: 'choice',
      matcher: 'problem',
      subMenu: true,
      topic: 'technical',
      lines: [{ key: 'conversation:technical.ask' }, menuLines(menu)],
      short: [{ key: 'conversation:technical.ask' }],
      choices: menuChoices(menu),
    });
  }

  private async startSteps(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const problem = (await this.resolve(String(step.result ?? ''))) ?? 'internet';
    const answer = (step.options as { answer?: FaultAnswer } | undefined)?.answer;
    await this.deps.sessions.addFact(
      step.context,
      `Fehlerbild: ${this.deps.i18n.t('de')(`conversation:technical.problems.${problem}`)}`,
    );
    return step.beginDialog(TechnicalDialog.STEP_LOOP, {
      problem,
      index: answer ? -1 : 0,
      tried: [],
      ...(answer ? { answer } : {}),
    } satisfies StepState);
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result as RequestResult | undefined);
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as StepState;
    if (state.confirming)
      return this.askYesNo(step, [{ key: 'conversation:technical.worksNow' }], {
        helped: true,
        topic: 'technical',
        short: [{ key: 'conversation:technical.worksNow' }],
      });
    if (state.index < 0 && state.answer) {
      const text = state.answer.text;
      return this.askYesNo(step, [{ text: { de: text, en: text } }, { key: 'conversation:technical.helped' }], {
        helped: true,
        topic: 'technical',
        short: [{ key: 'conversation:technical.helped' }],
      });
    }
    // "Schritt 1 von 2" after the fault's own answer, never "Schritt 2 von 3" without a step 1 shown.
    const current = state.afterAnswer ? state.index : state.index + 1;
    const total = state.afterAnswer ? STEPS - 1 : STEPS;
    return this.askYesNo(
      step,
      [
        { key: 'conversation:technical.stepCounter', params: { current, total } },
        { key: `conversation:technical.steps.${state.problem}.${state.index}.text` },
        { key: 'conversation:technical.helped' },
      ],
      {
        helped: true,
        topic: 'technical',
        short: [{ key: 'conversation:technical.helpedStep', params: { current } }],
      },
    );
  }

  private async evaluate(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as StepState;
    const t = await this.deps.sessions.t(step.context);
    const acknowledged = BARE_ACKNOWLEDGEMENT.has(foldedText(step.context.activity.text ?? ''));
    if (yesNo(String(step.result ?? '')) === 'yes' && acknowledged && !state.confirming)
      return step.replaceDialog(TechnicalDialog.STEP_LOOP, { ...state, confirming: true } satisfies StepState);
    if (yesNo(String(step.result ?? '')) === 'yes') {
      await step.context.sendActivity(t('conversation:technical.solved'));
      return step.endDialog({} satisfies RequestResult);
    }
    const tried = [
      ...state.tried,
      state.index < 0 && state.answer
        ? `Hinweis „${state.answer.title}“`
        : this.deps.i18n.t('de')(`conversation:technical.steps.${state.problem}.${state.index}.name`),
    ];
    if (state.index < 0) await step.context.sendActivity(t('conversation:technical.stepByStep'));
    // The fault's own answer counts as the first of the three tries (it starts with the same restart).
    let next = state.index < 0 ? 1 : state.index + 1;
    // "Router neu gestartet, die Kabel sind alle richtig drin": a step the customer reports done is not shown.
    const said = TurnInterpreter.report(step.context) ?? step.context.activity.text ?? '';
    while (next < STEPS && reportsStepDone(state.problem, next, said)) {
      tried.push(this.deps.i18n.t('de')(`conversation:technical.steps.${state.problem}.${next}.name`));
      next++;
    }
    // "Hab ich alles schon gemacht": the remaining steps would repeat what the customer did; a person now.
    if (next < STEPS && !triedEverything(said)) {
      return step.replaceDialog(TechnicalDialog.STEP_LOOP, {
        problem: state.problem,
        index: next,
        tried,
        ...(state.index < 0 || state.afterAnswer ? { afterAnswer: true } : {}),
      } satisfies StepState);
    }
    await handOff(this.deps, step.context, {
      reason: 'unsolved',
      category: 'technical',
      facts: [`Schritte versucht: ${tried.join(', ')}`],
    });
    return step.endDialog({ handedOff: true } satisfies RequestResult);
  }

  private async resolve(text: string): Promise<Problem | undefined> {
    if ((PROBLEMS as readonly string[]).includes(text)) return text as Problem;
    const menu = await loadMenu(this.deps, TechnicalDialog.ID);
    const option = menu ? pickOption(menu, text) : undefined;
    const path = option ? optionPath(option, TechnicalDialog.ID) : undefined;
    if (path && (PROBLEMS as readonly string[]).includes(path)) return path as Problem;
    return detectProblem(text);
  }
}
