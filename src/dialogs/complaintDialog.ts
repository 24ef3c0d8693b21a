import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { maskSensitive } from '../services/privacy/masking';
import type { DialogDeps } from './dialogDeps';
import { foldedText } from './interpreter/cues';
import { LotseDialog, RequestResult } from './lotseDialog';
import { calendarDate } from './clock';

/** A first message this long already tells the story; shorter ones ("Ich will mich beschweren") do not. */
const DESCRIPTIVE_LENGTH = 40;
/** Words beyond the wish to complain that make a story (folded, see WISH_WORDS). */
const STORY_WORDS = 4;
/** The wish itself and its politeness (folded): "Ich möchte mich offiziell beschweren über …". */
const WISH_WORDS = new Set(
  'ich mochte moechte wil wurde wuerde mich gerne gern hiermit ofiziel beschweren beschwere beschwerde einreichen einlegen machen uber ueber hallo guten tag sehr geehrte damen und heren i want would like to complain complaint make a about hello'.split(
    ' ',
  ),
);

/** "Ich möchte mich beschweren über Ihren Techniker" names a subject; it tells nothing that happened. */
function tellsAStory(text: string): boolean {
  if (text.length < DESCRIPTIVE_LENGTH) return false;
  return (
    foldedText(text)
      .split(' ')
      .filter((w) => w !== '' && !WISH_WORDS.has(w)).length >= STORY_WORDS
  );
}

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
    if (tellsAStory(text)) return step.next(text);
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
    const date = calendarDate(recorded.responseDueAt ?? this.deps.clock.now(), lang, settings.timeZone);
    await ctx.sendActivity(t('conversation:complaint.recorded', { reference: recorded.reference, date }));
    // The supervisor is offered as a word to write, not as a yes/no question: after a recorded
    // complaint "ok" or "Ja, das war alles" is an acknowledgement, and must not queue anybody.
    await ctx.sendActivity(t('conversation:complaint.supervisorHint'));
    return step.endDialog({} satisfies RequestResult);
  }
}
