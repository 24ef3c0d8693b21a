import http from 'node:http';
import { randomUUID } from 'node:crypto';

/** One conversation as a workload drives it: each call is one timed turn; resolves with the messages received. */
export interface Conversation {
  turn(text: string, index: number): Promise<number>;
}

export interface ConversationLoadOptions {
  /** Conversations in flight at once (one per connection). */
  concurrency: number;
  /** Distinct conversations; each walks the whole script, one turn after the other. */
  conversations: number;
  script: readonly string[];
  /** Opens conversation number n (its setup is never timed as a turn). */
  open(n: number): Promise<Conversation>;
  /**
   * Open every conversation before the clock starts (for setups that cost requests of their own:
   * a Direct Line token and greeting, a claimed handoff), so throughput counts turns only.
   */
  openFirst?: boolean;
}

export interface LoadResult {
  turns: number;
  /** Failed turns (non-2xx answers, transport errors, missing replies). */
  errors: number;
  /** Turns that succeeded but carried no message for the customer. */
  silentTurns: number;
  durationMs: number;
  /** Per-turn latency in milliseconds, unsorted. */
  latenciesMs: number[];
  /** The same latencies by the script step they belong to (driveConversations). */
  byStepMs?: number[][];
  firstError?: string;
}

/**
 * Drives `concurrency` conversations at a time, each walking the whole script, a fresh
 * conversation started when one is done, until `conversations` were walked.
 */
export async function driveConversations(options: ConversationLoadOptions): Promise<LoadResult> {
  const result: LoadResult = { turns: 0, errors: 0, silentTurns: 0, durationMs: 0, latenciesMs: [], byStepMs: [] };
  const workers = Math.min(options.concurrency, options.conversations);
  let opened: Conversation[] | undefined;
  if (options.openFirst) {
    opened = new Array<Conversation>(options.conversations);
    let next = 0;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < options.conversations) {
          const n = next++;
          opened![n] = await options.open(n);
        }
      }),
    );
  }
  let claimed = 0;
  const worker = async (): Promise<void> => {
    while (claimed < options.conversations) {
      const n = claimed++;
      let conversation: Conversation;
      try {
        conversation = opened ? opened[n] : await options.open(n);
      } catch (err) {
        result.errors += options.script.length;
        result.firstError ??= `opening a conversation: ${(err as Error).message}`;
        continue;
      }
      for (const [index, text] of options.script.entries()) {
        const started = process.hrtime.bigint();
        try {
          if ((await conversation.turn(text, index)) === 0) result.silentTurns++;
        } catch (err) {
          result.errors++;
          result.firstError ??= (err as Error).message;
        }
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        result.latenciesMs.push(ms);
        (result.byStepMs![index] ??= []).push(ms);
        result.turns++;
      }
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: workers }, worker));
  result.durationMs = Number(process.hrtime.bigint() - started) / 1e6;
  return result;
}

export interface LoadOptions {
  baseUrl: string;
  /** Conversations in flight at once. */
  concurrency: number;
  /** Distinct conversations; each walks the whole script, one turn after the other. */
  conversations: number;
  script: readonly string[];
  /** Prefix of the conversation ids, so runs never share a conversation. */
  label: string;
  /** Where the bot would send proactive messages (default: a closed port). */
  serviceUrl?: string;
  channelId?: string;
}

/**
 * Drives conversations through POST /api/messages with deliveryMode expectReplies, as Web Chat
 * or the Emulator would, over keep-alive connections: `concurrency` customers at a time, each
 * starting a fresh conversation when its script is done.
 */
export async function driveLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const runId = randomUUID().slice(0, 8);
  try {
    return await driveConversations({
      concurrency: options.concurrency,
      conversations: options.conversations,
      script: options.script,
      open: async (n) =>
        expectRepliesConversation(options.baseUrl, agent, {
          conversationId: `${options.label}-${runId}-${n}`,
          userId: `kunde-${runId}-${n}`,
          ...(options.serviceUrl ? { serviceUrl: options.serviceUrl } : {}),
          ...(options.channelId ? { channelId: options.channelId } : {}),
        }),
    });
  } finally {
    agent.destroy();
  }
}

export interface ExpectRepliesIdentity {
  conversationId: string;
  userId: string;
  serviceUrl?: string;
  channelId?: string;
}

/** A customer talking to a bot through POST /api/messages (expectReplies: the replies come in the answer). */
export function expectRepliesConversation(
  baseUrl: string,
  agent: http.Agent,
  identity: ExpectRepliesIdentity,
): Conversation & { lastReplies: { type?: string; name?: string; value?: unknown; text?: string }[] } {
  const url = new URL('/api/messages', baseUrl);
  const conversation = {
    lastReplies: [] as { type?: string; name?: string; value?: unknown; text?: string }[],
    async turn(text: string): Promise<number> {
      const answer = await requestJson<{ activities?: { type?: string }[] }>(url, agent, 'POST', {
        body: activity(identity.conversationId, identity.userId, text, identity),
      });
      conversation.lastReplies = answer.activities ?? [];
      return conversation.lastReplies.filter((a) => a.type === 'message').length;
    },
  };
  return conversation;
}

/** One customer message as the benchmark posts it to /api/messages (expectReplies). */
export function activity(
  conversationId: string,
  userId: string,
  text: string,
  options: { serviceUrl?: string; channelId?: string } = {},
): string {
  return JSON.stringify({
    type: 'message',
    channelId: options.channelId ?? 'directline',
    serviceUrl: options.serviceUrl ?? 'http://127.0.0.1:9',
    conversation: { id: conversationId },
    from: { id: userId, name: 'Kunde' },
    recipient: { id: 'lotse-bot', name: 'Lotse' },
    locale: 'de-DE',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    deliveryMode: 'expectReplies',
    text,
  });
}

/**
 * One HTTP request with a JSON answer over a keep-alive agent; rejects on anything but 2xx.
 * `body` is sent as is when it is a string, as JSON otherwise.
 */
export function requestJson<T>(
  url: URL,
  agent: http.Agent,
  method: 'GET' | 'POST' | 'PUT',
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 299)
            return reject(new Error(`${method} ${url.pathname}: HTTP ${status}: ${text.slice(0, 200)}`));
          try {
            resolve((text ? JSON.parse(text) : {}) as T);
          } catch {
            reject(new Error(`${method} ${url.pathname}: unreadable body: ${text.slice(0, 200)}`));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The q-quantile (0..1) of unsorted values, nearest-rank. */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
