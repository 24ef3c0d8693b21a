import type { Logger } from '../../services/logger';
import { FileRejectedError } from '../../services/files/errors';
import { GraphApiError } from './errors';
import { KeptAliveJson } from './keptAliveJson';

export interface GraphApiOptions {
  apiUrl: string;
  phoneNumberId: string;
  accessToken: string;
  /** First retry delay; doubles per attempt. */
  retryBaseMs: number;
  maxAttempts: number;
  timeoutMs: number;
}

/** Meta's codes worth another try: throughput limit, pair rate limit, temporary errors. */
const RETRYABLE_CODES = new Set([130429, 131056, 131000, 131016, 1, 2]);
const PAIR_RATE_LIMIT = 131056;

export interface SendContext {
  to: string;
  /** The inbound message this send answers, for the logs. */
  inboundWamid?: string;
}

/**
 * Sends one message through the WhatsApp Cloud API. Retries with exponential backoff on rate
 * limits (130429, 131056), 5xx and timeouts; gives up with a GraphApiError on anything else.
 */
export class GraphApiClient {
  /** Message sends: one per bot reply, over kept-alive connections. */
  private readonly sends = new KeptAliveJson();

  constructor(
    private readonly options: GraphApiOptions,
    private readonly logger: Logger,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  get configured(): boolean {
    return this.options.accessToken !== '' && this.options.phoneNumberId !== '';
  }

  /** Returns the wamid Meta assigned to the message. */
  async sendMessage(payload: Record<string, unknown>, context: SendContext): Promise<string> {
    const url = `${this.options.apiUrl}/${encodeURIComponent(this.options.phoneNumberId)}/messages`;
    const body = JSON.stringify({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: context.to,
      ...payload,
    });
    for (let attempt = 1; ; attempt++) {
      let status = 0;
      let code = 0;
      let message: string;
      try {
        const res = await this.sends.post(
          url,
          { authorization: `Bearer ${this.options.accessToken}`, 'content-type': 'application/json' },
          body,
          this.options.timeoutMs,
        );
        status = res.status;
        const json = res.json as {
          messages?: { id?: string }[];
          error?: { code?: number; message?: string };
        };
        if (status >= 200 && status < 300) {
          const wamid = json.messages?.[0]?.id;
          if (typeof wamid === 'string') return wamid;
          message = 'the answer carried no message id';
        } else {
          code = Number(json.error?.code) || 0;
          message = String(json.error?.message ?? res.statusText ?? 'error').slice(0, 300);
        }
      } catch (err) {
        message =
          (err as Error).name === 'TimeoutError'
            ? `no answer within ${this.options.timeoutMs} ms`
            : (err as Error).message;
      }
      const retryable = status === 0 || status >= 500 || status === 429 || RETRYABLE_CODES.has(code);
      const log = { to: context.to, wamid: context.inboundWamid, status, code, attempt };
      if (!retryable || attempt >= this.options.maxAttempts) {
        this.logger.error({ ...log, error: message }, 'WhatsApp send failed');
        throw new GraphApiError(status, code, message, attempt);
      }
      let delay = this.options.retryBaseMs * 2 ** (attempt - 1);
      // The pair limit is about one message per 6 s to this customer: waiting less is pointless.
      if (code === PAIR_RATE_LIMIT) delay = Math.max(delay, this.options.retryBaseMs * 6);
      delay = Math.round(delay * (0.8 + Math.random() * 0.4));
      this.logger.warn({ ...log, error: message, retryInMs: delay }, 'WhatsApp send failed, retrying');
      await this.sleep(delay);
    }
  }

  /**
   * Fetches a customer's image or document: the media id gives a short-lived URL, which answers the
   * content to the same bearer token. Refuses more than maxBytes before and while downloading.
   */
  async downloadMedia(mediaId: string, maxBytes: number): Promise<Buffer> {
    const headers = { authorization: `Bearer ${this.options.accessToken}` };
    const signal = () => AbortSignal.timeout(this.options.timeoutMs);
    const meta = await fetch(`${this.options.apiUrl}/${encodeURIComponent(mediaId)}`, { headers, signal: signal() });
    if (!meta.ok) throw new GraphApiError(meta.status, 0, 'media URL not available', 1);
    const info = (await meta.json()) as { url?: unknown; file_size?: unknown };
    if (typeof info.url !== 'string') throw new GraphApiError(meta.status, 0, 'media answer without a URL', 1);
    if (typeof info.file_size === 'number' && info.file_size > maxBytes)
      throw new FileRejectedError('tooLarge', `the file is larger than ${maxBytes} bytes`);
    const res = await fetch(info.url, { headers, signal: signal() });
    if (!res.ok || !res.body) throw new GraphApiError(res.status, 0, 'media download failed', 1);
    const chunks: Buffer[] = [];
    let size = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await reader.cancel();
        throw new FileRejectedError('tooLarge', `the file is larger than ${maxBytes} bytes`);
      }
      chunks.push(Buffer.from(value));
    }
    return Buffer.concat(chunks);
  }
}
