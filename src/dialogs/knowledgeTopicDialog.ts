import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogDeps } from './dialogDeps';
import { handOff } from './escalation';
import { LotseDialog, RequestResult, TEXT_PROMPT } from './lotseDialog';
import { Choice, parseYesNo, pickChoice, withChoices, numbered } from './replies';

export interface KnowledgeTopic {
  /** conversation:... key of the button title. */
  labelKey: string;
  /** Knowledge-base entries (shipped keys) answered for this topic, in order. */
  entryKeys: string[];
}

export interface KnowledgeTopicConfig {
  id: string;
  category: 'billing' | 'general';
  /** conversation:... key of the question that lists the topics. */
  askKey: string;
  topics: KnowledgeTopic[];
  /** A topic that starts another dialog instead of answering (billing: dispute a charge). */
  special?: { labelKey: string; dialogId: string; matches(text: string): boolean };
}

interface Options {
  text?: string;
}

/**
 * Answers routine questions of one area from the knowledge base: a typed question directly, or a
 * topic from a short list; then "Hat Ihnen das geholfen?" and, if not, a person.
 */
/** What the waterfall keeps between its steps. */
interface TopicValues { special?: boolean; unanswered?: boolean }

export class KnowledgeTopicDialog extends LotseDialog {
  private readonly flow: string;

  constructor(
    deps: DialogDeps,
    private readonly config: KnowledgeTopicConfig,
  ) {
    super(config.id, deps);
    this.flow = `${config.id}.flow`;
    this.addDialog(new WaterfallDialog(this.flow, [this.ask.bind(this), this.answer.bind(this), this.helped.bind(this), this.finish.bind(this)]));
    this.initialDialogId = this.flow;
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = ((step.options as Options | undefined)?.text ?? '').trim();
    if (text) return step.next(text);
    const t = await this.deps.sessions.t(step.context);
    const choices = this.choices(t);
    return step.prompt(TEXT_PROMPT, { prompt: withChoices(`${t(this.config.askKey)}\n\n${numbered(choices)}`, choices) });
  }

  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ctx = step.context;
    const text = String(step.result ?? '').trim();
    const t = await this.deps.sessions.t(ctx);
    const lang = await this.deps.sessions.lang(ctx);
    const choices = this.choices(t);
    const picked = pickChoice(text, choices);
    const special = this.config.special;
    if (special && (picked?.value === String(this.config.topics.length + 1) || (!picked && special.matches(text)))) {
      (step.values as TopicValues).special = true;
      return step.beginDialog(special.dialogId, { text });
    }
    const answers: string[] = [];
    if (picked) {
      const topic = this.config.topics[Number(picked.value) - 1];
      await this.deps.sessions.addFact(ctx, `Thema: ${this.deps.i18n.t('de')(topic.labelKey)}`);
      for (const key of topic.entryKeys) {
        const entry = await this.deps.knowledge.entry(key, lang);
        if (entry) answers.push(entry.text);
      }
    } else {
      const found = await this.deps.knowledge.answer(text, lang, { preferCategory: this.config.category });
      if (found) answers.push(found.text);
      await this.deps.sessions.addFact(ctx, `Frage: ${text.slice(0, 120)}`);
    }
    if (answers.length === 0) {
      await ctx.sendActivity(t('conversation:knowledge.noAnswer'));
      (step.values as TopicValues).unanswered = true;
      return this.askYesNo(step, t('conversation:knowledge.offerPerson'));
    }
    for (const a of answers) await ctx.sendActivity(a);
    return this.askYesNo(step, t('conversation:knowledge.helped'));
  }

  private async helped(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.values as TopicValues).special) return step.endDialog(step.result as RequestResult | undefined);
    const yes = parseYesNo(String(step.result ?? ''));
    const t = await this.deps.sessions.t(step.context);
    if ((step.values as TopicValues).unanswered) return yes ? this.toPerson(step) : this.done(step, t('conversation:knowledge.noPerson'));
    if (yes) return this.done(step, t('conversation:knowledge.glad'));
    await this.deps.sessions.addFact(step.context, 'Antwort aus der Wissensdatenbank hat nicht geholfen');
    return this.askYesNo(step, t('conversation:knowledge.offerPerson'));
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = await this.deps.sessions.t(step.context);
    return parseYesNo(String(step.result ?? '')) ? this.toPerson(step) : this.done(step, t('conversation:knowledge.noPerson'));
  }

  private async toPerson(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await handOff(this.deps, step.context, { reason: 'unsolved', category: this.config.category });
    return step.endDialog({ handedOff: true } satisfies RequestResult);
  }

  private async done(step: WaterfallStepContext, text: string): Promise<DialogTurnResult> {
    await step.context.sendActivity(text);
    return step.endDialog({} satisfies RequestResult);
  }

  private choices(t: (key: string) => string): Choice[] {
    const out = this.config.topics.map((topic, i) => ({ value: String(i + 1), title: t(topic.labelKey) }));
    if (this.config.special) out.push({ value: String(out.length + 1), title: t(this.config.special.labelKey) });
    return out;
  }
}
