import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorRequest {
  method: string;
  /** Decoded path, e.g. /v3/conversations/19:x@thread.skype;messageid=123/activities */
  path: string;
  body: Record<string, unknown>;
}

/**
 * A Bot Connector on loopback that records every request and answers like the real one:
 * POST /v3/conversations (new channel thread), POST .../activities[/{replyTo}], PUT .../activities/{id}.
 */
export class FakeConnector {
  readonly requests: ConnectorRequest[] = [];
  private server?: http.Server;
  private counter = 100;
  /** When set, POST /v3/conversations answers with this status (to test failed posts). */
  failCreate?: number;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]);
        let body: Record<string, unknown> = {};
        try {
          body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        } catch {
          body = { raw };
        }
        this.requests.push({ method: req.method ?? '', path, body });
        const send = (status: number, json: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(json));
        };
        if (req.method === 'POST' && path === '/v3/conversations') {
          if (this.failCreate)
            return send(this.failCreate, { error: { code: 'ServiceError', message: 'failed on purpose' } });
          const root = String(++this.counter);
          const channel = (body.channelData as { channel?: { id?: string } })?.channel?.id ?? '19:channel@thread.skype';
          return send(201, { id: `${channel};messageid=${root}`, activityId: root });
        }
        if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(path))
          return send(200, { id: `act-${++this.counter}` });
        if (req.method === 'PUT' && /^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/.test(path))
          return send(200, { id: path.split('/').pop() });
        send(404, { error: { code: 'NotFound', message: 'not faked' } });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Waits until a recorded request matches, or fails after timeoutMs. */
  async waitFor(
    match: (r: ConnectorRequest) => boolean,
    timeoutMs = 5000,
    what = 'a matching connector request',
  ): Promise<ConnectorRequest> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.requests.find(match);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what}; saw ${JSON.stringify(this.requests.map((r) => `${r.method} ${r.path}`))}`,
        );
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Texts of messages the bot posted (not updates). */
  postedTexts(): string[] {
    return this.requests
      .filter((r) => r.method === 'POST' && r.path.includes('/activities'))
      .map((r) => String(r.body.text ?? ''));
  }
}
