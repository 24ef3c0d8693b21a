import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { Counter, Registry } from 'prom-client';
import type { I18nService } from '../../services/i18n/i18nService';
import { maskDigitRun } from '../../services/privacy/logMasking';
import type { AppliedMessages } from './appliedMessages';
import type { Logger } from '../../services/logger';
import type { RequestContext } from '../../services/requestContext';
import { underRequest } from '../../services/requestContext';
import type { ContactStore } from './contactStore';
import { DEFAULT_CLAIM_LEASE_MS, InboundDoc, InboundStore } from './inboundStore';
import type { StatusStore } from './statusStore';
import type { FileRejectedError } from '../../services/files/errors';
import type { StoredFile } from '../../services/files/fileStore';
import { interpret, MediaMessage, ParsedWebhook } from './webhookPayload';
import type { WhatsAppAdapter } from './whatsappAdapter';

export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

export interface InboundProcessorOptions {
  leaseMs?: number;
  /** Exactly-once effect: the applied mark written with the turn's state. Without it: at least once. */
  applied?: AppliedMessages;
  /** Told how many messages became dead letters (a metric). */
  onDeadLetter?: (count: number) => void;
  /** How often stored-but-unprocessed messages are looked for (crash recovery, other instances). */
  sweepIntervalMs?: number;
  /** Images and documents kept for the agent; without it they get the polite "cannot read" answer. */
  media?: MediaIntake;
}

/** Fetches and stores a customer's image or document; a refused file comes back as the error. */
export interface MediaIntake {
  receive(waId: string, media: MediaMessage): Promise<StoredFile | FileRejectedError>;
}

/** A message this instance stored and has not claimed yet. */
interface StoredHere {
  /** As stored: claimed without reading it back. */
  doc: InboundDoc;
  wamid: string;
  /** Claim order, as the generic claim sorts: Meta's time, then the time it arrived here. */
  sentAt: number;
  receivedAt: number;
}

/**
 * Takes verified webhooks: stores messages and statuses first (the caller answers 200 only after
 * that), then works through each customer's messages in order, one instance per customer at a
 * time (a lease in MongoDB), each message claimed atomically so none is answered twice.
 */
export class WhatsAppInboundProcessor {
  private readonly instanceId = randomUUID();
  private readonly draining = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  /**
   * Messages this instance stored and has not claimed yet, per customer, in claim order: claimed as
   * stored (no search through the customer's messages, nothing read back); whether to claim once more.
   */
  private readonly storedHere = new Map<string, StoredHere[]>();
  private sweeper?: NodeJS.Timeout;
  private stopped = false;
  /** Ends the pauses of drains waiting for a lease another instance holds (stop). */
  private readonly waking = new Set<() => void>();
  private readonly leaseMs: number;

  constructor(
    private readonly inbox: InboundStore,
    private readonly contacts: ContactStore,
    private readonly statuses: StatusStore,
    private readonly adapter: WhatsAppAdapter,
    private readonly bot: TurnRunner,
    private readonly i18n: I18nService,
    private readonly logger: Logger,
    private readonly options: InboundProcessorOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  }

  /** Stores everything in the webhook; returns the customers with new messages. Throws if storing fails. */
  async accept(webhook: ParsedWebhook): Promise<string[]> {
    const customers = new Set<string>();
    const receivedAt = Date.now();
    for (const [index, message] of webhook.messages.entries()) {
      // receivedAt keeps the order of messages with the same (second-resolution) timestamp.
      // Both land before Meta gets its 200; side by side, they can share their commands with other customers'.
      const [stored] = await Promise.all([
        this.inbox.store(message, new Date(receivedAt + index)),
        this.contacts.recordInbound(message.waId, message.sentAt, message.name),
      ]);
      if (stored) {
        customers.add(message.waId);
        this.remember(message.waId, {
          doc: stored,
          wamid: message.wamid,
          sentAt: message.sentAt.getTime(),
          receivedAt: receivedAt + index,
        });
      } else
        this.logger.info(
          { wamid: message.wamid, conversationId: forLog(message.waId) },
          'WhatsApp redelivered a stored message; ignored',
        );
    }
    for (const status of webhook.statuses) {
      await this.statuses.record(status);
      for (const error of status.errors) {
        this.logger.warn(
          { wamid: status.wamid, conversationId: forLog(status.recipientId), code: error.code, error: error.title },
          'WhatsApp reports a failed delivery',
        );
      }
    }
    return [...customers];
  }

  /**
   * Starts working on the customers' messages in the background; the turns log under the webhook
   * request that started them, if given.
   */
  kick(customers: string[], request?: RequestContext): void {
    for (const waId of customers) void this.drain(waId, request);
  }

  /** Picks up messages left behind by a crash, then keeps looking periodically. */
  start(): void {
    this.stopped = false;
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), this.options.sweepIntervalMs ?? 30_000);
    this.sweeper.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweeper) clearInterval(this.sweeper);
    for (const wake of [...this.waking]) wake();
    await Promise.allSettled([...this.draining.values()]);
  }

  /** Messages being worked on right now; shutdown waits for them. */
  get inFlight(): number {
    return this.draining.size;
  }

  async sweep(): Promise<void> {
    if (this.stopped) return;
    try {
      const dead = await this.inbox.deadLetterAbandoned(this.leaseMs);
      if (dead > 0) {
        this.options.onDeadLetter?.(dead);
        this.logger.error({ count: dead }, 'WhatsApp messages abandoned by every attempt moved to the dead letters');
      }
      this.kick(await this.inbox.customersWithWork(this.leaseMs));
    } catch (err) {
      this.logger.warn({ err }, 'WhatsApp sweep failed; next try later');
    }
  }

  /** Resolves once the customer's queue is empty (or another instance holds it). */
  drain(waId: string, request?: RequestContext): Promise<void> {
    const running = this.draining.get(waId);
    if (running) {
      this.again.add(waId);
      return running;
    }
    const work = this.drainLoop(waId, request)
      .catch((err: Error) =>
        this.logger.error({ conversationId: forLog(waId), err }, 'WhatsApp processing stopped; the sweep retries'),
      )
      .finally(() => this.draining.delete(waId));
    this.draining.set(waId, work);
    return work;
  }

  private async drainLoop(waId: string, request: RequestContext | undefined): Promise<void> {
    do {
      this.again.delete(waId);
      // The lease runs from before it was asked for.
      let lockedAt = await this.lease(waId);
      if (lockedAt === undefined) return;
      // After a failed attempt the message waits again: from then on the oldest waiting one is claimed.
      let retrying = false;
      try {
        for (;;) {
          if (this.stopped) return;
          const message = await this.claim(waId, retrying);
          if (!message) {
            this.storedHere.delete(waId);
            break;
          }
          // Every message starts with at least half the lease left: renewed once half of it has passed.
          if (Date.now() - lockedAt >= this.leaseMs / 2) {
            lockedAt = Date.now();
            await this.contacts.tryLock(waId, this.instanceId, this.leaseMs);
          }
          if (!(await this.processOne(message, request))) retrying = true;
          // Nothing more stored here: no claim that finds nothing. What another instance stored
          // meanwhile is found by the look below, after the lease is given back. A message taken
          // over from a dead instance may have more behind it: those are claimed until none is left.
          if (!this.storedHere.has(waId) && message.attempts <= 1 && !retrying) break;
        }
      } finally {
        await this.contacts.unlock(waId, this.instanceId);
      }
      // Asked again while working: only worth a claim while a message stored here is left (the loop
      // above usually took it already). No look for messages other instances stored meanwhile: each
      // of them brings its own through (see lease).
    } while (this.again.has(waId) && this.storedHere.has(waId));
  }

  /**
   * Takes the customer's lease and returns when it was asked for; undefined when stopped or when
   * another live instance kept it for a whole sweep interval (the sweep then tries again). While
   * another instance holds it, asks again after 25 ms, doubling to 1 s: the instance that stored a
   * message brings it through itself once the holder lets go. The holder used to look for such
   * messages after every batch instead, a query per customer batch (a collection scan on the local
   * database) that found something only when two instances got one customer's messages at once.
   */
  private async lease(waId: string): Promise<number | undefined> {
    const giveUpAt = Date.now() + (this.options.sweepIntervalMs ?? 30_000);
    for (let wait = 25; ; wait = Math.min(wait * 2, 1000)) {
      if (this.stopped) return undefined;
      const askedAt = Date.now();
      if (await this.contacts.tryLock(waId, this.instanceId, this.leaseMs)) return askedAt;
      if (this.stopped || Date.now() + wait > giveUpAt) return undefined;
      await this.pause(wait);
    }
  }

  /** Waits `ms`, or less when the processor stops. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waking.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waking.add(wake);
    });
  }

  /** Keeps a stored message in claim order (usually the last). */
  private remember(waId: string, message: StoredHere): void {
    const list = this.storedHere.get(waId) ?? [];
    let at = list.length;
    while (at > 0 && before(message, list[at - 1])) at--;
    list.splice(at, 0, message);
    this.storedHere.set(waId, list);
  }

  /**
   * The customer's next message: the first one stored here, as stored; the oldest waiting one when
   * none is left here (another instance's, or one whose instance died), when that one was claimed
   * since it was stored (taken, or waiting again after a failed attempt: it still goes first), or
   * when `oldest` is asked for. A message another instance stored at the same moment may thus come
   * after those stored here.
   */
  private async claim(waId: string, oldest: boolean): Promise<InboundDoc | null> {
    const mine = this.storedHere.get(waId);
    if (!oldest && mine?.length) {
      const next = mine.shift()!;
      if (mine.length === 0) this.storedHere.delete(waId);
      const message = await this.inbox.claimStored(next.doc);
      if (message) return message;
    }
    const message = await this.inbox.claimNext(waId, this.leaseMs);
    if (message && mine) {
      const index = mine.findIndex((m) => m.wamid === message._id);
      if (index >= 0) mine.splice(index, 1);
      if (mine.length === 0) this.storedHere.delete(waId);
    }
    return message;
  }

  /** False when the message failed and waits for another attempt. */
  private async processOne(message: InboundDoc, request: RequestContext | undefined): Promise<boolean> {
    const log = this.logger.child({ wamid: message._id, conversationId: forLog(message.waId) });
    try {
      const meaning = interpret(message.type, await this.inbox.original(message));
      if (meaning.kind !== 'ignore') {
        const media = meaning.kind === 'media' ? this.options.media : undefined;
        const file = media && meaning.kind === 'media' ? await media.receive(message.waId, meaning) : undefined;
        const activity = this.adapter.inboundActivity({
          wamid: message._id,
          waId: message.waId,
          name: message.name,
          sentAt: message.sentAt,
          text: meaning.kind === 'text' ? meaning.text : meaning.kind === 'media' ? meaning.caption : undefined,
        });
        // The turn carries the stored file; the handoff gate passes it to the agent or keeps it for one.
        if (file && 'id' in file) activity.channelData = { ...activity.channelData, files: [file] };
        if (meaning.kind === 'text' || (file && 'id' in file)) {
          const applied = this.options.applied;
          await this.adapter.processActivity(
            activity,
            underRequest(request, async (context) => {
              if (applied && !(await applied.begin(context, message._id))) {
                log.info('WhatsApp message already applied before a crash; not applied again');
                return;
              }
              await this.bot.run(context);
            }),
          );
        } else {
          const key =
            file && 'reason' in file
              ? `channels:files.rejected.${file.reason}`
              : `channels:whatsapp.unsupported.${meaning.kind === 'unsupported' ? meaning.what : meaning.kind === 'media' ? meaning.what : 'other'}`;
          log.info({ type: message.type }, 'WhatsApp message the bot cannot take; answered politely');
          await this.adapter.processActivity(activity, async (context) => {
            await context.sendActivity(this.i18n.t(context.activity.locale)(key));
          });
        }
      }
      await this.inbox.markDone(message._id);
      return true;
    } catch (err) {
      log.error({ err, attempt: message.attempts }, 'WhatsApp message could not be processed');
      const dead = await this.inbox
        .markFailed(message._id, (err as Error).message, message.attempts)
        .catch((e: Error) => {
          log.error({ err: e }, 'could not record the failure');
          return false;
        });
      if (dead) {
        this.options.onDeadLetter?.(1);
        log.error({ attempts: message.attempts }, 'WhatsApp message moved to the dead letters after its last attempt');
      }
      return dead;
    }
  }
}

function before(a: StoredHere, b: StoredHere): boolean {
  return a.sentAt < b.sentAt || (a.sentAt === b.sentAt && a.receivedAt < b.receivedAt);
}

/** A wa_id is a phone number: logs get it masked. */
function forLog(waId: string): string {
  return /^\d{8,}$/.test(waId) ? maskDigitRun(waId) : waId;
}

/** The dead-letter metric: lotse_whatsapp_dead_letters_total. */
export function deadLetterCounter(registry: Registry): (count: number) => void {
  const counter = new Counter({
    name: 'lotse_whatsapp_dead_letters_total',
    help: 'WhatsApp messages given up on after every attempt failed',
    registers: [registry],
  });
  return (count) => counter.inc(count);
}
