import { randomUUID } from 'node:crypto';
import { Activity, ActivityTypes, BotAdapter, ConversationReference, ResourceResponse, TurnContext } from 'botbuilder';
import type { DirectLineActivityFeed } from './activityFeed';
import type { DirectLineActivityStore, ReservedActivity } from './activityStore';
import { Logic, proactiveLogic } from '../proactiveLogic';

export const LOCAL_DIRECT_LINE_CHANNEL = 'directline';
/** Conversation ids of the local endpoint start with this, which is how proactive sends find it. */
const CONVERSATION_PREFIX = 'lotse-dl-';
/** The turn state key of the bot's replies that wait for the end of their turn. */
const PENDING_REPLIES = Symbol('directLinePendingReplies');

export interface DirectLineAdapterOptions {
  /** serviceUrl written into activities, e.g. https://example.com/v3/directline. */
  serviceUrl: string;
  botId: string;
  botName: string;
  defaultLocale: string;
}

/**
 * The service's own Direct Line 3.0 channel: turns run in this process, every activity of a
 * conversation (the customer's and the bot's) goes to MongoDB, and the page polls it from there.
 * Turns of one conversation run one after another, as they would on a Bot Framework channel.
 */
export class DirectLineAdapter extends BotAdapter {
  private readonly queues = new Map<string, Promise<unknown>>();
  private running = 0;

  constructor(
    private readonly store: DirectLineActivityStore,
    private readonly options: DirectLineAdapterOptions,
    /** Open streams hear of every stored activity and of typing at once. */
    readonly feed: DirectLineActivityFeed,
  ) {
    super();
  }

  static newConversationId(): string {
    return `${CONVERSATION_PREFIX}${randomUUID()}`;
  }

  /** True for conversations of this endpoint (as opposed to Azure Direct Line ones). */
  owns(reference: Partial<ConversationReference>): boolean {
    return (
      reference.channelId === LOCAL_DIRECT_LINE_CHANNEL &&
      (reference.conversation?.id ?? '').startsWith(CONVERSATION_PREFIX)
    );
  }

  get turnsInFlight(): number {
    return this.running;
  }

  /** Announces the customer to the bot, as Direct Line does when a conversation starts. */
  async startConversation(
    conversationId: string,
    userId: string,
    locale: string | undefined,
    logic: Logic,
  ): Promise<void> {
    const activity: Partial<Activity> = {
      ...this.envelope(conversationId, userId, locale),
      type: ActivityTypes.ConversationUpdate,
      id: randomUUID(),
      membersAdded: [
        { id: this.options.botId, name: this.options.botName },
        { id: userId, name: '' },
      ],
    };
    await this.serialized(conversationId, () => this.runTurn(new TurnContext(this, activity), logic));
  }

  /**
   * Stores the customer's activity (Web Chat sees its own echo, with clientActivityID, and marks it
   * sent) and runs the turn. Resolves with the stored id once the bot has answered. The same post
   * again (a retry after a lost answer, a restart) finds the stored activity by its client id and
   * neither stores it twice nor runs a second turn.
   */
  async receive(
    conversationId: string,
    userId: string,
    incoming: Partial<Activity>,
    logic: Logic,
    clientKey?: string,
  ): Promise<string> {
    return this.serialized(conversationId, async () => {
      const earlier = clientKey ? await this.store.findByClientKey(conversationId, clientKey) : undefined;
      if (earlier) return earlier;
      const stored = await this.store.append(
        conversationId,
        {
          ...incoming,
          ...this.envelope(conversationId, userId, incoming.locale),
          from: { id: userId, name: incoming.from?.name ?? '', role: 'user' },
        },
        clientKey,
      );
      this.feed.stored(conversationId);
      if (stored.type === ActivityTypes.Message || stored.type === ActivityTypes.Event) {
        await this.runTurn(new TurnContext(this, stored), logic);
      }
      return stored.id!;
    });
  }

  /** The customer is typing: passed on to whoever listens on this instance, never stored. */
  customerTyping(conversationId: string, userId: string): void {
    this.feed.ephemeral(conversationId, {
      ...this.envelope(conversationId, userId, undefined),
      type: ActivityTypes.Typing,
      id: `${conversationId}|typing-${randomUUID()}`,
    });
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) throw new Error('Direct Line send without a conversation id');
    const responses: ResourceResponse[] = [];
    const pending = context.turnState.get(PENDING_REPLIES) as ReservedActivity[] | undefined;
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await this.writePending(conversationId, pending);
        await new Promise((r) => setTimeout(r, Math.min(Number(activity.value) || 0, 5000)));
        responses.push({ id: '' });
        continue;
      }
      if (activity.type === ActivityTypes.Trace) {
        responses.push({ id: '' });
        continue;
      }
      const outgoing: Partial<Activity> = {
        ...activity,
        channelId: LOCAL_DIRECT_LINE_CHANNEL,
        serviceUrl: this.options.serviceUrl,
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
        from: { id: this.options.botId, name: this.options.botName, role: 'bot' },
        recipient: context.activity.from
          ? { id: context.activity.from.id, name: context.activity.from.name ?? '', role: 'user' }
          : undefined,
        timestamp: new Date(),
      };
      // Typing goes to the open page only: replayed after a reload it would be a lie.
      if (activity.type === ActivityTypes.Typing) {
        await this.writePending(conversationId, pending);
        const id = `${conversationId}|typing-${randomUUID()}`;
        this.feed.ephemeral(conversationId, { ...outgoing, id });
        responses.push({ id });
        continue;
      }
      if (pending) {
        // Written with the turn's other replies when the turn ends (one insert); the id is known now.
        const reserved = await this.store.reserve(conversationId, outgoing);
        pending.push(reserved);
        responses.push({ id: reserved.activity.id! });
        continue;
      }
      const stored = await this.store.append(conversationId, outgoing);
      this.feed.stored(conversationId);
      responses.push({ id: stored.id! });
    }
    return responses;
  }

  /** Runs a turn whose replies are stored together when it ends (also when it fails). */
  private async runTurn(context: TurnContext, logic: Logic): Promise<void> {
    const pending: ReservedActivity[] = [];
    context.turnState.set(PENDING_REPLIES, pending);
    const conversationId = context.activity.conversation?.id ?? '';
    try {
      await this.runMiddleware(context, logic);
    } finally {
      await this.writePending(conversationId, pending);
    }
  }

  /** Stores the replies waiting in a turn, in one insert, and tells open streams. */
  private async writePending(conversationId: string, pending: ReservedActivity[] | undefined): Promise<void> {
    if (!pending?.length) return;
    const batch = pending.splice(0);
    await this.store.writeReserved(conversationId, batch);
    this.feed.stored(conversationId);
  }

  async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const conversationId = activity.conversation?.id ?? context.activity.conversation?.id;
    if (conversationId && (await this.store.replace(conversationId, activity))) return { id: activity.id! };
  }

  async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversationId = reference.conversation?.id ?? context.activity.conversation?.id;
    if (conversationId && reference.activityId) await this.store.remove(conversationId, reference.activityId);
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: Logic): Promise<void> {
    await this.continueConversationAsync('', reference, logic);
  }

  /** Proactive sends: the activities land in the conversation's log and the polling page shows them. */
  override async continueConversationAsync(
    _botAppIdOrClaims: unknown,
    reference: Partial<ConversationReference>,
    logicOrAudience: Logic | string,
    maybeLogic?: Logic,
  ): Promise<void> {
    const logic = proactiveLogic(logicOrAudience, maybeLogic);
    const conversationId = reference.conversation?.id;
    if (!conversationId) throw new Error('the conversation reference has no conversation id');
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'ContinueConversation' },
      { ...reference, serviceUrl: this.options.serviceUrl },
      true,
    );
    activity.locale ??= this.options.defaultLocale;
    await this.runTurn(new TurnContext(this, activity), logic);
  }

  private envelope(conversationId: string, userId: string, locale: string | undefined): Partial<Activity> {
    return {
      channelId: LOCAL_DIRECT_LINE_CHANNEL,
      serviceUrl: this.options.serviceUrl,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      recipient: { id: this.options.botId, name: this.options.botName, role: 'bot' },
      from: { id: userId, name: '', role: 'user' },
      locale: locale ?? this.options.defaultLocale,
      timestamp: new Date(),
    };
  }

  private serialized<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    this.running++;
    const result = previous.then(task).finally(() => this.running--);
    const tail = result.catch(() => undefined);
    this.queues.set(conversationId, tail);
    void tail.then(() => {
      if (this.queues.get(conversationId) === tail) this.queues.delete(conversationId);
    });
    return result;
  }
}
