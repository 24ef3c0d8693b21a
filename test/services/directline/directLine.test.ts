import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from '../../support/testApp';
import { testMongoUri } from '../../support/testDb';
import { botMessages, call, DirectLineClient } from './directLineClient';

const COMPANY = 'Muster Telekom';

describe('local Direct Line 3.0 endpoint', () => {
  let t: TestApp;
  const mongoUri = testMongoUri('dl');
  beforeAll(async () => {
    t = await startTestApp({ COMPANY_NAME: COMPANY }, mongoUri);
  });
  afterAll(async () => {
    await t.close();
  });

  it('greets a new conversation in German with the menu as suggested actions', async () => {
    const chat = await DirectLineClient.start(t.baseUrl);
    const greeting = botMessages(await chat.poll());
    expect(greeting.length).toBeGreaterThan(0);
    expect(greeting.map((a) => a.text).join('\n')).toContain(COMPANY);
    expect(greeting[greeting.length - 1].suggestedActions?.actions.length).toBeGreaterThan(1);
    expect(chat.watermark).toMatch(/^\d+$/);
    // Nothing new since the watermark.
    expect(await chat.poll()).toEqual([]);
  });

  it('echoes the customer message with an id and its clientActivityID, then shows the answer', async () => {
    const chat = await DirectLineClient.start(t.baseUrl);
    await chat.poll();
    const id = await chat.say('Hallo', 'client-42');
    expect(id).toMatch(new RegExp(`^${chat.conversationId}\\|\\d{7}$`));
    const activities = await chat.poll();
    const echo = activities.find((a) => a.id === id);
    expect(echo?.channelData).toEqual({ clientActivityID: 'client-42' });
    expect(echo?.from?.role).toBe('user');
    // The sender comes from the token, never from the body.
    expect(echo?.from?.id).not.toBe('spoofed');
    expect(botMessages(activities.slice(activities.indexOf(echo!) + 1)).length).toBeGreaterThan(0);
  });

  it('an empty watermark returns the whole history, so a reload shows the conversation again', async () => {
    const chat = await DirectLineClient.start(t.baseUrl);
    await chat.poll();
    await chat.say('Hallo');
    const total = (
      await call(
        t.baseUrl,
        'GET',
        `/v3/directline/conversations/${chat.conversationId}/activities?watermark=`,
        chat.token,
      )
    ).json;
    const fromStart = (
      await call(t.baseUrl, 'GET', `/v3/directline/conversations/${chat.conversationId}/activities`, chat.token)
    ).json;
    expect((total.activities as unknown[]).length).toBeGreaterThan(2);
    expect(fromStart).toEqual(total);
  });

  it('resumes a conversation with a refreshed token', async () => {
    const chat = await DirectLineClient.start(t.baseUrl);
    await chat.say('Hallo');
    const refreshed = await call(t.baseUrl, 'POST', '/v3/directline/tokens/refresh', chat.token);
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.conversationId).toBe(chat.conversationId);
    const resumed = await call(
      t.baseUrl,
      'GET',
      `/v3/directline/conversations/${chat.conversationId}?watermark=`,
      refreshed.json.token as string,
    );
    expect(resumed.status).toBe(200);
    expect(resumed.json.conversationId).toBe(chat.conversationId);
    const again = new DirectLineClient(t.baseUrl, resumed.json.token as string, chat.conversationId);
    expect((await again.poll()).some((a) => a.text === 'Hallo')).toBe(true);
  });

  it('refuses requests without a token, with a forged token, or for another conversation', async () => {
    const a = await DirectLineClient.start(t.baseUrl);
    const b = await DirectLineClient.start(t.baseUrl);
    const path = `/v3/directline/conversations/${a.conversationId}/activities`;
    expect((await call(t.baseUrl, 'GET', path)).status).toBe(401);
    const [head, body] = a.token.split('.').slice(0, 2);
    expect((await call(t.baseUrl, 'GET', path, `${head}.${body}.AAAA${a.token.slice(-20)}`)).status).toBe(403);
    expect((await call(t.baseUrl, 'GET', path, 'not-a-token')).status).toBe(403);
    expect((await call(t.baseUrl, 'GET', path, b.token)).status).toBe(403);
    expect((await call(t.baseUrl, 'POST', path, b.token, { type: 'message', text: 'fremd' })).status).toBe(403);
    expect((await a.poll()).some((x) => x.text === 'fremd')).toBe(false);
  });

  it('answers bad input with 400 and stores nothing', async () => {
    const chat = await DirectLineClient.start(t.baseUrl);
    await chat.poll();
    const path = `/v3/directline/conversations/${chat.conversationId}/activities`;
    expect((await call(t.baseUrl, 'POST', path, chat.token, '{"type":')).status).toBe(400);
    expect((await call(t.baseUrl, 'POST', path, chat.token, { type: 'message', text: { $gt: '' } })).status).toBe(400);
    expect((await call(t.baseUrl, 'POST', path, chat.token, { type: 'invoke', name: 'x' })).status).toBe(400);
    expect((await call(t.baseUrl, 'GET', `${path}?watermark=abc`, chat.token)).status).toBe(400);
    expect(await chat.poll()).toEqual([]);
  });

  it('delivers a proactive message (an agent writing) into the polled conversation', async () => {
    const chat = await DirectLineClient.start(t.baseUrl);
    const greeting = await chat.poll();
    const reference = {
      channelId: greeting[0].channelId,
      serviceUrl: greeting[0].serviceUrl,
      conversation: greeting[0].conversation,
      user: { id: 'customer', name: '' },
      bot: greeting[0].from,
    };
    await t.app.customerMessenger.send(reference, [
      { type: 'message', text: 'Hier ist Frau Berger vom Kundenservice.' },
    ]);
    const pushed = botMessages(await chat.poll());
    expect(pushed.map((a) => a.text)).toEqual(['Hier ist Frau Berger vom Kundenservice.']);
  });

  it('a second instance on the same database accepts the token and serves the same conversation', async () => {
    const chat = await DirectLineClient.start(t.baseUrl);
    await chat.say('Hallo');
    const second = await startTestApp({ COMPANY_NAME: COMPANY }, mongoUri);
    try {
      const elsewhere = new DirectLineClient(second.baseUrl, chat.token, chat.conversationId);
      await elsewhere.say('Von der zweiten Instanz');
      // The first instance's idea of the log's end is now behind: its next append must not overwrite or skip.
      await chat.say('Wieder bei der ersten');
      const history = await new DirectLineClient(t.baseUrl, chat.token, chat.conversationId).poll();
      expect(history.filter((a) => a.from?.role === 'user').map((a) => a.text)).toEqual([
        'Hallo',
        'Von der zweiten Instanz',
        'Wieder bei der ersten',
      ]);
      const sequence = history.map((a) => Number(String(a.id).split('|')[1]));
      expect(sequence).toEqual(sequence.map((_, i) => i + 1));
    } finally {
      await second.close();
    }
  });

  it('keeps the conversation and accepts its token after a restart of the service', async () => {
    const chat = await DirectLineClient.start(t.baseUrl);
    await chat.say('Hallo');
    const before = (
      await call(
        t.baseUrl,
        'GET',
        `/v3/directline/conversations/${chat.conversationId}/activities?watermark=`,
        chat.token,
      )
    ).json;
    await t.close();
    t = await startTestApp({ COMPANY_NAME: COMPANY }, mongoUri);
    const after = await call(
      t.baseUrl,
      'GET',
      `/v3/directline/conversations/${chat.conversationId}/activities?watermark=`,
      chat.token,
    );
    expect(after.status).toBe(200);
    expect(after.json).toEqual(before);
  });
});

describe('Azure Direct Line (DIRECT_LINE_SECRET set)', () => {
  it('trades the secret for a token on the server; the secret never reaches the browser', async () => {
    const seen: { path: string; authorization: string; body: string }[] = [];
    const fake = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ path: req.url ?? '', authorization: String(req.headers.authorization), body });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ conversationId: 'AzureConv-1', token: 'azure-token-xyz', expires_in: 3600 }));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
    const secret = 'super-secret-direct-line-key';
    const t = await startTestApp({ DIRECT_LINE_SECRET: secret, DIRECT_LINE_URL: url });
    try {
      const res = await call(t.baseUrl, 'POST', '/api/webchat/token');
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ conversationId: 'AzureConv-1', token: 'azure-token-xyz' });
      expect(JSON.stringify(res.json)).not.toContain(secret);
      expect(seen).toHaveLength(1);
      expect(seen[0].path).toBe('/v3/directline/tokens/generate');
      expect(seen[0].authorization).toBe(`Bearer ${secret}`);
      const page = await fetch(`${t.baseUrl}/`);
      const html = await page.text();
      expect(html).not.toContain(secret);
      expect(html).toContain('data-mode="azure"');
      expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' https://127.0.0.1:`);
    } finally {
      await t.close();
      await new Promise<void>((resolve) => fake.close(() => resolve()));
    }
  });

  it('answers 503 when Azure does not hand out a token', async () => {
    const t = await startTestApp({ DIRECT_LINE_SECRET: 'x', DIRECT_LINE_URL: 'http://127.0.0.1:9' });
    try {
      const res = await call(t.baseUrl, 'POST', '/api/webchat/token');
      expect(res.status).toBe(503);
      expect(res.json).toEqual({ error: { code: 'DirectLineUnavailable', message: expect.any(String) } });
    } finally {
      await t.close();
    }
  });
});
