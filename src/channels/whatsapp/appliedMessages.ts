import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';

/** The newest wamids kept per conversation; messages of one customer are processed in order. */
const KEEP = 50;
const PROPERTY = 'whatsappApplied';

/**
 * Exactly-once effect for WhatsApp messages. The wamid is written into the conversation state of
 * the turn it drives, so "this message was applied" and what it changed are one single-document
 * write (MongoDB needs no transaction for that). A message taken again after a crash whose turn
 * already saved its state finds its wamid there and is not applied a second time.
 */
export class AppliedMessages {
  private readonly applied: StatePropertyAccessor<string[]>;

  constructor(
    private readonly conversationState: BotState,
    /**
     * Other state the turn loads (the user state): loaded here in the same tick as the conversation
     * state, so MongoStorage reads both with one find. Loaded later by the bot, it took a find of its
     * own: 0.63 instead of about 0.35 state reads per WhatsApp message under load. The bot's own
     * load then finds both in the turn's cache.
     */
    private readonly alongside: BotState[] = [],
  ) {
    this.applied = conversationState.createProperty<string[]>(PROPERTY);
  }

  /** True: apply it (its mark rides with this turn's state); false: its effect is stored already. */
  async begin(context: TurnContext, wamid: string): Promise<boolean> {
    const others = context.activity.from?.id ? this.alongside : [];
    await Promise.all([this.conversationState.load(context), ...others.map((state) => state.load(context))]);
    const seen = (await this.applied.get(context)) ?? [];
    if (seen.includes(wamid)) return false;
    await this.applied.set(context, [...seen, wamid].slice(-KEEP));
    return true;
  }
}
