import { ComponentDialog, Dialog, DialogContext, DialogTurnResult, DialogTurnStatus, TextPrompt } from 'botbuilder-dialogs';
import type { DialogDeps } from './dialogDeps';
import { handOff } from './escalation';
import { parseYesNo, withChoices } from './replies';
import { TurnGuard, Verdict } from './turnGuard';

/** What a request dialog hands back to the menu. */
export interface RequestResult {
  handedOff?: boolean;
  /** The customer asked for the menu or cancelled inside the dialog. */
  interrupted?: 'menu' | 'cancel';
}

export const TEXT_PROMPT = 'text';
export const YES_NO_PROMPT = 'yesNo';

/**
 * Base of every dialog of the customer conversation. The outermost dialog of a turn runs the
 * TurnGuard (bad input, "Hilfe", "Menü", "abbrechen", "Mitarbeiter", frustration) before the
 * active step sees the message; nested dialogs then just carry on.
 */
export abstract class LotseDialog extends ComponentDialog {
  protected readonly guard: TurnGuard;

  constructor(
    id: string,
    protected readonly deps: DialogDeps,
  ) {
    super(id);
    this.guard = new TurnGuard(deps);
    this.addDialog(new TextPrompt(TEXT_PROMPT));
    this.addDialog(new TextPrompt(YES_NO_PROMPT, async (pc) => parseYesNo(pc.recognized.value) !== undefined));
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const verdict = await this.guard.check(innerDc.context);
    return this.onVerdict(innerDc, verdict);
  }

  protected async onVerdict(innerDc: DialogContext, verdict: Verdict): Promise<DialogTurnResult> {
    switch (verdict.kind) {
      case 'ignore':
        return Dialog.EndOfTurn;
      case 'answered':
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      case 'menu':
      case 'cancel':
        await innerDc.cancelAllDialogs();
        return { status: DialogTurnStatus.complete, result: { interrupted: verdict.kind } satisfies RequestResult };
      case 'handoff':
        await innerDc.cancelAllDialogs();
        await handOff(this.deps, innerDc.context, { reason: verdict.reason, needsSupervisor: verdict.needsSupervisor });
        return { status: DialogTurnStatus.complete, result: { handedOff: true } satisfies RequestResult };
      default:
        return super.onContinueDialog(innerDc);
    }
  }

  /** A yes/no question with buttons; the answer arrives as step.result (string). */
  protected async askYesNo(dc: DialogContext, question: string): Promise<DialogTurnResult> {
    const t = await this.deps.sessions.t(dc.context);
    const choices = [
      { value: t('conversation:yesNo.yes'), title: t('conversation:yesNo.yes') },
      { value: t('conversation:yesNo.no'), title: t('conversation:yesNo.no') },
    ];
    return dc.prompt(YES_NO_PROMPT, { prompt: withChoices(question, choices), retryPrompt: withChoices(t('conversation:yesNo.retry'), choices) });
  }
}
