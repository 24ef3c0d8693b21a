import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { DirectLineTokens, TokenSecretSource } from '../../src/channels/directline/tokenService';
import { DirectLineAuthError } from '../../src/channels/directline/errors';
import { startTestApp, TestApp } from '../support/testApp';
import { call } from '../services/directline/directLineClient';
import { signatureFor } from '../../src/channels/whatsapp/signature';
import { APP_SECRET, textMessage, VERIFY_TOKEN, whatsappTestEnv } from '../services/whatsapp/metaPayloads';

const ADMIN = 'http-edges-admin-token';

/** JSON text nested `levels` deep: {"a":{"a":...}}. */
function deep(levels: number, leaf = '"x"'): string {
  return '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);
}

describe('HTTP edges an attacker pushes on', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({
      ADMIN_API_TOKEN: ADMIN,
      RATE_LIMIT_PER_MINUTE: '3',
      TRUST_PROXY: '1',
      ...whatsappTestEnv('http://127.0.0.1:9'),
    });
  });
  afterAll(() => test.close());

  const from = (address: string, token?: string) => ({
    'x-forwarded-for': address,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  const status = async (url: string, headers: Record<string, string>, method = 'GET') =>
    (await fetch(`${test.baseUrl}${url}`, { method, headers })).status;

  it('limits each customer behind the trusted proxy by their own address (TRUST_PROXY)', async () => {
    const a = [];
    for (let i = 0; i < 4; i++) a.push(await status('/v3/directline/tokens/generate', from('203.0.113.1'), 'POST'));
    expect(a).toEqual([200, 200, 200, 429]);
    // Another customer behind the same load balancer still gets through.
    expect(await status('/v3/directline/tokens/generate', from('203.0.113.2'), 'POST')).toBe(200);
  });

  it('counts made-up tokens against the anonymous limit of their address', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await status('/api/me', from('203.0.113.3', `made-up-${i}`)));
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('limits a verified caller as who they are, from any address, and leaves the address to others', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await status('/api/me', from(`203.0.113.${10 + i}`, ADMIN)));
    statuses.push(await status('/api/me', from('203.0.113.20', ADMIN)));
    expect(statuses).toEqual([200, 200, 200, 429]);
    // The addresses the admin used are not used up for anyone else.
    expect(await status('/api/me', from('203.0.113.10'))).toBe(401);
  });

  it('answers bodies nested 20,000 levels deep with 400, not 500 (webhook, Bot Framework, Direct Line)', async () => {
    const raw = JSON.stringify(textMessage('4915112345678', 'wamid.deep', 'x')).replace(
      '"text":{"body":"x"}',
      `"text":${deep(20000, '{"body":"x"}')}`,
    );
    const webhook = await fetch(`${test.baseUrl}/api/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureFor(APP_SECRET, raw) },
      body: raw,
    });
    expect(webhook.status).toBe(400);
    const messages = await fetch(`${test.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep(20000),
    });
    expect(messages.status).toBe(400);
    const generated = await fetch(`${test.baseUrl}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: from('203.0.113.30'),
    });
    const { token, conversationId } = (await generated.json()) as { token: string; conversationId: string };
    await call(test.baseUrl, 'POST', '/v3/directline/conversations', token, {});
    const activity = await fetch(`${test.baseUrl}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: `{"type":"event","name":"x","value":${deep(20000)}}`,
    });
    expect(activity.status).toBe(400);
    expect((await fetch(`${test.baseUrl}/healthz`)).status).toBe(200);
  });

  it('compares the WhatsApp verify token in constant time', async () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    try {
      const wrong = await fetch(
        `${test.baseUrl}/api/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN.slice(0, -1)}X&hub.challenge=42`,
      );
      expect(wrong.status).toBe(403);
      const right = await fetch(
        `${test.baseUrl}/api/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=42`,
      );
      expect(right.status).toBe(200);
      expect(await right.text()).toBe('42');
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('start settings that decide who may talk to the service', () => {
  it('serves on loopback only while Bot Framework authentication is off, and says so', () => {
    const local = loadConfig({ HOST: '0.0.0.0' });
    expect(local.host).toBe('127.0.0.1');
    expect(local.startWarnings.join('\n')).toMatch(/MicrosoftAppId/);
    expect(local.startWarnings.join('\n')).toMatch(/ALLOW_UNAUTHENTICATED/);
    const open = loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' });
    expect(open.host).toBe('0.0.0.0');
    expect(open.startWarnings.join('\n')).toMatch(/authentication is OFF/);
    const production = loadConfig({
      HOST: '0.0.0.0',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      TEAMS_TENANT_ID: 't',
      TEAMS_AGENT_TEAM_ID: '19:x',
    });
    expect(production.host).toBe('0.0.0.0');
    expect(production.startWarnings).toEqual([]);
  });

  it('turns the Teams agent side off without TEAMS_TENANT_ID and TEAMS_AGENT_TEAM_ID, and says what to set', () => {
    expect(loadConfig({}).startWarnings.join('\n')).toMatch(/TEAMS_TENANT_ID and TEAMS_AGENT_TEAM_ID/);
    expect(() => loadConfig({ TEAMS_TENANT_ID: 't' })).toThrow(/TEAMS_AGENT_TEAM_ID/);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });
});

describe('tokens and keys in the browser', () => {
  it('bounds the total lifetime of a Direct Line conversation however often its token is refreshed', async () => {
    let now = Date.UTC(2026, 0, 1);
    const secret = { get: async () => Buffer.from('k'.repeat(32)) } as unknown as TokenSecretSource;
    const tokens = new DirectLineTokens(secret, 1800, 7200, () => now, 3600);
    let issued = await tokens.issue('conv-1', 'dl_user');
    for (let minute = 25; minute < 60; minute += 25) {
      now += 25 * 60_000;
      const claims = await tokens.verify(`Bearer ${issued.token}`, { forRefresh: true });
      issued = await tokens.issue(claims.conversationId, claims.userId, claims.started);
    }
    // The last token ends with the lifetime, not 30 minutes after the last refresh.
    expect(issued.expires_in).toBeLessThanOrEqual(3600 - 50 * 60);
    now += 25 * 60_000;
    await expect(tokens.verify(`Bearer ${issued.token}`, { forRefresh: true })).rejects.toBeInstanceOf(
      DirectLineAuthError,
    );
  });

  it('keeps the agent desk key in sessionStorage, never in localStorage', () => {
    const script = readFileSync(path.join(__dirname, '../../public/agent/agent.js'), 'utf8');
    expect(script).not.toMatch(/localStorage\.setItem/);
    expect(script).toMatch(/sessionStorage\.setItem\(/);
  });
});
