import { DialogTurnResult, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { normalizeText } from '../services/nlu/normalize';
import type { DialogDeps } from './dialogDeps';
import { handOff } from './escalation';
import { LotseDialog, RequestResult } from './lotseDialog';
import { Choice, parseYesNo, pickChoice, withChoices, numbered } from './replies';

export const PROBLEMS = ['internet', 'phone', 'device', 'app'] as const;
export type Problem = (typeof PROBLEMS)[number];
/** Steps per problem in locales: conversation:technical.steps.<problem>.<0..STEPS-1>. */
export const STEPS = 3;

const PROBLEM_WORDS: Record<Problem, RegExp> = {
  internet: /(internet|router|wlan|w lan|wifi|dsl|glasfaser|fritz|festnetz|broadband|langsam)/,
  phone: /(sim|netz|empfang|telefonieren|anrufe|handy|smartphone|mobile daten|signal|esim)/,
  device: /(kaputt|defekt|display|bildschirm|akku|laedt|ladt|geraet|gerat|broken|battery|screen)/,
  app: /(app|login|anmelden|einloggen|portal|absturz|stuerzt|sturzt|passwort|crash)/,
};

/** The problem a message describes, if it names one. App problems win ("die App stürzt auf dem Handy ab"). */
export function detectProblem(text: string): Problem | undefined {
  const normalized = normalizeText(text);
  for (const p of ['app', 'device', 'internet', 'phone'] as const) if (PROBLEM_WORDS[p].test(normalized)) return p;
  return undefined;
}

interface StepState {
  problem: Problem;
  index: number;
  tried: string[];
}

/** Guided troubleshooting, one step at a time with "Hat das geholfen?"; unsolved goes to a person with what was tried. */
export class TechnicalDialog extends LotseDialog {
  static readonly ID = 'technical';
  private static readonly FLOW = 'technical.flow';
  private static readonly STEP_LOOP = 'technical.steps';
  private static readonly PROBLEM_PROMPT = 'technical.problem';

  constructor(deps: DialogDeps) {
    super(TechnicalDialog.ID, deps);
    this.addDialog(new TextPrompt(TechnicalDialog.PROBLEM_PROMPT, async (pc) => this.resolve(pc.recognized.value) !== undefined));
    this.addDialog(new WaterfallDialog(TechnicalDialog.FLOW, [this.askProblem.bind(this), this.startSteps.bind(this), this.finish.bind(this)]));
    this.addDialog(new WaterfallDialog(TechnicalDialog.STEP_LOOP, [this.showStep.bind(this), this.evaluate.bind(this)]));
    this.initialDialogId = TechnicalDialog.FLOW;
  }

  private async askProblem(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = ((step.options as { text?: string } | undefined)?.text ?? '').trim();
    const known = text ? detectProblem(text) : undefined;
    if (known) return step.next(known);
    const t = await this.deps.sessions.t(step.context);
    const choices = this.choices(t);
    const prompt = withChoices(`${t('conversation:technical.ask')}\n\n${numbered(choices)}`, choices);
    return step.prompt(TechnicalDialog.PROBLEM_PROMPT, { prompt, retryPrompt: withChoices(t('conversation:technical.retry'), choices) });
  }

  private async startSteps(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const problem = this.resolve(String(step.result ?? '')) ?? 'internet';
    await this.deps.sessions.addFact(step.context, `Fehlerbild: ${this.deps.i18n.t('de')(`conversation:technical.problems.${problem}`)}`);
    return step.beginDialog(TechnicalDialog.STEP_LOOP, { problem, index: 0, tried: [] } satisfies StepState);
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result as RequestResult | undefined);
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as StepState;
    const t = await this.deps.sessions.t(step.context);
    const text = t(`conversation:technical.steps.${state.problem}.${state.index}.text`);
    const counter = t('conversation:technical.stepCounter', { current: state.index + 1, total: STEPS });
    return this.askYesNo(step, `${counter} ${text}\n\n${t('conversation:technical.helped')}`);
  }

  private async evaluate(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as StepState;
    const t = await this.deps.sessions.t(step.context);
    if (parseYesNo(String(step.result ?? ''))) {
      await step.context.sendActivity(t('conversation:technical.solved'));
      return step.endDialog({} satisfies RequestResult);
    }
    const tried = [...state.tried, this.deps.i18n.t('de')(`conversation:technical.steps.${state.problem}.${state.index}.name`)];
    if (state.index + 1 < STEPS) {
      return step.replaceDialog(TechnicalDialog.STEP_LOOP, { problem: state.problem, index: state.index + 1, tried } satisfies StepState);
    }
    await handOff(this.deps, step.context, { reason: 'unsolved', category: 'technical', facts: [`Schritte versucht: ${tried.join(', ')}`] });
    return step.endDialog({ handedOff: true } satisfies RequestResult);
  }

  private resolve(text: string | undefined): Problem | undefined {
    const picked = pickChoice(text, PROBLEMS.map((p, i) => ({ value: String(i + 1), title: p })));
    if (picked) return PROBLEMS[Number(picked.value) - 1];
    if (text && (PROBLEMS as readonly string[]).includes(text)) return text as Problem;
    return text ? detectProblem(text) : undefined;
  }

  private choices(t: (key: string) => string): Choice[] {
    return PROBLEMS.map((p, i) => ({ value: String(i + 1), title: t(`conversation:technical.problems.${p}`) }));
  }
}
