import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export interface ReceivedActivity {
  conversationId: string;
  activity: Partial<Activity>;
}

export interface FakeBotConnector {
  serviceUrl: string;
  received: ReceivedActivity[];
  /** Message texts sent to one conversation, in order. */
  textsFor(conversationId: string): string[];
  eventsFor(conversationId: string): Partial<Activity>[];
  /** Resolves once the predicate holds for the received activities (polls every 25 ms). */
  waitFor(predicate: (received: ReceivedActivity[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The Bot Connector of a channel on loopback: records what the bot POSTs to a conversation. */
export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const received: ReceivedActivity[] = [];
  let counter = 0;
  const server = http.createServer((req, res) => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(req.url ?? '');
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !match) {
        res.statusCode = 404;
        res.end();
        return;
      }
      received.push({ conversationId: decodeURIComponent(match[1]), activity: JSON.parse(raw) as Partial<Activity> });
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `sent-${++counter}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    received,
    textsFor: (id) =>
      received
        .filter((r) => r.conversationId === id && r.activity.type === 'message')
        .map((r) => r.activity.text ?? ''),
    eventsFor: (id) =>
      received.filter((r) => r.conversationId === id && r.activity.type === 'event').map((r) => r.activity),
    async waitFor(predicate, timeoutMs = 10000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > until)
          throw new Error(
            `fake Bot Connector: condition not met within ${timeoutMs} ms; received ${JSON.stringify(received.map((r) => [r.conversationId, r.activity.type, r.activity.text ?? r.activity.name]))}`,
          );
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
