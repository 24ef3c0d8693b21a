import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { maskSensitive } from '../services/privacy/masking';
import type { DialogDeps } from './dialogDeps';
import { LotseDialog, RequestResult } from './lotseDialog';

/** A first message this long already tells the story; shorter ones ("Ich will mich beschweren") do not. */
const DESCRIPTIVE_LENGTH = 40;

/** Complaints: empathy, never an argument, recorded with a BE- reference and a response date, a supervisor offered on request. */
export class ComplaintDialog extends LotseDialog {
  static readonly ID = 'complaint';
  private static readonly FLOW = 'complaint.flow';

  constructor(deps: DialogDeps) {
    super(ComplaintDialog.ID, deps);
    this.addDialog(new WaterfallDialog(ComplaintDialog.FLOW, [this.acknowledge.bind(this), this.record.bind(this)]));
    this.initialDialogId = ComplaintDialog.FLOW;
  }

  private async acknowledge(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = await this.deps.sessions.t(step.context);
    const text = ((step.options as { text?: string } | undefined)?.text ?? '').trim();
    await step.context.sendActivity(t('conversation:complaint.empathy'));
    if (text.length >= DESCRIPTIVE_LENGTH) return step.next(text);
    return this.ask(step, {
      kind: 'text',
      topic: 'complaint',
      lines: [{ key: 'conversation:complaint.ask' }],
      short: [{ key: 'conversation:complaint.retry' }],
    });
  }

  private async record(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ctx = step.context;
    const t = await this.deps.sessions.t(ctx);
    const lang = await this.deps.sessions.lang(ctx);
    const description = maskSensitive(String(step.result).trim()).slice(0, 1000);
    const recorded = await this.deps.requests.create({
      type: 'complaint',
      channel: ctx.activity.channelId,
      conversationKey: `${ctx.activity.channelId}:${ctx.activity.conversation.id}`,
      language: lang,
      details: { description },
      summary: `Beschwerde: ${description.slice(0, 120)}`,
    });
    await this.deps.sessions.addReference(ctx, recorded.reference);
    await this.deps.sessions.addFact(ctx, `Beschwerde: ${description.slice(0, 120)}`);
    const settings = await this.deps.content.settings();
    const date = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', {
      timeZone: settings.timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(recorded.responseDueAt ?? this.deps.clock.now());
    await ctx.sendActivity(t('conversation:complaint.recorded', { reference: recorded.reference, date }));
    // The supervisor is offered as a word to write, not as a yes/no question: after a recorded
    // complaint "ok" or "Ja, das war alles" is an acknowledgement, and must not queue anybody.
    await ctx.sendActivity(t('conversation:complaint.supervisorHint'));
    return step.endDialog({} satisfies RequestResult);
  }
}
