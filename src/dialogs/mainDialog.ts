import { ActivityTypes, TurnContext } from 'botbuilder';
import { DialogContext, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { MenuOption } from '../services/content/types';
import type { KnowledgeAnswer } from '../services/knowledge/knowledgeBase';
import type { Intent } from '../services/nlu/types';
import { BillingDialog } from './billingDialog';
import { ComplaintDialog } from './complaintDialog';
import { DataChangeDialog } from './dataChangeDialog';
import { afterDetails, asksToForward, remarkAfterNo } from './detailsGiven';
import type { DialogDeps } from './dialogDeps';
import { handOff } from './escalation';
import { decideFreeText, REQUEST_DIALOGS } from './freeTextRoute';
import { GeneralDialog } from './generalDialog';
import { introduce } from './greeting';
import { describesFault, detectField, type Field } from './interpreter/matchers';
import { isQuestion } from './interpreter/questions';
import { noteSecondRequest, takePendingRequest } from './interpreter/secondRequest';
import { Decision, TurnInterpreter } from './interpreter/turnInterpreter';
import { insistsOnHelp, saysItHelped, startsWithYes, yesNo } from './interpreter/yesNo';
import { LostOrStolenDialog } from './lostOrStolenDialog';
import { LotseDialog, RequestResult } from './lotseDialog';
import { MainMenu, MenuOptions, Mode } from './mainMenu';
import { sendAnswer, soothe } from './knowledgeReplies';
import { TechnicalDialog } from './technicalDialog';

export const MAIN_DIALOG = 'mainDialog';
const MENU_LOOP = 'mainDialog.menu';

/** Handed from the first step to the second when a lost card or phone comes first. */
interface UrgentStart {
  urgent: string;
}

/** What the waterfall keeps between its steps. */
interface MenuValues {
  options?: MenuOptions;
}

/** A question about what was offered is short ("Und was kostet das?"); a longer one asks something of its own. */
const ABOUT_OFFERED_MAX_WORDS = 8;

/**
 * The root of the customer conversation: greeting, the phone menu (digits, buttons or free text),
 * retrieval from the knowledge base at every free-text turn ("Meinten Sie …" when unsure), one
 * clarifying question when neither knowledge nor intent is sure, and the request dialogs. Comes back
 * to "Kann ich sonst noch etwas für Sie tun?" after each request; ends after a handoff or a goodbye.
 */
export class MainDialog extends LotseDialog {
  private readonly menu: MainMenu;

  constructor(deps: DialogDeps) {
    super(MAIN_DIALOG, deps);
    this.menu = new MainMenu(deps, (dc, question, lead) => this.ask(dc, question, lead));
    this.addDialog(new BillingDialog(deps));
    this.addDialog(new TechnicalDialog(deps));
    this.addDialog(new GeneralDialog(deps));
    this.addDialog(new LostOrStolenDialog(deps));
    this.addDialog(new DataChangeDialog(deps));
    this.addDialog(new ComplaintDialog(deps));
    this.addDialog(
      new WaterfallDialog(MENU_LOOP, [this.askStep.bind(this), this.route.bind(this), this.afterRequest.bind(this)]),
    );
    this.initialDialogId = MENU_LOOP;
  }

  // Steps

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const given = step.options as Partial<MenuOptions> | undefined;
    const options: MenuOptions = { ...given, mode: given?.mode ?? 'start' };
    (step.values as MenuValues).options = options;
    if (options.mode === 'start') return this.start(step);
    if (options.mode === 'urgent') return step.next({ urgent: options.text ?? '' } satisfies UrgentStart);
    if (options.mode === 'route') return step.next(options.text ?? '');
    return this.menu.ask(step, options);
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const urgent = (step.result as UrgentStart | undefined)?.urgent;
    if (typeof urgent === 'string') return this.beginRequest(step, 'lost_or_stolen', urgent);
    const text = String(step.result ?? '').trim();
    const options = (step.values as MenuValues).options ?? { mode: 'menu' };
    const ctx = step.context;
    if (options.mode === 'route' && options.intent) return this.beginRequest(step, options.intent, text);

    const answer = yesNo(text);
    // "NEIN, natürlich nicht, sonst würde ich ja nicht schreiben" to "Was kann ich für Sie tun?" is no goodbye.
    const declines = answer === 'no' && !insistsOnHelp(text);
    // "Ja" to a menu that asks for an area ("Worum geht es? Bitte wählen Sie einen Bereich"): no area in it;
    // asked once more in other words, then a person offered, never read as a topic ("Beschwerde (6) oder
    // Allgemeine Anfragen (3)?").
    if ((options.mode === 'menu' || options.mode === 'start') && answer === 'yes' && text.split(/\s+/).length <= 2)
      return options.intro === 'conversation:menu.chooseOrDescribe'
        ? this.again(step, 'offerPerson')
        : this.again(step, 'menu', { intro: 'conversation:menu.chooseOrDescribe', compact: true });
    switch (options.mode) {
      case 'offerPerson':
        if (answer === 'yes') return this.toPerson(step, 'repeated_failure');
        break;
      case 'notHelped':
        // "Super, hat geholfen": the answer served after all; nobody is needed.
        if (saysItHelped(text)) return this.again(step, 'anythingElse');
        // "Ja" takes the person offered; "Nein, geht immer noch nicht": still broken, so a person too.
        if (answer === 'yes') return this.toPerson(step, 'explicit_request', options.category);
        if (describesFault(text)) return this.toPerson(step, 'unsolved', options.category);
        if (answer === 'no') return this.again(step, 'anythingElse');
        break;
      case 'soothed':
        if (saysItHelped(text)) return this.again(step, 'anythingElse');
        if (answer === 'yes') {
          await handOff(this.deps, ctx, {
            reason: 'frustration',
            needsSupervisor: options.supervisor === true,
            ...(options.category ? { category: options.category } : {}),
          });
          return step.endDialog({ handedOff: true } satisfies RequestResult);
        }
        if (answer === 'no') return this.again(step, 'anythingElse');
        break;
      case 'helped':
        if (answer === 'yes') {
          const t = await this.deps.sessions.t(ctx);
          await ctx.sendActivity(t('conversation:knowledge.glad'));
          return this.again(step, 'anythingElse');
        }
        if (answer === 'no') {
          await this.deps.sessions.addFact(ctx, 'Antwort aus der Wissensdatenbank hat nicht geholfen');
          return this.again(step, 'notHelped', { category: options.category });
        }
        break;
      case 'menu':
        if (declines && options.intro === 'conversation:menu.instead') {
          await this.sayGoodbye(ctx);
          return step.endDialog({ closed: true } satisfies RequestResult);
        }
        break;
      case 'again':
      case 'anythingElse':
        if (declines) {
          const remark = await remarkAfterNo(this.deps, ctx, text, options);
          if (remark?.kind === 'again') return this.again(step, remark.mode, remark.more);
          await this.sayGoodbye(ctx);
          return step.endDialog({ closed: true } satisfies RequestResult);
        }
        // "Ja, bitte nehmen Sie das so auf." is a yes with a wish, not a detail to add.
        if (answer === 'yes' || startsWithYes(text)) {
          const forwarded = await asksToForward(this.deps, ctx, text, options);
          if (forwarded?.kind === 'again') return this.again(step, forwarded.mode, forwarded.more);
        }
        if (answer === 'yes' && options.mode === 'anythingElse') return this.again(step, 'menu');
        // "Ja" to "Kann ich sonst noch etwas für Sie tun? Bitte wählen Sie: …": yes, something else.
        if (answer === 'yes' && options.mode === 'again')
          return this.again(step, 'menu', { intro: 'conversation:menu.whatAbout', compact: true });
        break;
      case 'didYouMean': {
        const alternatives = options.alternatives ?? [];
        const picked = this.menu.pickAlternative(text, alternatives);
        if (picked === 'other' || (!picked && answer === 'no'))
          return this.again(step, 'menu', { intro: 'conversation:menu.whatAbout' });
        // A plain yes to the list: the entry the search ranked first.
        if (picked || answer === 'yes') {
          const chosen = picked ?? alternatives[0];
          if (!chosen) break;
          const entry = await this.deps.knowledge.entry(chosen.id, await this.deps.sessions.lang(ctx));
          if (entry && TurnInterpreter.leaving(ctx)) {
            await sendAnswer(this.deps, ctx, entry);
            await this.sayGoodbye(ctx);
            return step.endDialog({ closed: true } satisfies RequestResult);
          }
          if (entry) return this.answerWith(step, entry);
        }
        const about = await this.aboutOffered(ctx, text, alternatives);
        if (about) return this.answerWith(step, about);
        break;
      }
      default:
        break;
    }
    const details = answer === undefined ? await afterDetails(this.deps, ctx, text, options) : undefined;
    if (details?.kind === 'dispute') return this.beginRequest(step, 'billing', details.text);
    if (details?.kind === 'dataChange')
      return this.beginRequest(step, 'data_change', details.text, undefined, undefined, details.field);
    if (details) return this.again(step, details.mode, details.more);
    const main = await this.menu.main();
    const option = this.menu.pickMain(main, text, options);
    if (option) return this.begin(step, option, this.menu.isOptionName(option, text) ? '' : text);
    return this.routeFreeText(step, text, options.mode, options.category);
  }

  private async afterRequest(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as RequestResult | undefined;
    if (result?.handedOff || result?.closed) return step.endDialog(result);
    // The request is recorded and the customer has already said goodbye: no "anything else?".
    if (!result?.interrupted && TurnInterpreter.leaving(step.context)) {
      await this.sayGoodbye(step.context);
      return step.endDialog({ closed: true } satisfies RequestResult);
    }
    const session = await this.deps.sessions.get(step.context);
    // After the blocking lane a person asked for is still urgent; after a finished request (a dispute,
    // a complaint) a person asked for next is about that request, until another one begins.
    if (session.category !== 'lost_or_stolen' && result?.interrupted) session.category = undefined;
    const t = await this.deps.sessions.t(step.context);
    switch (result?.interrupted) {
      case 'switch':
        return this.again(step, 'route', {
          text: result.text ?? '',
          ...(result.intent ? { intent: result.intent } : {}),
        });
      case 'urgent':
        return this.again(step, 'urgent', { text: result.text ?? '' });
      case 'cancel':
        await step.context.sendActivity(t('conversation:menu.cancelled'));
        return this.again(step, 'menu');
      case 'negation':
        await step.context.sendActivity(t('conversation:interpreter.negation'));
        return this.again(step, 'menu', { intro: 'conversation:menu.instead' });
      case 'thanks':
        return this.again(step, 'anythingElse', { lead: 'conversation:closing.youAreWelcome' });
      case 'settled':
        return this.again(step, 'anythingElse');
      case 'menu':
        return this.again(step, 'menu');
      default:
        return this.again(step, 'again');
    }
  }

  // What the interpreter decided, at the root: back to the menu instead of ending the conversation.

  protected override async onDecision(innerDc: DialogContext, decision: Decision): Promise<DialogTurnResult> {
    const ctx = innerDc.context;
    const session = await this.deps.sessions.get(ctx);
    const t = await this.deps.sessions.t(ctx);
    const restart = async (options: MenuOptions) => {
      await innerDc.cancelAllDialogs();
      session.category = undefined;
      return innerDc.beginDialog(MENU_LOOP, options);
    };
    switch (decision.kind) {
      case 'back':
        // Back inside a request: its first question again (the sub-menu); at the top: the menu.
        if (
          session.category &&
          session.category !== 'lost_or_stolen' &&
          REQUEST_DIALOGS[session.category] &&
          !session.expect?.subMenu
        ) {
          const intent = session.category;
          return restart({ mode: 'route', text: '', intent });
        }
        return restart({ mode: 'menu' });
      case 'menu':
        return restart({ mode: 'menu' });
      case 'cancel':
        // "… vergiss es" to "Hat Ihnen das geholfen?" after an answer drops the question, not a request:
        // nothing was under way to cancel, and the whole menu again would answer what was not asked.
        if (session.expect?.helped && session.expect.topic !== 'technical') {
          await ctx.sendActivity(t('conversation:menu.droppedQuestion'));
          return restart({ mode: 'anythingElse' });
        }
        await ctx.sendActivity(t('conversation:menu.cancelled'));
        return restart({ mode: 'menu' });
      case 'negation':
        await ctx.sendActivity(
          t(decision.later ? 'conversation:interpreter.later' : 'conversation:interpreter.negation'),
        );
        // "Nein, keine Adressänderung. Ich wollte wissen, wann …": what follows the no is the request.
        if (decision.text) return restart({ mode: 'route', text: decision.text });
        return restart({ mode: 'menu', intro: 'conversation:menu.instead' });
      case 'switch':
        return restart({ mode: 'route', text: decision.text, ...(decision.intent ? { intent: decision.intent } : {}) });
      case 'urgent':
        return restart({ mode: 'urgent', text: decision.text });
      case 'soothe':
        return restart(await soothe(this.deps, ctx, decision));
      case 'close':
        // "Servus" under the welcome, before the customer wrote anything: hello, not goodbye.
        if ((session.messages ?? 0) <= 1)
          return restart({ mode: 'menu', intro: 'conversation:menu.greetedBack', compact: true });
        return super.onDecision(innerDc, decision);
      case 'thanks':
        if (session.expect?.offersEnd) return super.onDecision(innerDc, { kind: 'close' });
        return restart({ mode: 'anythingElse', lead: 'conversation:closing.youAreWelcome' });
      case 'settled':
        return restart({ mode: 'anythingElse' });
      case 'language':
        if (session.expect?.kind === 'open' && !session.expect.helped) return restart({ mode: 'menu' });
        return super.onDecision(innerDc, decision);
      default:
        return super.onDecision(innerDc, decision);
    }
  }

  // Helpers

  /** The first turn: greet once, and go straight to work when the first message already says what is wanted. */
  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ctx = step.context;
    const session = await this.deps.sessions.get(ctx);
    const wasGreeted = session.greeted;
    session.expect = undefined;
    const decision = await this.interpreter.interpret(ctx);
    const t = await this.deps.sessions.t(ctx);
    const text = ctx.activity.type === ActivityTypes.Message ? String(ctx.activity.text ?? '').trim() : '';
    switch (decision.kind) {
      case 'handoff':
        // Greeted briefly (the blocking advice comes first in the urgent lane), and only once.
        if (decision.urgent) session.greeted = true;
        else await introduce(this.deps, ctx, t, true);
        await this.handOffNow(ctx, decision);
        return step.endDialog({ handedOff: true } satisfies RequestResult);
      case 'soothe': {
        await introduce(this.deps, ctx, t, true);
        const options = await soothe(this.deps, ctx, decision);
        (step.values as MenuValues).options = options;
        return this.menu.ask(step, options);
      }
      case 'urgent':
        // The blocking advice is the very first reply.
        session.greeted = true;
        return step.next({ urgent: decision.text } satisfies UrgentStart);
      case 'close':
      case 'thanks':
        // "Servus" first is hello; after a goodbye, or with more ("Akku leer, tschüss"), it is goodbye.
        if (wasGreeted || (decision.kind === 'close' && text.split(/\s+/).length > 3)) {
          await introduce(this.deps, ctx, t, true);
          await this.sayGoodbye(ctx);
          return step.endDialog({ closed: true } satisfies RequestResult);
        }
        break;
      case 'answer': {
        const main = await this.menu.main();
        const assessment = TurnInterpreter.assessment(ctx);
        const meaningful =
          text !== '' &&
          (this.menu.pickMain(main, text, { mode: 'menu' }) !== undefined || assessment?.intent.intent !== 'greeting');
        if (meaningful) {
          await introduce(this.deps, ctx, t, true);
          return step.next(text);
        }
        break;
      }
      default:
        break;
    }
    await introduce(this.deps, ctx, t, false);
    const intro =
      wasGreeted && !TurnInterpreter.welcomedBack(ctx) ? 'conversation:menu.howCanIHelp' : 'conversation:menu.choose';
    return this.menu.ask(step, { mode: 'menu', intro });
  }

  /** Free text at the menu: carries out what decideFreeText chose. */
  private async routeFreeText(
    step: WaterfallStepContext,
    text: string,
    mode: Mode,
    category?: Intent,
  ): Promise<DialogTurnResult> {
    const next = await decideFreeText(this.deps, this.menu, step.context, text, mode);
    // "Die Plastikkarte wo die SIM drin war hab ich leider schon weggeworfen …" to "Hat Ihnen das geholfen?":
    // why the answer did not help (no question mark; "wo" is a relative here), not a new matter to sort
    // into an area. A person, or the answer's lane, is offered.
    if (next.kind === 'again' && next.mode === 'clarify' && mode === 'helped' && !text.includes('?')) {
      await this.deps.sessions.addFact(step.context, 'Antwort aus der Wissensdatenbank hat nicht geholfen');
      return this.again(step, 'notHelped', { category });
    }
    if (next.kind === 'request' || (next.kind === 'answer' && !next.also))
      await noteSecondRequest(
        this.deps,
        step.context,
        text,
        next.kind === 'request' ? next.intent : (next.answer.category as Intent),
      );
    switch (next.kind) {
      case 'request': {
        // "Können Sie das gleich für mich ändern?" after the answer on changing bank details: those.
        const answered = (await this.deps.sessions.get(step.context)).answeredField;
        const field = next.intent === 'data_change' && !detectField(text) ? answered : undefined;
        return this.beginRequest(step, next.intent, next.announced ? '' : text, undefined, next.answer, field);
      }
      case 'answer':
        return this.answerWith(step, next.answer, next.also);
      case 'person':
        return this.toPerson(step, 'repeated_failure');
      default:
        return this.again(step, next.mode, next.more);
    }
  }

  /**
   * "How long does it usually take?" to "Meinten Sie: Wie bringe ich meine Nummer mit?": a short question
   * about what was offered, not about anything of its own, is answered with the offered entry it fits
   * when read together with the first one offered.
   */
  private async aboutOffered(
    ctx: TurnContext,
    text: string,
    alternatives: readonly { id: string; title: string }[],
  ): Promise<KnowledgeAnswer | undefined> {
    const first = alternatives[0];
    if (!first || !isQuestion(text) || text.trim().split(/\s+/).length > ABOUT_OFFERED_MAX_WORDS) return undefined;
    const lang = await this.deps.sessions.lang(ctx);
    const alone = await this.deps.knowledge.search(text, lang);
    if (alone.confident || alone.offTopic) return undefined;
    const together = await this.deps.knowledge.search(`${text} ${first.title}`, lang);
    const best = together.confident ? together.best : undefined;
    if (!best || !alternatives.some((a) => a.id === best.id)) return undefined;
    return (await this.deps.knowledge.entry(best.id, lang)) ?? undefined;
  }

  /** A knowledge answer (and a second question's answer), then "Hat Ihnen das geholfen?". */
  private async answerWith(
    step: WaterfallStepContext,
    answer: KnowledgeAnswer,
    also?: KnowledgeAnswer,
  ): Promise<DialogTurnResult> {
    const category = await sendAnswer(this.deps, step.context, answer, also);
    return this.again(step, 'helped', { category });
  }

  private async begin(step: WaterfallStepContext, option: MenuOption, text: string): Promise<DialogTurnResult> {
    await this.deps.sessions.succeeded(step.context);
    const lang = await this.deps.sessions.lang(step.context);
    const target = option.target;
    if (target.kind === 'handoff' || (target.kind === 'dialog' && target.dialog === 'human')) {
      const session = await this.deps.sessions.get(step.context);
      session.menuPath = [...session.menuPath, option.label.de];
      const category = target.kind === 'handoff' ? target.category : 'human';
      await handOff(this.deps, step.context, {
        reason: target.kind === 'handoff' && target.priority === 'urgent' ? 'urgent' : 'explicit_request',
        category,
      });
      return step.endDialog({ handedOff: true } satisfies RequestResult);
    }
    if (target.kind === 'faq') {
      const answer = await this.deps.knowledge.entry(target.faqId, lang);
      if (answer) return this.answerWith(step, answer);
      const t = await this.deps.sessions.t(step.context);
      await step.context.sendActivity(t('conversation:knowledge.noAnswer'));
      return this.again(step, 'again');
    }
    if (target.kind === 'submenu') return this.again(step, 'menu');
    if (!REQUEST_DIALOGS[target.dialog]) return this.again(step, 'menu');
    return this.beginRequest(step, target.dialog, text, option.label.de);
  }

  private async beginRequest(
    step: WaterfallStepContext,
    intent: Intent,
    text: string,
    label?: string,
    answer?: KnowledgeAnswer,
    field?: Field,
  ): Promise<DialogTurnResult> {
    const dialogId = REQUEST_DIALOGS[intent];
    if (!dialogId) return this.again(step, 'menu');
    await this.deps.sessions.succeeded(step.context);
    const main = await this.menu.main();
    const option = main.options.find((o) => o.target.kind === 'dialog' && o.target.dialog === intent);
    await this.deps.sessions.enter(step.context, intent, label ?? option?.label.de ?? intent);
    if (answer) await this.deps.sessions.addFact(step.context, `Frage: ${text.slice(0, 120)}`);
    return step.beginDialog(dialogId, {
      text,
      ...(answer ? { answer: { text: answer.text, title: answer.title } } : {}),
      ...(field ? { field } : {}),
    });
  }

  private async toPerson(
    step: WaterfallStepContext,
    reason: 'repeated_failure' | 'unsolved' | 'explicit_request',
    category: Intent = 'other',
  ): Promise<DialogTurnResult> {
    await handOff(this.deps, step.context, { reason, category });
    return step.endDialog({ handedOff: true } satisfies RequestResult);
  }

  private async again(
    step: WaterfallStepContext,
    mode: Mode,
    more: Omit<MenuOptions, 'mode'> = {},
  ): Promise<DialogTurnResult> {
    // The first request is done: the second one of the same message comes before "Kann ich sonst noch …".
    const pending =
      mode === 'again' || mode === 'anythingElse' ? await takePendingRequest(this.deps, step.context) : undefined;
    if (pending) return step.replaceDialog(MENU_LOOP, { mode: 'route', text: pending } satisfies MenuOptions);
    return step.replaceDialog(MENU_LOOP, { mode, ...more } satisfies MenuOptions);
  }
}
