import type { Activity } from 'botbuilder';
import { startTestApp, TestApp } from '../../support/testApp';
import { testMongoUri } from '../../support/testDb';
import { botMessages, call, DirectLineClient } from './directLineClient';
import { StreamClient } from './streamClient';

const COMPANY = 'Muster Telekom';

/** Starts a conversation the way Direct Line JS does and returns its answer, stream URL included. */
async function startConversation(baseUrl: string) {
  const generated = await call(baseUrl, 'POST', '/v3/directline/tokens/generate');
  const started = await call(baseUrl, 'POST', '/v3/directline/conversations', generated.json.token as string, {
    locale: 'de-DE',
  });
  expect(started.status).toBe(201);
  const client = new DirectLineClient(baseUrl, started.json.token as string, started.json.conversationId as string);
  return { generated: generated.json, started: started.json, client };
}

const userTexts = (activities: Partial<Activity>[]) =>
  activities.filter((a) => a.type === 'message' && a.from?.role === 'user').map((a) => a.text);

describe('local Direct Line streams (WebSocket)', () => {
  let t: TestApp;
  const mongoUri = testMongoUri('dlstream');
  const open: StreamClient[] = [];
  const stream = async (url: string) => {
    const client = await StreamClient.open(url);
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp({ COMPANY_NAME: COMPANY }, mongoUri);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await t.close();
  });

  it('hands out an absolute stream URL on the host the client called, with tokens and conversations', async () => {
    const { generated, started } = await startConversation(t.baseUrl);
    const host = new URL(t.baseUrl).host;
    for (const url of [generated.streamUrl, started.streamUrl]) {
      expect(typeof url).toBe('string');
      const parsed = new URL(url as string);
      expect(parsed.protocol).toBe('ws:');
      expect(parsed.host).toBe(host);
      expect(parsed.pathname).toBe(`/v3/directline/conversations/${started.conversationId as string}/stream`);
    }
    const refreshed = await call(t.baseUrl, 'POST', '/v3/directline/tokens/refresh', started.token as string);
    expect(new URL(refreshed.json.streamUrl as string).host).toBe(host);
    // The URL carries a ticket, never the bearer token itself.
    expect(started.streamUrl as string).not.toContain(started.token as string);
  });

  it('sends the greeting with a watermark, then the echo and the answer to a posted message', async () => {
    const { started, client } = await startConversation(t.baseUrl);
    const s = await stream(started.streamUrl as string);
    await s.waitFor((c) => botMessages(c.activities).length > 0);
    expect(botMessages(s.activities)[0].text).toContain(COMPANY);
    expect(s.watermark).toMatch(/^\d+$/);

    const seen = s.activities.length;
    const id = await client.say('Hallo', 'echo-1');
    await s.waitFor((c) => botMessages(c.activities.slice(seen + 1)).length > 0);
    const echo = s.activities.find((a) => a.id === id);
    expect(echo?.channelData).toEqual({ clientActivityID: 'echo-1' });
    // The stream and a poll tell the same history.
    expect((await client.poll()).map((a) => a.id)).toEqual(s.activities.map((a) => a.id));
  });

  it('resumes after a lost socket from the last watermark: nothing missed, nothing twice', async () => {
    const { started, client } = await startConversation(t.baseUrl);
    const first = await stream(started.streamUrl as string);
    await first.waitFor((c) => botMessages(c.activities).length > 0);
    const watermark = first.watermark;
    const before = first.activities.map((a) => a.id);
    await first.close();

    await client.say('Rechnung');
    const again = await call(
      t.baseUrl,
      'GET',
      `/v3/directline/conversations/${client.conversationId}?watermark=${watermark}`,
      client.token,
    );
    expect(again.status).toBe(200);
    const second = await stream(again.json.streamUrl as string);
    await second.waitFor((c) => userTexts(c.activities).includes('Rechnung') && botMessages(c.activities).length > 0);
    expect(second.activities.some((a) => before.includes(a.id))).toBe(false);
    expect(Number(second.watermark)).toBeGreaterThan(Number(watermark));
  });

  it('refuses a stream without a valid ticket for that conversation', async () => {
    const a = await startConversation(t.baseUrl);
    const b = await startConversation(t.baseUrl);
    const urlA = new URL(a.started.streamUrl as string);
    const ticketB = new URL(b.started.streamUrl as string).searchParams.get('t')!;
    const refused = (url: string) =>
      StreamClient.open(url).then(
        () => 0,
        (err: { status?: number }) => err.status,
      );
    urlA.searchParams.set('t', ticketB);
    expect(await refused(urlA.toString())).toBe(403);
    urlA.searchParams.set('t', a.started.token as string);
    expect(await refused(urlA.toString())).toBe(403);
    urlA.searchParams.delete('t');
    expect(await refused(urlA.toString())).toBe(403);
    expect(await refused(`${t.baseUrl.replace('http', 'ws')}/v3/directline/elsewhere`)).toBe(404);
  });

  it('a repeated post (same clientActivityID) is stored once and answered once', async () => {
    const { client } = await startConversation(t.baseUrl);
    const greeting = await client.poll();
    const firstId = await client.say('Ich habe eine Frage zu meiner Rechnung', 'same-1');
    const answers = botMessages(await client.poll()).length;
    const secondId = await client.say('Ich habe eine Frage zu meiner Rechnung', 'same-1');
    expect(secondId).toBe(firstId);
    const history = (
      await call(
        t.baseUrl,
        'GET',
        `/v3/directline/conversations/${client.conversationId}/activities?watermark=`,
        client.token,
      )
    ).json.activities as Partial<Activity>[];
    expect(userTexts(history)).toEqual(['Ich habe eine Frage zu meiner Rechnung']);
    expect(botMessages(history).length).toBe(botMessages(greeting).length + answers);
  });

  it('passes the bot typing to the open stream, and keeps it out of the stored history', async () => {
    const { started, client } = await startConversation(t.baseUrl);
    const s = await stream(started.streamUrl as string);
    await s.waitFor((c) => botMessages(c.activities).length > 0);
    const greeting = botMessages(s.activities)[0];
    await t.app.customerMessenger.send(
      {
        channelId: greeting.channelId,
        serviceUrl: greeting.serviceUrl,
        conversation: greeting.conversation,
        user: greeting.recipient,
        bot: greeting.from,
      },
      [{ type: 'typing' }],
    );
    await s.waitFor((c) => c.activities.some((a) => a.type === 'typing'));
    const typing = s.sets.find((set) => set.activities.some((a) => a.type === 'typing'))!;
    expect(typing.activities[0].from?.role).toBe('bot');
    expect(typing.watermark).toBeUndefined();
    expect((await client.poll()).some((a) => a.type === 'typing')).toBe(false);
    // The customer's own typing is accepted and not echoed back to the page.
    const posted = await client.post({ type: 'typing' });
    expect(posted.status).toBe(200);
    expect(s.activities.filter((a) => a.type === 'typing').length).toBe(1);
  });

  it('shows what another instance stored, and the stream of a stopping instance closes so the page moves on', async () => {
    const { started, client } = await startConversation(t.baseUrl);
    const second = await startTestApp({ COMPANY_NAME: COMPANY }, mongoUri);
    try {
      const onSecond = await stream(
        (
          await call(
            second.baseUrl,
            'GET',
            `/v3/directline/conversations/${client.conversationId}?watermark=`,
            client.token,
          )
        ).json.streamUrl as string,
      );
      await onSecond.waitFor((c) => botMessages(c.activities).length > 0);
      const onFirst = await stream(started.streamUrl as string);
      await client.say('Von der ersten Instanz');
      await onSecond.waitFor((c) => userTexts(c.activities).includes('Von der ersten Instanz'));
      await onFirst.waitFor((c) => userTexts(c.activities).includes('Von der ersten Instanz'));
      await second.close();
      await onSecond.waitFor((c) => c.closed !== undefined).catch(() => undefined);
      expect(onSecond.closed?.code).toBe(1001);
    } finally {
      await second.close().catch(() => undefined);
    }
  });
});
