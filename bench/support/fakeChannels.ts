/**
 * Loopback stand-ins for what a bot talks to outside a turn: a Bot Framework connector (proactive
 * sends of both targets) and the WhatsApp Graph API (Lotse's replies to webhooks). Both answer at
 * once, so what is measured is the bot, not the fake.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeServer {
  url: string;
  close(): Promise<void>;
}

function listen(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString()));
    req.on('error', reject);
  });
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Accepts every activity a bot sends to /v3/conversations/…/activities and counts them. */
export async function startFakeConnector(): Promise<FakeServer & { received: () => number }> {
  let received = 0;
  let next = 0;
  const { server, url } = await listen((req, res) => {
    void readBody(req).then(() => {
      if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) received++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `fake-${++next}` }));
    });
  });
  return { url, received: () => received, close: () => close(server) };
}

/**
 * The Graph API's POST /{phone-number-id}/messages. A workload waits for the replies to one
 * customer with `expect(waId, count)` before it posts the webhook those replies answer.
 */
export interface FakeGraph extends FakeServer {
  /** Resolves once `count` more messages to `to` arrived; rejects after timeoutMs. */
  expect(to: string, count: number, timeoutMs: number): Promise<number>;
  /** Messages sent to `to` so far. */
  sentTo(to: string): number;
}

export async function startFakeGraph(): Promise<FakeGraph> {
  const sent = new Map<string, number>();
  const waiters = new Map<string, { target: number; resolve: (n: number) => void }[]>();
  let next = 0;
  const { server, url } = await listen((req, res) => {
    void readBody(req).then((body) => {
      let to = '';
      try {
        to = String((JSON.parse(body) as { to?: unknown }).to ?? '');
      } catch {
        // not JSON: answered all the same
      }
      const count = (sent.get(to) ?? 0) + 1;
      sent.set(to, count);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: `wamid.fake-${++next}` }] }));
      const pending = waiters.get(to);
      if (!pending) return;
      for (const waiter of pending.filter((w) => w.target <= count)) waiter.resolve(count);
      const left = pending.filter((w) => w.target > count);
      if (left.length) waiters.set(to, left);
      else waiters.delete(to);
    });
  });
  return {
    url,
    sentTo: (to) => sent.get(to) ?? 0,
    expect: (to, count, timeoutMs) =>
      new Promise((resolve, reject) => {
        const target = (sent.get(to) ?? 0) + count;
        if (count <= 0) return resolve(target);
        const timer = setTimeout(
          () => reject(new Error(`no ${count} WhatsApp replies to the customer within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const list = waiters.get(to) ?? [];
        list.push({
          target,
          resolve: (n) => {
            clearTimeout(timer);
            resolve(n);
          },
        });
        waiters.set(to, list);
      }),
    close: () => close(server),
  };
}
