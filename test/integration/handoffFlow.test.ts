import { I18nService } from '../../src/services/i18n/i18nService';
import { conversation, texts, TestApp } from '../support/testApp';
import { startFakeBotConnector, FakeBotConnector } from '../services/handoff/support/fakeBotConnector';
import {
  ADMIN,
  api,
  createUser,
  handoffRequest,
  startHandoffTestApp,
} from '../services/handoff/support/handoffTestApp';

const t = new I18nService('de').t('de');

describe('an angry web customer is handed to a person and back', () => {
  let test: TestApp;
  let connector: FakeBotConnector;
  let supervisor: ReturnType<typeof api>;
  let agent: ReturnType<typeof api>;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    test = await startHandoffTestApp();
    supervisor = api(test.baseUrl, await createUser(test.baseUrl, 'Sabine Supervisor', 'supervisor'));
    agent = api(test.baseUrl, await createUser(test.baseUrl, 'Anton Agent', 'agent'));
  });
  afterAll(async () => {
    await test.close();
    await connector.close();
  });

  it('queues with priority and a masked transcript, relays both ways, keeps the bot silent, closes with one survey and a complete audit trail', async () => {
    const chat = conversation(test.baseUrl, { channelId: 'webchat' });
    const extra = { serviceUrl: connector.serviceUrl };
    await chat.say('Hallo', extra);
    await chat.say(
      'Meine Karte 4111 1111 1111 1111 wurde doppelt belastet, IBAN DE89 3704 0044 0532 0130 00, erreichbar unter 0171 1234567',
      extra,
    );
    const angry = await chat.say('Das ist eine Frechheit, ich will sofort einen Mitarbeiter!!!', extra);

    // The dialogs hand over; the bot tells the customer their place and raises handoff.initiate.
    const state = await test.app.handoffs.conversationState(`webchat:${chat.id}`);
    expect(state.active).toBeDefined();
    const id = state.active!.id;
    expect(texts(angry)).toContain(t('handoff:queued', { position: 1, count: 3 }));
    const initiate = angry.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
    expect(initiate?.value).toMatchObject({ handoffId: id });
    expect(JSON.stringify(initiate?.attachments)).toContain('Frechheit');

    const queue = await supervisor('/api/handoffs?status=queued');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const listed = queue.body.items.find((i: { id: string }) => i.id === id);
    expect(listed).toMatchObject({ priority: 1, needsSupervisor: true, position: 1, status: 'queued' });

    const shown = await agent(`/api/handoffs/${id}`);
    expect(shown.status).toBe(200);
    const transcript = JSON.stringify(shown.body.transcript);
    expect(transcript).toContain('Frechheit');
    expect(transcript).toContain('**** **** **** 1111');
    expect(transcript).not.toMatch(/4111 1111 1111 1111|DE89 3704 0044 0532 0130 00|0171 1234567/);
    expect(shown.body.summary.text).toMatch(/sehr aufgebracht/);

    // While queued, the bot acknowledges briefly and keeps the message for the agent.
    const queuedReply = texts(await chat.say('Hallo? Ist da jemand?', extra));
    expect(queuedReply).toBe(t('handoff:ackQueued', { position: 1 }));

    // An irate customer goes to a supervisor: a plain agent may not claim.
    expect((await agent(`/api/handoffs/${id}/claim`, { method: 'POST' })).status).toBe(403);
    const claim = await supervisor(`/api/handoffs/${id}/claim`, { method: 'POST' });
    expect(claim.status).toBe(200);
    expect(claim.body).toMatchObject({ status: 'assigned', agent: { name: 'Sabine Supervisor' } });
    expect((await supervisor(`/api/handoffs/${id}/claim`, { method: 'POST' })).status).toBe(409);
    await connector.waitFor(() =>
      connector.textsFor(chat.id).includes(t('handoff:claimed', { name: 'Sabine Supervisor' })),
    );
    await connector.waitFor(() =>
      connector
        .eventsFor(chat.id)
        .some((e) => e.name === 'handoff.status' && (e.value as { state: string }).state === 'accepted'),
    );

    const sent = await supervisor(`/api/handoffs/${id}/messages`, {
      method: 'POST',
      body: { text: 'Guten Tag, hier ist Sabine. Das klären wir jetzt gemeinsam.' },
    });
    expect(sent.status).toBe(201);
    expect(connector.textsFor(chat.id)).toContain('Guten Tag, hier ist Sabine. Das klären wir jetzt gemeinsam.');

    // The bot is silent while a person has the conversation; the reply lands in the record.
    const silent = await chat.say('Danke, die Buchung war am 3. Mai.', extra);
    expect(silent.filter((a) => a.type === 'message')).toEqual([]);
    const withReply = await supervisor(`/api/handoffs/${id}`);
    expect(withReply.body.messages.map((m: { text: string }) => m.text)).toEqual(
      expect.arrayContaining([
        'Hallo? Ist da jemand?',
        'Danke, die Buchung war am 3. Mai.',
        'Guten Tag, hier ist Sabine. Das klären wir jetzt gemeinsam.',
      ]),
    );

    expect(
      (await supervisor(`/api/handoffs/${id}/notes`, { method: 'POST', body: { text: 'Gutschrift veranlasst' } }))
        .status,
    ).toBe(201);
    const before = connector.textsFor(chat.id).length;
    const resolved = await supervisor(`/api/handoffs/${id}/resolve`, { method: 'POST' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    await connector.waitFor(() => connector.textsFor(chat.id).length >= before + 2);
    expect(connector.textsFor(chat.id).slice(before)).toEqual([t('handoff:resolved'), t('handoff:survey.question')]);
    expect(connector.textsFor(chat.id)).not.toContain('Gutschrift veranlasst');

    // Exactly one satisfaction question; the answer is stored and thanked for.
    expect(texts(await chat.say('5', extra))).toBe(t('handoff:survey.thanks'));
    const final = (await supervisor(`/api/handoffs/${id}`)).body;
    expect(final.survey.rating).toBe(5);
    expect(final.audit.map((a: { action: string }) => a.action)).toEqual([
      'created',
      'customer_message',
      'claimed',
      'agent_message',
      'customer_message',
      'note',
      'resolved',
      'survey_answered',
    ]);
    expect(final.audit.find((a: { action: string }) => a.action === 'claimed').by).toMatchObject({
      name: 'Sabine Supervisor',
      role: 'supervisor',
    });
    // Back with the bot: the next message is answered by the bot again.
    expect(texts(await chat.say('Hallo', extra))).not.toBe('');
  });

  it('lets a waiting customer ask for a callback, and another cancel and return to the bot', async () => {
    const first = conversation(test.baseUrl, { channelId: 'webchat' });
    await first.say('Hallo', { serviceUrl: connector.serviceUrl });
    await test.app.handoffs.requestHandoff(handoffRequest(connector.serviceUrl, { conversationId: first.id }));
    // On the web nobody knows the customer's number: the bot asks for a way to call back.
    expect(texts(await first.say('Rückruf bitte', { serviceUrl: connector.serviceUrl }))).toBe(
      `${t('handoff:callbackRecorded')}\n${t('handoff:contact.ask')}`,
    );
    const callback = (await test.app.handoffs.conversationState(`webchat:${first.id}`)).active!;
    expect(callback).toMatchObject({ mode: 'callback', callbackReason: 'customer_request', status: 'queued' });
    // The customer's second message of the wait: the other wording of the acknowledgement.
    expect(texts(await first.say('Am besten nachmittags', { serviceUrl: connector.serviceUrl }))).toBe(
      t('handoff:ackCallbackAgain'),
    );

    const second = conversation(test.baseUrl, { channelId: 'webchat' });
    await test.app.handoffs.requestHandoff(handoffRequest(connector.serviceUrl, { conversationId: second.id }));
    expect(texts(await second.say('abbrechen', { serviceUrl: connector.serviceUrl }))).toBe(t('handoff:cancelled'));
    const gone = await test.app.handoffs.conversationState(`webchat:${second.id}`);
    expect(gone.active).toBeUndefined();
    const back = texts(await second.say('Hallo', { serviceUrl: connector.serviceUrl }));
    expect(back).not.toBe('');
    expect(back).not.toContain(t('handoff:ackQueued', { position: 1 }));
  });

  it('does not ask for satisfaction when nobody helped, and sends no raw handoff events to Teams', async () => {
    const req = handoffRequest(connector.serviceUrl, { channel: 'msteams' });
    const ticket = await test.app.handoffs.requestHandoff(req);
    const conversationId = req.conversationReference.conversation!.id;
    expect((await supervisor(`/api/handoffs/${ticket.handoffId}/claim`, { method: 'POST' })).status).toBe(200);
    await connector.waitFor(() => connector.textsFor(conversationId).length === 1);
    expect(connector.eventsFor(conversationId)).toEqual([]);

    const unclaimed = await test.app.handoffs.requestHandoff(handoffRequest(connector.serviceUrl));
    const closed = await supervisor(`/api/handoffs/${unclaimed.handoffId}/resolve`, { method: 'POST' });
    expect(closed.status).toBe(200);
    expect(closed.body.survey).toBeUndefined();
  });

  it('answers bad ids, bad text and missing rights with short JSON errors', async () => {
    const admin = api(test.baseUrl, ADMIN);
    expect((await admin('/api/handoffs/0123456789abcdef01234567')).status).toBe(404);
    const notAnId = await admin('/api/handoffs/not-an-id');
    expect(notAnId.status).toBe(404);
    expect(notAnId.body.error.code).toBe('NotFound');
    expect((await admin('/api/handoffs/%24gt/claim', { method: 'POST' })).status).toBe(404);
    expect((await admin('/api/handoffs?status=%7B%22%24gt%22%3A%22%22%7D')).status).toBe(400);
    expect((await fetch(`${test.baseUrl}/api/handoffs`)).status).toBe(401);

    const ticket = await test.app.handoffs.requestHandoff(handoffRequest(connector.serviceUrl));
    expect(
      (await agent(`/api/handoffs/${ticket.handoffId}/messages`, { method: 'POST', body: { text: 'zu früh' } })).status,
    ).toBe(409);
    expect((await agent(`/api/handoffs/${ticket.handoffId}/claim`, { method: 'POST' })).status).toBe(200);
    for (const text of ['', '   ', 'x'.repeat(4001), { $gt: '' }, 42, undefined]) {
      const res = await agent(`/api/handoffs/${ticket.handoffId}/messages`, { method: 'POST', body: { text } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('InvalidInput');
    }
    expect(
      (await agent(`/api/handoffs/${ticket.handoffId}/messages`, { method: 'POST', body: { text: 'x'.repeat(4000) } }))
        .status,
    ).toBe(201);
    // Another agent may not write into a colleague's conversation; a supervisor may.
    const other = api(test.baseUrl, await createUser(test.baseUrl, 'Olga Other', 'agent'));
    expect(
      (await other(`/api/handoffs/${ticket.handoffId}/messages`, { method: 'POST', body: { text: 'Hallo' } })).status,
    ).toBe(403);
    expect((await other(`/api/handoffs/${ticket.handoffId}/resolve`, { method: 'POST' })).status).toBe(403);
    expect(
      (
        await supervisor(`/api/handoffs/${ticket.handoffId}/messages`, {
          method: 'POST',
          body: { text: 'Ich bin auch da.' },
        })
      ).status,
    ).toBe(201);
    const record = (await admin(`/api/handoffs/${ticket.handoffId}`)).body;
    expect(record.messages).toHaveLength(2);
  });
});
