import http from 'node:http';
import { randomUUID } from 'node:crypto';

export interface LoadOptions {
  baseUrl: string;
  /** Conversations in flight at once. */
  concurrency: number;
  /** Distinct conversations; each walks the whole script, one turn after the other. */
  conversations: number;
  script: readonly string[];
  /** Prefix of the conversation ids, so runs never share a conversation. */
  label: string;
}

export interface LoadResult {
  turns: number;
  /** Non-200 answers and transport errors. */
  errors: number;
  /** 200 answers that carried no message for the customer. */
  silentTurns: number;
  durationMs: number;
  /** Per-turn latency in milliseconds, unsorted. */
  latenciesMs: number[];
  firstError?: string;
}

/**
 * Drives conversations through POST /api/messages with deliveryMode expectReplies, as Web Chat
 * or the Emulator would, over keep-alive connections: `concurrency` customers at a time, each
 * starting a fresh conversation when its script is done.
 */
export async function driveLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL('/api/messages', options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const result: LoadResult = { turns: 0, errors: 0, silentTurns: 0, durationMs: 0, latenciesMs: [] };
  let claimed = 0;
  const runId = randomUUID().slice(0, 8);

  const worker = async (): Promise<void> => {
    while (claimed < options.conversations) {
      const n = claimed++;
      const conversationId = `${options.label}-${runId}-${n}`;
      const userId = `kunde-${runId}-${n}`;
      for (const text of options.script) {
        const started = process.hrtime.bigint();
        try {
          const replies = await post(url, agent, activity(conversationId, userId, text));
          if (replies === 0) result.silentTurns++;
        } catch (err) {
          result.errors++;
          result.firstError ??= (err as Error).message;
        }
        result.latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
        result.turns++;
      }
    }
  };

  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.conversations) }, worker));
  result.durationMs = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  return result;
}

/** One customer message as the benchmark posts it to /api/messages (expectReplies). */
export function activity(conversationId: string, userId: string, text: string): string {
  return JSON.stringify({
    type: 'message',
    channelId: 'directline',
    serviceUrl: 'http://127.0.0.1:9',
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

/** POSTs one activity; resolves with the number of message replies, rejects on anything but 200. */
function post(url: URL, agent: http.Agent, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
          try {
            const parsed = JSON.parse(text) as { activities?: { type?: string }[] };
            resolve((parsed.activities ?? []).filter((a) => a.type === 'message').length);
          } catch {
            reject(new Error(`unreadable body: ${text.slice(0, 200)}`));
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
