import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Request, Response, Server } from 'restify';
import { createServer, jsonBody } from '../../src/http/server';
import { createLogger } from '../../src/services/logger';
import { Metrics } from '../../src/services/metrics';
import { TestAdapter, TurnContext } from 'botbuilder';
import { requestContextOf } from '../../src/http/accessLog';
import { bindTurnLogger, turnLogger } from '../../src/bots/turnContext';
import { underRequest } from '../../src/services/requestContext';
import {
  ADMIN,
  api,
  createUser,
  handoffRequest,
  startHandoffTestApp,
} from '../services/handoff/support/handoffTestApp';
import type { TestApp } from '../support/testApp';

/** The value of one sample line of a Prometheus text body, or undefined. */
function sample(body: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of body.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const matches = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (matches) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('metrics by Prometheus convention, on the real service', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startHandoffTestApp();
  });
  afterAll(() => test.close());

  const scrape = async () => (await fetch(`${test.baseUrl}/metrics`)).text();

  it('has a request histogram labelled with the route pattern, not the raw URL', async () => {
    const id = '0123456789abcdef01234567';
    expect((await api(test.baseUrl, ADMIN)(`/api/handoffs/${id}`)).status).toBe(404);
    const body = await scrape();
    expect(sample(body, 'http_request_duration_seconds_count', { route: '/api/handoffs/:id', status: '404' })).toBe(1);
    expect(
      sample(body, 'http_request_duration_seconds_bucket', { le: '+Inf', route: '/api/handoffs/:id', method: 'GET' }),
    ).toBe(1);
    expect(body).not.toContain(id);
  });

  it('exports the default Node metrics without a prefix', async () => {
    const body = await scrape();
    expect(body).toMatch(/^process_cpu_user_seconds_total /m);
    expect(body).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(body).not.toMatch(/^lotse_process_/m);
  });

  it('reports the database as up without anyone asking /readyz', async () => {
    expect(sample(await scrape(), 'lotse_database_up')).toBe(1);
  });

  it('counts created handoffs by reason and category and observes the wait when one is claimed', async () => {
    const agent = await createUser(test.baseUrl, 'Metrik Agentin', 'agent');
    const before = await scrape();
    const created = (labels: string) =>
      sample(before, 'lotse_handoffs_created_total', { reason: 'frustration', category: labels }) ?? 0;
    const waitsBefore = sample(before, 'lotse_handoff_wait_seconds_count') ?? 0;
    const ticket = await test.app.handoffs.requestHandoff(
      handoffRequest('http://127.0.0.1:9', { reason: 'frustration', category: 'billing' }),
    );
    expect((await api(test.baseUrl, agent)(`/api/handoffs/${ticket.handoffId}/claim`, { method: 'POST' })).status).toBe(
      200,
    );
    const after = await scrape();
    expect(sample(after, 'lotse_handoffs_created_total', { reason: 'frustration', category: 'billing' })).toBe(
      created('billing') + 1,
    );
    expect(sample(after, 'lotse_handoff_wait_seconds_count')).toBe(waitsBefore + 1);
  });

  it('echoes a plain incoming X-Request-Id and makes one for a missing or odd one', async () => {
    const honoured = await fetch(`${test.baseUrl}/healthz`, { headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(honoured.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const made = await fetch(`${test.baseUrl}/healthz`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await fetch(`${test.baseUrl}/healthz`, { headers: { 'x-request-id': 'a b\u00e4{}' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends helmet headers: HSTS, CORP, a CSP Teams may frame, and no X-Frame-Options', async () => {
    for (const path of ['/healthz', '/agent', '/']) {
      const res = await fetch(`${test.baseUrl}${path}`);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBeNull();
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/frame-ancestors [^;]*https:\/\/teams\.microsoft\.com/);
      expect(csp).not.toMatch(/upgrade-insecure-requests/);
    }
  });
});

describe('METRICS_TOKEN', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startHandoffTestApp({ METRICS_TOKEN: 'scrape-secret' });
  });
  afterAll(() => test.close());

  it('refuses /metrics without the bearer token and serves it with it', async () => {
    expect((await fetch(`${test.baseUrl}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${test.baseUrl}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${test.baseUrl}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/http_request_duration_seconds_bucket/);
  });
});

describe('request ids in the logs', () => {
  let server: Server;
  let baseUrl: string;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const logger = createLogger('info', sink);
    server = createServer({
      logger,
      metrics: new Metrics(false),
      isReady: () => true,
      modules: [
        {
          register(s: Server) {
            // A turn the route runs under its request, as the message routes do: the turn's
            // logger, made after the body arrived and after awaiting something, is the request's.
            s.post('/work', jsonBody, async (req: Request, res: Response) => {
              const context = new TurnContext(new TestAdapter(), { type: 'message', text: 'x' });
              await underRequest(requestContextOf(req), async (turn) => {
                bindTurnLogger(turn, logger, { conversationId: 'c-1' });
                await new Promise((resolve) => setImmediate(resolve));
                turnLogger(turn, logger).info('turn step');
              })(context);
              res.send(200, { ok: true });
            });
          },
        },
      ],
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.server.closeAllConnections();
    await closed;
  });

  it('carries the request id into what the request logs and writes one access line without the query', async () => {
    const res = await fetch(`${baseUrl}/work?t=secret-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-abc' },
      body: JSON.stringify({ text: 'x'.repeat(100_000) }),
    });
    expect(res.status).toBe(200);
    const access = () => lines.find((l) => l.msg === 'request completed' && l.reqId === 'req-abc');
    for (let i = 0; i < 100 && !access(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lines.find((l) => l.msg === 'turn step')).toMatchObject({ reqId: 'req-abc', conversationId: 'c-1' });
    expect(access()).toMatchObject({ req: { method: 'POST', url: '/work' }, res: { statusCode: 200 } });
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });
});
