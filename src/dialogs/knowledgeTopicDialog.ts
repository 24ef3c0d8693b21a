import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { KnowledgeAnswer } from '../services/knowledge/knowledgeBase';
import type { DialogDeps } from './dialogDeps';
import { handOff } from './escalation';
import { searchQuestion } from './interpreter/questions';
import { yesNo } from './interpreter/yesNo';
import { LotseDialog, RequestResult } from './lotseDialog';
import { answerFor } from './regret';
import { loadMenu, menuChoices, menuLines, optionPath, pickOption } from './subMenus';

export interface KnowledgeTopicConfig {
  /** The dialog id, also the id of its sub-menu in the content. */
  id: string;
  category: 'billing' | 'general';
  /** conversation:... key of the question above the sub-menu. */
  askKey: string;
  /** A path of the dialog's own (billing: dispute a charge): sub-menu option "<id>-<path>" or a message it matches. */
  special?: { path: string; dialogId: string; matches(text: string): boolean };
}

interface Options {
  text?: string;
}

/** What the waterfall keeps between its steps. */
interface TopicValues {
  special?: boolean;
  unanswered?: boolean;
}

/**
 * Answers routine questions of one area from the knowledge base: a typed question directly, or an
 * option of the area's sub-menu (content); then "Hat Ihnen das geholfen?" and, if not, a person.
 */
export class KnowledgeTopicDialog extends LotseDialog {
  private readonly flow: string;

  constructor(
    deps: DialogDeps,
    private readonly config: KnowledgeTopicConfig,
  ) {
    super(config.id, deps);
    this.flow = `${config.id}.flow`;
    this.addDialog(
      new WaterfallDialog(this.flow, [
        this.askTopic.bind(this),
        this.answer.bind(this),
        this.helped.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.initialDialogId = this.flow;
  }

  private async askTopic(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = ((step.options as Options | undefined)?.text ?? '').trim();
    if (text) return step.next(text);
    const menu = await loadMenu(this.deps, this.config.id);
    if (!menu) return step.next('');
    return this.ask(step, {
      kind: 'open',
      subMenu: true,
      topic: this.config.category,
      lines: [{ key: this.config.askKey }, menuLines(menu)],
      choices: menuChoices(menu),
    });
  }

  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ctx = step.context;
    const text = String(step.result ?? '').trim();
    const t = await this.deps.sessions.t(ctx);
    const lang = await this.deps.sessions.lang(ctx);
    const menu = await loadMenu(this.deps, this.config.id);
    const option = menu ? pickOption(menu, text) : undefined;
    const special = this.config.special;
    const values = step.values as TopicValues;
    const answers: Array<{ text: string; fallbackLanguage?: boolean }> = [];
    if (option) {
      const target = option.target;
      await this.deps.sessions.addFact(ctx, `Thema: ${option.label.de}`);
      if (
        target.kind === 'dialog' &&
        target.dialog === this.config.category &&
        special &&
        optionPath(option, this.config.id) === special.path
      ) {
        values.special = true;
        return step.beginDialog(special.dialogId, { text: '' });
      }
      if (target.kind === 'dialog' && target.dialog !== this.config.category)
        return step.endDialog({ interrupted: 'switch', text: '', intent: target.dialog } satisfies RequestResult);
      if (target.kind === 'handoff') {
        await handOff(this.deps, ctx, {
          reason: target.priority === 'urgent' ? 'urgent' : 'explicit_request',
          category: target.category,
        });
        return step.endDialog({ handedOff: true } satisfies RequestResult);
      }
      if (target.kind === 'faq') {
        const entry = await this.deps.knowledge.entry(target.faqId, lang);
        if (entry) answers.push(entry);
      }
    } else if (special && text && special.matches(text)) {
      values.special = true;
      return step.beginDialog(special.dialogId, { text });
    } else if (text) {
      const found = await searchQuestion(this.deps, text, lang, (await this.deps.sessions.get(ctx)).lastQuestion);
      // Unsure: only an answer of this dialog's own area, never a guess from elsewhere.
      const fallback = found.confident
        ? undefined
        : await this.deps.knowledge.answer(text, lang, { preferCategory: this.config.category });
      const inArea = (a: KnowledgeAnswer | undefined) => (a?.category === this.config.category ? a : undefined);
      const best = found.confident ? found.best : (inArea(found.best) ?? inArea(fallback));
      if (best && best.category !== 'lost_or_stolen') {
        answers.push(best);
        (await this.deps.sessions.get(ctx)).lastQuestion = text.slice(0, 300);
      }
      await this.deps.sessions.addFact(ctx, `Frage: ${text.slice(0, 120)}`);
    }
    if (answers.length === 0) {
      await ctx.sendActivity(t('conversation:knowledge.noAnswer'));
      values.unanswered = true;
      return this.askYesNo(step, [{ key: 'conversation:knowledge.offerPerson' }]);
    }
    for (const [i, a] of answers.entries()) await ctx.sendActivity(i === 0 ? answerFor(ctx, t, a.text) : a.text);
    if (answers.some((a) => a.fallbackLanguage)) await ctx.sendActivity(t('conversation:knowledge.germanOnly'));
    return this.askYesNo(step, [{ key: 'conversation:knowledge.helped' }], {
      helped: true,
      topic: this.config.category,
    });
  }

  private async helped(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as TopicValues;
    if (values.special) return step.endDialog(step.result as RequestResult | undefined);
    const yes = yesNo(String(step.result ?? '')) === 'yes';
    const t = await this.deps.sessions.t(step.context);
    if (values.unanswered)
      return yes ? this.toPerson(step) : this.finishWith(step, t('conversation:knowledge.noPerson'));
    if (yes) return this.finishWith(step, t('conversation:knowledge.glad'));
    await this.deps.sessions.addFact(step.context, 'Antwort aus der Wissensdatenbank hat nicht geholfen');
    return this.askYesNo(step, [{ key: 'conversation:knowledge.offerPerson' }]);
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = await this.deps.sessions.t(step.context);
    return yesNo(String(step.result ?? '')) === 'yes'
      ? this.toPerson(step)
      : this.finishWith(step, t('conversation:knowledge.noPerson'));
  }

  private async toPerson(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await handOff(this.deps, step.context, {
      reason: 'unsolved',
      category: this.config.category,
      opener: 'matterNoted',
    });
    return step.endDialog({ handedOff: true } satisfies RequestResult);
  }

  private async finishWith(step: WaterfallStepContext, text: string): Promise<DialogTurnResult> {
    await step.context.sendActivity(text);
    return step.endDialog({} satisfies RequestResult);
  }
}
