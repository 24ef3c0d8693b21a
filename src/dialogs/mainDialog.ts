import { ComponentDialog, TextPrompt, WaterfallDialog, WaterfallStepContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { I18nService } from '../services/i18n/i18nService';

export const MAIN_DIALOG = 'mainDialog';
const MENU_PROMPT = 'mainDialog.menuPrompt';
const MAIN_WATERFALL = 'mainDialog.waterfall';

/** Greets and asks what the customer needs; replaced by the full triage dialog. */
export class MainDialog extends ComponentDialog {
  constructor(private readonly i18n: I18nService) {
    super(MAIN_DIALOG);
    this.addDialog(new TextPrompt(MENU_PROMPT));
    this.addDialog(new WaterfallDialog(MAIN_WATERFALL, [this.greet.bind(this), this.answer.bind(this)]));
    this.initialDialogId = MAIN_WATERFALL;
  }

  private async greet(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = this.i18n.t(step.context.activity.locale);
    return step.prompt(MENU_PROMPT, { prompt: t('common:placeholder.greeting') });
  }

  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = this.i18n.t(step.context.activity.locale);
    await step.context.sendActivity(t('common:placeholder.received', { text: String(step.result ?? '') }));
    return step.endDialog();
  }
}
