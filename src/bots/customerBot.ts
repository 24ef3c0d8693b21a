import { ActivityHandler, ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { Dialog, DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import type { CustomerHandoffGate } from './handoff/customerHandoffGate';
import type { Logger } from '../services/logger';
import type { Metrics } from '../services/metrics';
import { bindTurnLogger } from './turnContext';
import type { HandBackTarget } from '../services/handoff/handBackTargets';
import { handBackMenuOptions } from '../dialogs/handBack';
import { spellForSwitzerland } from './swissSpelling';

/** Where botbuilder-dialogs' DialogStateManager caches its configuration for the rest of a turn. */
const DIALOG_STATE_CONFIGURATION = 'DialogStateManagerConfiguration';
/** The description of botbuilder-dialogs' (unexported) turnState symbol for "activityReceived raised". */
const ACTIVITY_RECEIVED_EMITTED = 'ActivityReceivedEmitted';
const CONVERSATION_ENDED = Symbol('lotse.conversationEnded');

/** Whether the root dialog ended in this turn (handed over, or the customer said goodbye). */
export function conversationEnded(context: TurnContext): boolean {
  return context.turnState.get(CONVERSATION_ENDED) === true;
}

/**
 * Customer side (web, WhatsApp, Bot Framework channels): loads the conversation's state, runs the
 * root dialog, and saves state only after the turn completed, so a failed turn saves nothing.
 */
export class CustomerBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;
  private dialogStateConfiguration?: unknown;
  private activityReceivedMark?: symbol;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly rootDialog: Dialog,
    private readonly logger: Logger,
    /** Turn counters; absent for conversations nobody measures (the admin preview). */
    private readonly metrics: Metrics | undefined,
    /** The customer side of a handoff; without it the bot never hands over. */
    private readonly handoffGate?: CustomerHandoffGate,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(rootDialog);

    this.onMessage(async (context, next) => {
      spellForSwitzerland(context);
      await this.runDialog(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // Greet once when the customer (not the bot) joins, as Web Chat and Direct Line announce it.
      const customerJoined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient.id);
      if (customerJoined) {
        spellForSwitzerland(context);
        await this.runDialog(context);
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const started = process.hrtime.bigint();
    const channel = context.activity.channelId ?? 'unknown';
    bindTurnLogger(context, this.logger, { conversationId: context.activity.conversation?.id, channel });
    try {
      // A waiting or relayed customer's message whose handoff query finds the active handoff reads
      // no state: the gate answers from the record (and writes state only where it changes it).
      const handoffFound = this.handoffGate?.prefetch(context);
      if (!handoffFound || !(await handoffFound)) await this.loadState(context);
      await super.run(context);
      await this.conversationState.saveChanges(context, false);
      await this.userState.saveChanges(context, false);
      this.metrics?.turns.inc({ channel, outcome: 'ok' });
    } catch (err) {
      this.metrics?.turns.inc({ channel, outcome: 'error' });
      throw err;
    } finally {
      this.metrics?.turnDuration.observe({ channel }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  /**
   * Loads conversation and user state together: MongoStorage answers reads of the same tick with
   * one find, and the handoff gate reads its mark from the conversation state without a query.
   */
  private async loadState(context: TurnContext): Promise<void> {
    const { type, conversation, from } = context.activity;
    if (type !== 'message' && type !== 'conversationUpdate') return;
    if (!conversation?.id) return;
    await Promise.all([this.conversationState.load(context), from?.id ? this.userState.load(context) : undefined]);
  }

  private async runDialog(context: TurnContext): Promise<void> {
    // While a person has the conversation (or it waits for one) the dialogs stay out of it.
    const resetDialogs = () => this.dialogState.delete(context);
    const decision = this.handoffGate ? await this.handoffGate.beforeTurn(context, resetDialogs) : 'continue';
    if (decision === 'handled') return;
    if (decision !== 'continue') await this.resumeAt(context, decision.resume, resetDialogs);
    await this.runDialogSteps(context);
    await this.handoffGate?.afterTurn(context, resetDialogs);
  }

  /**
   * Opens the dialog the agent handed back to without a word: its first question already went to
   * the customer with the hand-back, so this turn's message is the answer to it.
   */
  private async resumeAt(
    context: TurnContext,
    target: HandBackTarget,
    resetDialogs: () => Promise<void>,
  ): Promise<void> {
    await resetDialogs();
    let silent = true;
    context.onSendActivities(async (_ctx, activities, next) => (silent ? activities.map(() => ({ id: '' })) : next()));
    try {
      const dc = await this.dialogs.createContext(context);
      await dc.beginDialog(this.rootDialog.id, handBackMenuOptions(target));
    } finally {
      silent = false;
    }
  }

  private async runDialogSteps(context: TurnContext): Promise<void> {
    // Every DialogContext (one per nested dialog, several a turn) asks for the memory-scope
    // configuration; botbuilder builds it from its component registry once per turn and keeps it in
    // turnState. The scopes hold no per-turn state, so this turn reuses the first turn's.
    if (this.dialogStateConfiguration !== undefined && !context.turnState.has(DIALOG_STATE_CONFIGURATION)) {
      context.turnState.set(DIALOG_STATE_CONFIGURATION, this.dialogStateConfiguration);
    }
    const dc = await this.dialogs.createContext(context);
    this.dialogStateConfiguration ??= context.turnState.get(DIALOG_STATE_CONFIGURATION) as unknown;
    // Before its first continueDialog of a turn botbuilder-dialogs walks down to the innermost
    // dialog (a DialogContext for every level) to raise "activityReceived"; no dialog of ours
    // handles that event (none overrides onDialogEvent), so the turn is marked as having raised it.
    if (this.activityReceivedMark !== undefined) context.turnState.set(this.activityReceivedMark, true);
    const result = await dc.continueDialog();
    this.activityReceivedMark ??= [...context.turnState.keys()].find(
      (k): k is symbol => typeof k === 'symbol' && k.description === ACTIVITY_RECEIVED_EMITTED,
    );
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.rootDialog.id);
    else if (result.status === DialogTurnStatus.complete) context.turnState.set(CONVERSATION_ENDED, true);
  }
}
