import { I18nService } from '../../src/services/i18n/i18nService';
import type { HandoffEventMap } from '../../src/services/handoff/handoffEvents';
import { conversation, texts, TestApp } from '../support/testApp';
import { testMongoUri } from '../support/testDb';
import { startFakeBotConnector, FakeBotConnector } from '../services/handoff/support/fakeBotConnector';
import { api, createUser, startHandoffTestApp } from '../services/handoff/support/handoffTestApp';
import { waitFor } from '../services/whatsapp/metaPayloads';

const t = new I18nService('de').t('de');

/** Two instances of the service behind one load balancer, sharing nothing but the database. */
describe('two instances against one database', () => {
  let a: TestApp;
  let b: TestApp;
  let connector: FakeBotConnector;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    const mongoUri = testMongoUri('scaleout');
    const env = { ADMIN_CONTENT_POLL_MS: '200' };
    a = await startHandoffTestApp(env, mongoUri);
    b = await startHandoffTestApp(env, mongoUri);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await connector.close();
  });

  it('lets an agent on instance B take over a customer who is talking to instance A, both ways', async () => {
    const createdOnB: HandoffEventMap['created'][] = [];
    const messagesOnB: HandoffEventMap['customerMessage'][] = [];
    b.app.handoffs.events.on('created', (e) => void createdOnB.push(e));
    b.app.handoffs.events.on('customerMessage', (e) => void messagesOnB.push(e));
    const token = await createUser(a.baseUrl, 'Sabine Supervisor', 'supervisor');
    const onA = api(a.baseUrl, token);
    const onB = api(b.baseUrl, token);

    const chat = conversation(a.baseUrl, { channelId: 'webchat' });
    const extra = { serviceUrl: connector.serviceUrl };
    await chat.say('Hallo', extra);
    await chat.say('Das ist eine Frechheit, ich will sofort einen Mitarbeiter!!!', extra);
    const id = (await a.app.handoffs.conversationState(`webchat:${chat.id}`)).active!.id;

    // The queue event reaches the other instance (which would post the Teams card from there).
    await waitFor(() => createdOnB.some((e) => e.handoff.id === id), 'the created event on instance B');
    expect((await onB('/api/handoffs?status=queued')).body.items.map((i: { id: string }) => i.id)).toContain(id);

    // Claimed through B: one winner across both instances.
    expect((await onB(`/api/handoffs/${id}/claim`, { method: 'POST' })).status).toBe(200);
    expect((await onA(`/api/handoffs/${id}/claim`, { method: 'POST' })).status).toBe(409);
    await connector.waitFor(() =>
      connector.textsFor(chat.id).includes(t('handoff:claimed', { name: 'Sabine Supervisor' })),
    );

    // Agent -> customer through B reaches the customer's channel.
    expect(
      (await onB(`/api/handoffs/${id}/messages`, { method: 'POST', body: { text: 'Guten Tag, hier ist Sabine.' } }))
        .status,
    ).toBe(201);
    await connector.waitFor(() => connector.textsFor(chat.id).includes('Guten Tag, hier ist Sabine.'));

    // Customer -> agent through A: the bot stays silent and B sees the reply in the record and as an event.
    const silent = await chat.say('Danke, es geht um die Rechnung vom Mai.', extra);
    expect(silent.filter((x) => x.type === 'message')).toEqual([]);
    const record = (await onB(`/api/handoffs/${id}`)).body;
    expect(record.messages.map((m: { text: string }) => m.text)).toEqual(
      expect.arrayContaining(['Guten Tag, hier ist Sabine.', 'Danke, es geht um die Rechnung vom Mai.']),
    );
    await waitFor(
      () => messagesOnB.some((e) => e.handoffId === id && e.message.text === 'Danke, es geht um die Rechnung vom Mai.'),
      'the customer message event on instance B',
    );

    // Resolved through B: A sees it, and the customer is back with the bot on A.
    expect((await onB(`/api/handoffs/${id}/resolve`, { method: 'POST' })).status).toBe(200);
    expect((await onA(`/api/handoffs/${id}`)).body.status).toBe('resolved');
    await connector.waitFor(() => connector.textsFor(chat.id).includes(t('handoff:survey.question')));
    expect(texts(await chat.say('5', extra))).toBe(t('handoff:survey.thanks'));
  });

  it("refuses an agent's reply through one instance once the handoff was transferred or taken through the other", async () => {
    const agentOnA = api(a.baseUrl, await createUser(a.baseUrl, 'Tom Agent', 'agent'));
    const supervisorOnB = api(b.baseUrl, await createUser(a.baseUrl, 'Sabine Supervisor', 'supervisor'));
    const chat = conversation(a.baseUrl, { channelId: 'webchat' });
    const extra = { serviceUrl: connector.serviceUrl };
    await chat.say('Ich möchte bitte mit einem Mitarbeiter sprechen.', extra);
    const id = (await a.app.handoffs.conversationState(`webchat:${chat.id}`)).active!.id;
    const reply = (text: string) => agentOnA(`/api/handoffs/${id}/messages`, { method: 'POST', body: { text } });

    expect((await agentOnA(`/api/handoffs/${id}/claim`, { method: 'POST' })).status).toBe(200);
    expect((await reply('Guten Tag, hier ist Tom.')).status).toBe(201);
    // Instance A knows this handoff now; its next reply is checked by the write that records it.
    expect((await supervisorOnB(`/api/handoffs/${id}/transfer`, { method: 'POST', body: {} })).status).toBe(200);
    expect((await reply('Nach der Übergabe')).status).toBe(409);
    expect((await supervisorOnB(`/api/handoffs/${id}/claim`, { method: 'POST' })).status).toBe(200);
    expect((await reply('Bei der Supervisorin')).status).toBe(403);
    expect((await supervisorOnB(`/api/handoffs/${id}/resolve`, { method: 'POST' })).status).toBe(200);
    expect((await reply('Nach dem Abschluss')).status).toBe(409);

    await connector.waitFor(() => connector.textsFor(chat.id).includes('Guten Tag, hier ist Tom.'));
    const sent = connector.textsFor(chat.id);
    for (const refused of ['Nach der Übergabe', 'Bei der Supervisorin', 'Nach dem Abschluss'])
      expect(sent).not.toContain(refused);
    const lines = (await supervisorOnB(`/api/handoffs/${id}`)).body.messages.map((m: { text: string }) => m.text);
    expect(lines).toEqual(['Guten Tag, hier ist Tom.']);
  });

  it('applies a content change made through one instance on both', async () => {
    const admin = api(a.baseUrl, await createUser(a.baseUrl, 'Anna Admin', 'admin'));
    const changed = 'Bitte wählen Sie Ihr Anliegen:';
    const put = await admin('/api/admin/translations/de', {
      method: 'PUT',
      body: { conversation: { menu: { choose: changed } } },
    });
    expect(put.status).toBe(200);
    expect(texts(await conversation(a.baseUrl).say('Hallo'))).toContain(changed);
    // B learns of it by polling the content revision.
    await waitFor(
      async () => texts(await conversation(b.baseUrl).say('Hallo')).includes(changed),
      'the changed menu on instance B',
      5000,
    );
  });
});
