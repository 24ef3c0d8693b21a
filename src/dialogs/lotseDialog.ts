import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  DialogContext,
  DialogTurnResult,
  DialogTurnStatus,
  TextPrompt,
} from 'botbuilder-dialogs';
import type { Intent } from '../services/nlu/types';
import type { DialogDeps } from './dialogDeps';
import { goodbyeKey } from './clock';
import { handOff } from './escalation';
import { Expectation, Phrase, PhraseChoice, renderQuestion } from './interpreter/expectation';
import { detectLostItem } from './interpreter/matchers';
import { Decision, QUESTION_UNKNOWN, TurnInterpreter } from './interpreter/turnInterpreter';

/** What a request dialog hands back to the menu. */
export interface RequestResult {
  handedOff?: boolean;
  /** The conversation ended politely. */
  closed?: boolean;
  /**
   * The customer left the dialog: for the menu, cancelled, thanked, said "Nein, keine …", named another
   * topic, or the interpreter settled the matter (a block called off).
   */
  interrupted?: 'menu' | 'cancel' | 'thanks' | 'negation' | 'switch' | 'urgent' | 'settled';
  /** switch and urgent: the message that named the new topic. */
  text?: string;
  /** switch: where to (a sub-menu option may point at another dialog). */
  intent?: Intent;
}

export const TEXT_PROMPT = 'text';

/** A question as a step asks it; the turn interpreter reads it to tell answers from everything else. */
export type Question = Omit<Expectation, 'misses'>;

/** The button that asks for a person; it sends the word the interpreter knows. */

const PERSON_CHOICE: PhraseChoice = { value: '', title: { key: 'conversation:interpreter.personButton' } };
const YES_NO: PhraseChoice[] = [
  { value: '', title: { key: 'conversation:yesNo.yes' } },
  { value: '', title: { key: 'conversation:yesNo.no' } },
];

/**
 * Base of every dialog of the customer conversation. The outermost dialog of a turn asks the
 * TurnInterpreter what the message is; only answers reach the waiting step. Steps ask through
 * ask()/askYesNo(), which record what they expect; a step asks again at most once, then rephrases
 * with its choices and a person, and the third miss brings a person.
 */
export abstract class LotseDialog extends ComponentDialog {
  protected readonly interpreter: TurnInterpreter;

  constructor(
    id: string,
    protected readonly deps: DialogDeps,
  ) {
    super(id);
    this.interpreter = new TurnInterpreter(deps);
    this.addDialog(new TextPrompt(TEXT_PROMPT));
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const decision = await this.interpreter.interpret(innerDc.context);
    return this.onDecision(innerDc, decision);
  }

  /** What a request dialog does with a decision when it is the outermost dialog (MainDialog does more). */
  protected async onDecision(innerDc: DialogContext, decision: Decision): Promise<DialogTurnResult> {
    const ctx = innerDc.context;
    switch (decision.kind) {
      case 'ignore':
        return Dialog.EndOfTurn;
      case 'answer':
        return super.onContinueDialog(innerDc);
      case 'reask':
        await this.askAgain(ctx, 'brief');
        return Dialog.EndOfTurn;
      case 'soothe':
        // Only the main dialog offers a person after the answer; a request dialog on its own goes on.
        await ctx.sendActivity(decision.answer.text);
        await this.askAgain(ctx, 'brief');
        return Dialog.EndOfTurn;
      case 'language':
        await this.askAgain(ctx, 'full');
        return Dialog.EndOfTurn;
      case 'miss':
        return this.missed(innerDc, decision.problemKey);
      case 'protest':
        return this.protested(innerDc);
      case 'handoff':
        await innerDc.cancelAllDialogs();
        await this.handOffNow(ctx, decision);
        return this.done({ handedOff: true });
      case 'close':
        await innerDc.cancelAllDialogs();
        await this.sayGoodbye(ctx);
        return this.done({ closed: true });
      case 'back':
        await innerDc.cancelAllDialogs();
        return this.done({ interrupted: 'menu' });
      case 'switch':
      case 'urgent':
        await innerDc.cancelAllDialogs();
        return this.done({
          interrupted: decision.kind,
          text: decision.text,
          ...(decision.kind === 'switch' && decision.intent ? { intent: decision.intent } : {}),
        });
      default:
        await innerDc.cancelAllDialogs();
        return this.done({ interrupted: decision.kind });
    }
  }

  /** Asks a question and records what counts as its answer; the answer arrives as step.result (string). */
  protected async ask(dc: DialogContext, question: Question, lead: string[] = []): Promise<DialogTurnResult> {
    const session = await this.deps.sessions.get(dc.context);
    session.expect = { ...question, misses: 0 };
    const t = await this.deps.sessions.t(dc.context);
    const lang = await this.deps.sessions.lang(dc.context);
    return dc.prompt(TEXT_PROMPT, { prompt: renderQuestion(question.lines, question.choices, t, lang, lead) });
  }

  /** A yes/no question with buttons. */
  protected async askYesNo(
    dc: DialogContext,
    lines: Phrase[],
    options: Partial<Question> = {},
  ): Promise<DialogTurnResult> {
    return this.ask(dc, { kind: 'yesNo', lines, choices: YES_NO, ...options });
  }

  /** The current question again: 'brief' after an interruption, 'full' in a new language. */
  protected async askAgain(
    ctx: TurnContext,
    form: 'brief' | 'full',
    lead: string[] = [],
    withPerson = false,
  ): Promise<void> {
    const session = await this.deps.sessions.get(ctx);
    const expect = session.expect;
    if (!expect) return;
    const t = await this.deps.sessions.t(ctx);
    const lang = await this.deps.sessions.lang(ctx);
    const lines = form === 'brief' ? (expect.short ?? expect.lines) : expect.lines;
    const extra = withPerson ? [PERSON_CHOICE] : [];
    await ctx.sendActivity(renderQuestion(lines, [...(expect.choices ?? []), ...extra], t, lang, lead));
  }

  private async missed(innerDc: DialogContext, problemKey?: string): Promise<DialogTurnResult> {
    const ctx = innerDc.context;
    const session = await this.deps.sessions.get(ctx);
    const expect = session.expect;
    if (!expect) return super.onContinueDialog(innerDc);
    expect.misses += 1;
    const t = await this.deps.sessions.t(ctx);
    if (expect.misses >= 4) {
      await innerDc.cancelAllDialogs();
      await handOff(this.deps, ctx, { reason: 'repeated_failure' });
      return this.done({ handedOff: true });
    }
    if (expect.misses === 1 && problemKey && problemKey !== QUESTION_UNKNOWN) {
      // What is wrong with the value, then the question once more (briefly).
      await this.askAgain(ctx, 'brief', [t(problemKey)]);
    } else if (expect.misses === 1) {
      const lead = problemKey ?? 'conversation:interpreter.retry';
      await this.askAgain(ctx, 'brief', [t(lead)]);
    } else if (expect.misses === 3) {
      await this.askAgain(ctx, 'brief', [t('conversation:interpreter.stillNot')], true);
    } else {
      const hint = t(`conversation:interpreter.examples.${expect.kind}`, { defaultValue: '' });
      const rephrase = expect.choices?.length
        ? 'conversation:interpreter.rephrase'
        : 'conversation:interpreter.rephraseValue';
      await this.askAgain(ctx, 'full', [t(rephrase), ...(hint ? [hint] : [])], true);
    }
    return Dialog.EndOfTurn;
  }

  private async protested(innerDc: DialogContext): Promise<DialogTurnResult> {
    const ctx = innerDc.context;
    const session = await this.deps.sessions.get(ctx);
    session.protests = (session.protests ?? 0) + 1;
    if (session.protests >= 2) {
      await innerDc.cancelAllDialogs();
      await handOff(this.deps, ctx, { reason: 'frustration' });
      return this.done({ handedOff: true });
    }
    if (session.expect) session.expect.misses += 1;
    const t = await this.deps.sessions.t(ctx);
    await this.askAgain(ctx, 'brief', [t('conversation:interpreter.protest')], true);
    return Dialog.EndOfTurn;
  }

  /** A person now; inside the urgent lane the blocking advice comes first. */
  protected async handOffNow(ctx: TurnContext, decision: Extract<Decision, { kind: 'handoff' }>): Promise<void> {
    const session = await this.deps.sessions.get(ctx);
    // A person asked for at a troubleshooting step is about that request.
    const topic = session.expect?.topic;
    session.expect = undefined;
    if (decision.answer) {
      await this.deps.sessions.addFact(ctx, `Frage: ${String(ctx.activity.text ?? '').slice(0, 120)}`);
      await ctx.sendActivity(decision.answer.text);
    }
    if (decision.urgent) {
      const t = await this.deps.sessions.t(ctx);
      const item = detectLostItem(ctx.activity.text ?? '');
      if (session.category !== 'lost_or_stolen')
        await ctx.sendActivity(t(`conversation:lost.help.${item ?? 'unknown'}`));
      session.category = 'lost_or_stolen';
      await this.deps.sessions.addFact(
        ctx,
        item === 'card'
          ? 'Verloren/gestohlen: Karte'
          : item === 'phone'
            ? 'Verloren/gestohlen: Handy/SIM'
            : 'Verloren/gestohlen',
      );
    }
    await handOff(this.deps, ctx, {
      reason: decision.urgent ? 'urgent' : decision.reason,
      ...(decision.urgent ? { category: 'lost_or_stolen' as const } : topic ? { category: topic } : {}),
      needsSupervisor: decision.needsSupervisor,
      ...(decision.callback ? { callback: true } : {}),
    });
  }

  protected async sayGoodbye(ctx: TurnContext): Promise<void> {
    const session = await this.deps.sessions.get(ctx);
    // Leaving the blocking lane before a block request is recorded: the customer must know nothing is blocked.
    const blockPending = session.category === 'lost_or_stolen' && !session.references.some((r) => r.startsWith('BS-'));
    session.expect = undefined;
    session.category = undefined;
    const t = await this.deps.sessions.t(ctx);
    if (blockPending) await ctx.sendActivity(t('conversation:lost.notBlockedYet'));
    const settings = await this.deps.content.settings();
    const key = goodbyeKey(this.deps.clock.now(), settings.timeZone);
    await ctx.sendActivity(t(key));
  }

  protected done(result: RequestResult): DialogTurnResult {
    return { status: DialogTurnStatus.complete, result };
  }
}
