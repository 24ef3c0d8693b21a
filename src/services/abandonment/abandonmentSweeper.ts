import type { Connection, Model } from 'mongoose';
import { handoffModel, HandoffDoc, TranscriptEntry } from '../handoff/handoffModel';
import type { HandoffService } from '../handoff/handoffService';
import { WHATSAPP_WINDOW_MS } from '../handoff/whatsappWindow';
import type { Logger } from '../logger';
import type { CustomerPresence } from './customerPresence';

/** Channels whose page reads are observed by this service (the local Direct Line). */
const WEB_CHANNELS = ['directline', 'webchat'];

export interface AbandonmentOptions {
  /** Minutes without a sign of the customer after which a live wait is abandoned; 0 turns it off. */
  afterMinutes: number;
  intervalMs?: number;
  now?: () => Date;
}

function lastCustomerLine(lines: TranscriptEntry[] | undefined): Date | undefined {
  for (let i = (lines?.length ?? 0) - 1; i >= 0; i--) if (lines![i].from === 'customer') return lines![i].at;
  return undefined;
}

/**
 * Marks live waits abandoned when the customer has left: on the web, no read of the conversation
 * for the configured minutes (a page that was never seen reading is left alone: the conversation
 * may run through Azure's Direct Line, where reads do not reach us); on WhatsApp, the 24-hour
 * window closed and the configured minutes passed without an answer.
 */
export class AbandonmentSweeper {
  private readonly model: Model<HandoffDoc>;
  private timer?: NodeJS.Timeout;
  private running = false;
  private readonly now: () => Date;

  constructor(
    connection: Connection,
    private readonly handoffs: HandoffService,
    private readonly presence: CustomerPresence,
    private readonly logger: Logger,
    private readonly options: AbandonmentOptions,
  ) {
    this.model = handoffModel(connection);
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (this.options.afterMinutes <= 0 || this.timer) return;
    this.timer = setInterval(
      () => void this.sweepOnce().catch((err: unknown) => this.logger.warn({ err }, 'abandonment sweep failed')),
      this.options.intervalMs ?? 60_000,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass; returns how many waits became abandoned. */
  async sweepOnce(limit = 200): Promise<number> {
    if (this.options.afterMinutes <= 0 || this.running) return 0;
    this.running = true;
    try {
      const now = this.now().getTime();
      const grace = this.options.afterMinutes * 60_000;
      const waiting = await this.model
        .find({ status: 'queued', mode: 'live', createdAt: { $lte: new Date(now - grace) } })
        .select({ customer: 1, createdAt: 1, lastCustomerMessageAt: 1, messages: 1, transcript: 1 })
        .sort({ createdAt: 1 })
        .limit(limit)
        .lean();
      const reads = await this.presence.lastReads(
        waiting.filter((h) => WEB_CHANNELS.includes(h.customer.channel)).map((h) => h.customer.conversationKey),
      );
      let count = 0;
      for (const handoff of waiting) {
        const reason = this.leftBecause(handoff, reads, now, grace);
        if (!reason) continue;
        const record = await this.handoffs.abandoned.abandon(String(handoff._id), reason);
        if (!record) continue;
        count++;
        this.logger.info(
          { handoffId: record.id, conversationId: record.customer.conversationKey, reason },
          'waiting customer has left: handoff abandoned',
        );
      }
      return count;
    } finally {
      this.running = false;
    }
  }

  private leftBecause(
    handoff: Pick<HandoffDoc, 'customer' | 'createdAt' | 'lastCustomerMessageAt' | 'messages' | 'transcript'>,
    reads: Map<string, Date>,
    now: number,
    grace: number,
  ): string | undefined {
    const { channel, conversationKey } = handoff.customer;
    if (WEB_CHANNELS.includes(channel)) {
      const lastRead = reads.get(conversationKey);
      return lastRead && now - lastRead.getTime() >= grace ? 'web page closed' : undefined;
    }
    if (channel === 'whatsapp') {
      // Lines after the handoff are documents of their own; the record keeps when the last one came.
      const last =
        handoff.lastCustomerMessageAt ??
        lastCustomerLine(handoff.messages) ??
        lastCustomerLine(handoff.transcript) ??
        handoff.createdAt;
      return now - new Date(last).getTime() >= WHATSAPP_WINDOW_MS + grace
        ? 'WhatsApp window closed unanswered'
        : undefined;
    }
    return undefined;
  }
}
