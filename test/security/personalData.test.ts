import { randomUUID } from 'node:crypto';
import { maskSensitive } from '../../src/services/privacy/masking';
import { freePort } from '../../src/services/database/localMongoServer';
import { startServiceProcess } from '../support/serviceProcess';
import { conversation, startTestApp, TestApp } from '../support/testApp';
import { testMongoUri } from '../support/testDb';
import { call, DirectLineClient } from '../services/directline/directLineClient';
import { startFakeGraphApi, FakeGraphApi } from '../services/whatsapp/fakeGraphApi';
import { postWebhook, statusUpdate, textMessage, waitFor, whatsappTestEnv } from '../services/whatsapp/metaPayloads';

const ADMIN = 'personal-data-admin-token';
const CARD = '4111 1111 1111 1111';
const IBAN = 'DE89 3704 0044 0532 0130 00';
const PHONE = '0151 23456789';
const MESSAGE = `Meine Karte ${CARD} wurde doppelt belastet, mein Konto ist ${IBAN}, rufen Sie mich bitte unter ${PHONE} an.`;
/** Every way the three could be written down. */
const FORBIDDEN = [CARD, CARD.replace(/ /g, ''), IBAN, IBAN.replace(/ /g, ''), PHONE, PHONE.replace(/ /g, '')];

describe('personal data the bot says it does not keep', () => {
  let test: TestApp;
  let graph: FakeGraphApi;
  const admin = (path: string, method = 'GET') =>
    fetch(`${test.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${ADMIN}` } });

  beforeAll(async () => {
    graph = await startFakeGraphApi();
    test = await startTestApp({ ADMIN_API_TOKEN: ADMIN, RATE_LIMIT_PER_MINUTE: '0', ...whatsappTestEnv(graph.url) });
  });
  afterAll(async () => {
    await test?.close();
    await graph?.close();
  });

  it('stores no card number, IBAN or phone number in any collection after a conversation on every channel', async () => {
    const db = test.app.database.connection;
    // The web page (local Direct Line), WhatsApp and a Bot Framework channel.
    const web = await DirectLineClient.start(test.baseUrl);
    await web.say(MESSAGE);
    const waId = '4917000000001';
    const wamid = `wamid.${randomUUID()}`;
    expect((await postWebhook(test.baseUrl, textMessage(waId, wamid, MESSAGE))).status).toBe(200);
    const framework = conversation(test.baseUrl, { channelId: 'webchat' });
    await framework.say(MESSAGE);
    await waitFor(
      async () => (await db.collection('whatsapp_inbound').findOne({ _id: wamid as never }))?.status === 'done',
      'the WhatsApp message processed',
    );
    // Transcript lines are written behind the answers: wait until all three conversations have theirs.
    await waitFor(async () => (await db.collection('transcripts').countDocuments()) >= 3, 'three transcripts');

    const found: string[] = [];
    for (const { name } of await db.db!.listCollections().toArray()) {
      for (const doc of await db.collection(name).find().toArray()) {
        const text = JSON.stringify(doc);
        for (const value of FORBIDDEN)
          if (text.includes(value)) found.push(`${name}: ${value} in ${text.slice(0, 200)}`);
      }
    }
    expect(found).toEqual([]);

    // What is kept is the masked text, as the transcript shows it.
    const stored = await db.collection('directline_activities').find({ conversationId: web.conversationId }).toArray();
    const texts = stored.map((d) => (JSON.parse(String(d.data)) as { text?: string }).text);
    expect(texts).toContain(maskSensitive(MESSAGE));
    const inbound = await db.collection('whatsapp_inbound').findOne({ _id: wamid as never });
    expect(JSON.parse(String(inbound?.raw)).text.body).toBe(maskSensitive(MESSAGE));
    expect(inbound?.sealed).toBeUndefined();
  });

  it('finds a web customer’s transcript and complaint by their id, exports and erases them', async () => {
    const userId = `web-user-${randomUUID().slice(0, 8)}`;
    const chat = conversation(test.baseUrl, { channelId: 'webchat', userId });
    await chat.say('Hallo');
    await chat.say('Ich möchte eine Beschwerde einreichen.');
    const replies = await chat.say('Ihr Mitarbeiter an der Hotline war gestern sehr unfreundlich zu mir.');
    const reference = replies
      .map((r) => r.text ?? '')
      .join('\n')
      .match(/BE-[A-Z0-9-]+/)?.[0];
    expect(reference).toBeDefined();
    await chat.say('Nein');
    const db = test.app.database.connection;
    const key = `webchat:${chat.id}`;
    await waitFor(
      async () => (await db.collection('transcripts').findOne({ _id: key as never })) !== null,
      'the transcript',
    );

    const exported = await admin(`/api/admin/customers/${userId}/export`);
    expect(exported.status).toBe(200);
    const body = (await exported.json()) as {
      conversations: string[];
      data: Record<string, { _id: unknown; reference?: string }[]>;
    };
    expect(body.conversations).toContain(key);
    expect(body.data.transcripts?.map((d) => d._id)).toContain(key);
    expect(body.data.servicerequests?.map((d) => d.reference)).toContain(reference);

    expect((await admin(`/api/admin/customers/${userId}`, 'DELETE')).status).toBe(200);
    expect(await db.collection('transcripts').findOne({ _id: key as never })).toBeNull();
    const complaint = await db.collection('servicerequests').findOne({ reference });
    expect(complaint?.details).toEqual({});
    expect(complaint?.conversationKey).not.toBe(key);
  });

  it('revokes an erased web customer’s Direct Line token at once', async () => {
    const web = await DirectLineClient.start(test.baseUrl);
    await web.say('Hallo');
    const userId = (
      await test.app.database.connection
        .collection('directline_conversations')
        .findOne({ _id: web.conversationId as never })
    )?.userId as string;
    expect((await admin(`/api/admin/customers/${userId}`, 'DELETE')).status).toBe(200);
    expect((await web.post({ type: 'message', text: 'Noch da?' })).status).toBe(403);
    expect((await call(test.baseUrl, 'POST', '/v3/directline/tokens/refresh', web.token)).status).toBe(403);
    expect((await call(test.baseUrl, 'POST', '/v3/directline/conversations', web.token, {})).status).toBe(403);
  });
});

describe('WhatsApp numbers in the log', () => {
  it('never writes a customer’s number in clear, whatever logs it', async () => {
    const graph = await startFakeGraphApi();
    const port = await freePort();
    const mongoUri = testMongoUri('walog');
    const service = await startServiceProcess(
      { MONGODB_URI: mongoUri, LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', ...whatsappTestEnv(graph.url) },
      port,
    );
    try {
      const waId = '4917612345678';
      const body = textMessage(waId, `wamid.${randomUUID()}`, 'Hallo');
      expect((await postWebhook(service.baseUrl, body)).status).toBe(200);
      await waitFor(() => graph.requests.some((r) => r.body.to === waId), 'the answer on WhatsApp', 20000);
      // Meta redelivers, and reports a failed delivery: both are logged.
      expect((await postWebhook(service.baseUrl, body)).status).toBe(200);
      const failed = statusUpdate('wamid.out-1', waId, 'failed') as {
        entry: { changes: { value: { statuses: Record<string, unknown>[] } }[] }[];
      };
      failed.entry[0].changes[0].value.statuses[0].errors = [{ code: 131047, title: 'Re-engagement message' }];
      expect((await postWebhook(service.baseUrl, failed)).status).toBe(200);
      await waitFor(
        () => /failed delivery/.test(service.output()) && /redelivered/.test(service.output()),
        'the log lines',
        10000,
      );
      expect(service.output()).not.toContain(waId);
    } finally {
      await service.stop();
      await graph.close();
    }
  }, 90000);
});
