import { ActivityHandler, ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { Dialog, DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import type { CustomerHandoffGate } from '../dialogs/handoff/customerHandoffGate';
import type { Logger } from '../services/logger';
import type { Metrics } from '../services/metrics';
import { TURN_LOGGER } from './turnContext';

/**
 * Customer side (web, WhatsApp, Bot Framework channels): loads the conversation's state, runs the
 * root dialog, and saves state only after the turn completed, so a failed turn saves nothing.
 */
export class CustomerBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly rootDialog: Dialog,
    private readonly logger: Logger,
    private readonly metrics: Metrics,
    /** The customer side of a handoff; without it the bot never hands over. */
    private readonly handoffGate?: CustomerHandoffGate,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(rootDialog);

    this.onMessage(async (context, next) => {
      await this.runDialog(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // Greet once when the customer (not the bot) joins, as Web Chat and Direct Line announce it.
      const customerJoined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient.id);
      if (customerJoined) await this.runDialog(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const started = process.hrtime.bigint();
    const channel = context.activity.channelId ?? 'unknown';
    context.turnState.set(TURN_LOGGER, this.logger.child({ conversationId: context.activity.conversation?.id, channel }));
    try {
      await this.loadState(context);
      await super.run(context);
      await this.conversationState.saveChanges(context, false);
      await this.userState.saveChanges(context, false);
      this.metrics.turns.inc({ channel, outcome: 'ok' });
    } catch (err) {
      this.metrics.turns.inc({ channel, outcome: 'error' });
      throw err;
    } finally {
      this.metrics.turnDuration.observe({ channel }, Number(process.hrtime.bigint() - started) / 1e9);
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
    if (this.handoffGate && (await this.handoffGate.beforeTurn(context, resetDialogs)) === 'handled') return;
    await this.runDialogSteps(context);
    await this.handoffGate?.afterTurn(context, resetDialogs);
  }

  private async runDialogSteps(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dc.beginDialog(this.rootDialog.id);
    }
  }
}

