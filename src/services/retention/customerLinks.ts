import type { Middleware, TurnContext } from 'botbuilder';
import type { Connection, Model } from 'mongoose';
import { Schema } from 'mongoose';
import { GroupedWrites } from '../database/groupedWrites';
import type { Logger } from '../logger';

interface CustomerLinkDoc {
  /** channel + ":" + user id + "|" + conversation key: one link per customer and conversation. */
  _id: string;
  customerId: string;
  conversationKey: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

const schema = new Schema<CustomerLinkDoc>(
  {
    _id: { type: String, required: true },
    customerId: { type: String, required: true },
    conversationKey: { type: String, required: true },
    firstSeenAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'customer_links' },
);
schema.index({ customerId: 1 });

/** A link is refreshed at most this often per process, so a turn rarely costs a write. */
const REFRESH_MS = 3_600_000;
/** Channels where the sender is an agent, not a customer. */
const AGENT_CHANNELS = new Set(['msteams']);

/**
 * Which conversations belong to which customer (channel user id). Transcripts, service requests
 * and bot state are keyed by conversation; without this index a customer who never reached a
 * handoff could not be found by their id for export or erasure.
 */
export class CustomerLinks {
  private readonly model: Model<CustomerLinkDoc>;
  private readonly written = new Map<string, number>();
  /** Links of many conversations' first turns, several in one command under load. */
  private readonly writes: GroupedWrites<CustomerLinkDoc>;

  constructor(
    connection: Connection,
    private readonly logger: Logger,
  ) {
    this.model =
      (connection.models.CustomerLink as Model<CustomerLinkDoc> | undefined) ??
      connection.model<CustomerLinkDoc>('CustomerLink', schema);
    this.writes = new GroupedWrites(connection, this.model);
  }

  /** Records the link of every customer turn; a failed write is logged, the turn goes on. */
  middleware(): Middleware {
    return {
      onTurn: async (context: TurnContext, next: () => Promise<void>) => {
        const { channelId, conversation, from, type } = context.activity;
        if (type === 'message' && channelId && conversation?.id && from?.id && !AGENT_CHANNELS.has(channelId)) {
          void this.link(from.id, `${channelId}:${conversation.id}`).catch((err: Error) =>
            this.logger.warn({ err, conversationId: conversation.id }, 'customer link not recorded'),
          );
        }
        await next();
      },
    };
  }

  async link(customerId: string, conversationKey: string, now = new Date()): Promise<void> {
    const id = `${customerId}|${conversationKey}`;
    const last = this.written.get(id);
    if (last !== undefined && now.getTime() - last < REFRESH_MS) return;
    if (this.written.size > 50_000) this.written.clear();
    this.written.set(id, now.getTime());
    await this.writes.updateOne(
      { _id: id },
      { $set: { lastSeenAt: now }, $setOnInsert: { customerId, conversationKey, firstSeenAt: now } },
      true,
    );
  }
}
