import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { postWebhook, textMessage } from '../../services/whatsapp/metaPayloads';

/**
 * Customers that behave like people and like Meta while the service comes and goes: a web
 * customer sends the same message again when the connection broke, Meta redelivers a webhook
 * that did not get its 200. Every answer is counted by status, so a fault test can report and
 * assert "no 5xx" without each step asserting on its own.
 */
export class StatusCounter {
  readonly counts = new Map<string, number>();
  readonly serverErrors: string[] = [];

  add(what: string, status: number | 'network'): void {
    const key = `${what} ${status}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  serverError(what: string, status: number, body: string): void {
    this.add(what, status);
    this.serverErrors.push(`${what} -> ${status}: ${body.slice(0, 200)}`);
  }

  summary(): string {
    return [...this.counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n');
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RetryOptions {
  /** Gives up (throws) when the service has not answered for this long. */
  giveUpMs?: number;
  /** Statuses worth another try (the service restarting, the database away). */
  retryOn?: (status: number) => boolean;
}

/** A web customer on /api/messages with expectReplies, repeating a message the service did not answer. */
export class WebCustomer {
  readonly id = `conv-fault-${randomUUID()}`;
  readonly userId = `user-${randomUUID().slice(0, 8)}`;
  turns = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly counter: StatusCounter,
    private readonly options: { channelId: string; serviceUrl: string },
  ) {}

  get conversationKey(): string {
    return `${this.options.channelId}:${this.id}`;
  }

  /** The replies' texts; null when the service answered with an error status (counted). */
  async say(text: string, retry: RetryOptions = {}): Promise<string[] | null> {
    const started = Date.now();
    for (;;) {
      const body = {
        type: 'message',
        text,
        channelId: this.options.channelId,
        serviceUrl: this.options.serviceUrl,
        conversation: { id: this.id },
        from: { id: this.userId, name: 'Kunde' },
        recipient: { id: 'lotse-bot', name: 'Lotse' },
        locale: 'de-DE',
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        deliveryMode: 'expectReplies',
      };
      let status: number;
      let raw: string;
      try {
        const res = await fetch(`${this.baseUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(20000),
        });
        status = res.status;
        raw = await res.text();
      } catch {
        this.counter.add('web turn', 'network');
        if (Date.now() - started > (retry.giveUpMs ?? 60000))
          throw new Error(`web customer ${this.id}: no answer to "${text}" for ${retry.giveUpMs ?? 60000} ms`);
        await sleep(150);
        continue;
      }
      if (status === 200) {
        this.counter.add('web turn', 200);
        this.turns++;
        const activities = ((JSON.parse(raw) as { activities?: Partial<Activity>[] }).activities ?? []).filter(
          (a) => a.type === 'message',
        );
        return activities.map((a) => a.text ?? '');
      }
      if (status >= 500 && status !== 503) this.counter.serverError('web turn', status, raw);
      else this.counter.add('web turn', status);
      if (retry.retryOn?.(status) && Date.now() - started < (retry.giveUpMs ?? 60000)) {
        await sleep(150);
        continue;
      }
      return null;
    }
  }
}

/** A WhatsApp customer whose messages arrive as signed webhooks; redelivers like Meta until it gets 200. */
export class WhatsAppCustomer {
  readonly waId: string;
  /** wamids the service acknowledged with 200: each must be processed. */
  readonly accepted: string[] = [];
  private sequence = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly counter: StatusCounter,
    index: number,
  ) {
    this.waId = `4917${String(10000000 + index).slice(-8)}`;
  }

  get conversationKey(): string {
    return `whatsapp:${this.waId}`;
  }

  /** Delivers one message; resolves with its wamid once the service acknowledged it. */
  async send(text: string, giveUpMs = 60000): Promise<string> {
    const wamid = `wamid.FAULT${this.waId}x${++this.sequence}x${randomUUID().slice(0, 6)}`;
    const body = textMessage(this.waId, wamid, text);
    const started = Date.now();
    for (;;) {
      try {
        const res = await postWebhook(this.baseUrl, body);
        const raw = await res.text();
        if (res.status === 200) {
          this.counter.add('whatsapp webhook', 200);
          this.accepted.push(wamid);
          return wamid;
        }
        if (res.status >= 500 && res.status !== 503) this.counter.serverError('whatsapp webhook', res.status, raw);
        else this.counter.add('whatsapp webhook', res.status);
      } catch {
        this.counter.add('whatsapp webhook', 'network');
      }
      if (Date.now() - started > giveUpMs)
        throw new Error(`WhatsApp customer ${this.waId}: "${text}" not accepted within ${giveUpMs} ms`);
      // Meta backs off between redeliveries; the test does too, a little.
      await sleep(200);
    }
  }
}

export { sleep };
