import { randomUUID } from 'node:crypto';
import { DirectLineExchangeError } from './errors';

export interface ExchangedToken {
  conversationId: string;
  token: string;
  expires_in: number;
  userId: string;
}

/**
 * Trades the Azure Direct Line secret for a conversation token on the server, so the secret never
 * reaches the browser. The user id is fixed into the token, so a page cannot impersonate another.
 */
export class AzureDirectLineTokenExchange {
  constructor(
    private readonly secret: string,
    private readonly directLineUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  get configured(): boolean {
    return this.secret !== '';
  }

  /** The Direct Line domain the browser talks to. */
  get domain(): string {
    return `${this.directLineUrl}/v3/directline`;
  }

  async generate(): Promise<ExchangedToken> {
    const userId = `dl_${randomUUID()}`;
    let res: globalThis.Response;
    try {
      res = await fetch(`${this.domain}/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new DirectLineExchangeError(0, (err as Error).message);
    }
    const json = (await res.json().catch(() => ({}))) as Partial<ExchangedToken>;
    if (!res.ok || typeof json.token !== 'string' || typeof json.conversationId !== 'string') {
      throw new DirectLineExchangeError(res.status, res.ok ? 'the answer carried no token' : res.statusText);
    }
    return {
      conversationId: json.conversationId,
      token: json.token,
      expires_in: Number(json.expires_in) || 1800,
      userId,
    };
  }
}
