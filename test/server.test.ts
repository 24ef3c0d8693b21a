import { startTestApp, TestApp } from './support/testApp';

describe('HTTP edge behaviour', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5', ADMIN_API_TOKEN: 'x-admin' });
  });
  afterAll(() => test.close());

  it('answers an unknown route with a short JSON 404', async () => {
    const res = await fetch(`${test.baseUrl}/no/such/route`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/json/);
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const bad = await fetch(`${test.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(bad.status).toBe(400);
    const huge = await fetch(`${test.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x'.repeat(600 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect((await fetch(`${test.baseUrl}/healthz`)).status).toBe(200);
  });

  it('sends security headers on every response', async () => {
    const res = await fetch(`${test.baseUrl}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors [^;]*teams\.microsoft\.com/);
  });

  it('limits a client that floods the API with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(`${test.baseUrl}/api/me`)).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // Health checks are never limited.
    expect((await fetch(`${test.baseUrl}/healthz`)).status).toBe(200);
  });

  it('serves Prometheus metrics', async () => {
    const res = await fetch(`${test.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/lotse_http_requests_total/);
  });
});
