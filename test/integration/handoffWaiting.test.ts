import { I18nService } from '../../src/services/i18n/i18nService';
import { KnowledgeBase } from '../../src/services/knowledge/knowledgeBase';
import { createLogger } from '../../src/services/logger';
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

describe('a waiting customer is heard (team on duty)', () => {
  let test: TestApp;
  let connector: FakeBotConnector;
  let supervisor: ReturnType<typeof api>;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    test = await startHandoffTestApp();
    supervisor = api(test.baseUrl, await createUser(test.baseUrl, 'Sabine Supervisor', 'supervisor'));
  });
  afterAll(async () => {
    await test.close();
    await connector.close();
  });

  /** A web customer already waiting in the live queue, as a dialog would have put them there. */
  async function waiting(overrides: Parameters<typeof handoffRequest>[1] = {}) {
    const chat = conversation(test.baseUrl, { channelId: 'webchat' });
    const ticket = await test.app.handoffs.requestHandoff(
      handoffRequest(connector.serviceUrl, { conversationId: chat.id, ...overrides }),
    );
    const say = async (text: string) => texts(await chat.say(text, { serviceUrl: connector.serviceUrl }));
    return { chat, id: ticket.handoffId, say };
  }

  it('through the dialogs: a supervisor request at the start reaches a supervisor, announced with position and estimate', async () => {
    const chat = conversation(test.baseUrl, { channelId: 'webchat' });
    const reply = texts(
      await chat.say('Ich möchte sofort Ihren Vorgesetzten sprechen', { serviceUrl: connector.serviceUrl }),
    );
    const record = (await test.app.handoffs.conversationState(`webchat:${chat.id}`)).active!;
    expect(record.needsSupervisor).toBe(true);
    const ticket = await test.app.handoffs.ticketFor(record);
    expect(reply).toContain(t('handoff:queued', { position: ticket.position, count: ticket.estimatedWaitMinutes }));
    // Said once, after the record: nothing before it promised a connection.
    expect(reply.match(/verbinde/g)).toHaveLength(1);
  });

  it('answers "wie lange noch" with position and estimate, in the right plural', async () => {
    const { id, say } = await waiting();
    const record = await test.app.handoffs.get(id);
    const position = await test.app.handoffs.positionOf(record);
    const minutes = await test.app.handoffs.estimateMinutes(position);
    expect(await say('Wie lange dauert das noch?')).toBe(t('handoff:howLong', { position, count: minutes }));
    expect(t('handoff:howLong', { position: 1, count: 1 })).toContain('etwa 1 Minute.');
  });

  it('upgrades the handoff for a supervisor request, and the agent reads why', async () => {
    const { id, say } = await waiting();
    const reply = await say('Ich möchte sofort Ihren Vorgesetzten sprechen');
    expect(reply.startsWith(t('handoff:heard.supervisor'))).toBe(true);
    const record = (await supervisor(`/api/handoffs/${id}`)).body;
    expect(record.needsSupervisor).toBe(true);
    expect(record.priority).toBeLessThan(3);
    const upgraded = record.audit.find((a: { action: string }) => a.action === 'upgraded');
    expect(upgraded.detail).toBe(t('agent:upgrade.supervisor'));
    // The message itself is passed to the agent as well.
    expect(record.messages.map((m: { text: string }) => m.text)).toContain(
      'Ich möchte sofort Ihren Vorgesetzten sprechen',
    );
  });

  it('hears "Ich kündige!" and "Ich brauche JETZT Hilfe" specifically and raises the priority', async () => {
    const angry = await waiting();
    expect((await angry.say('Ich kündige!')).startsWith(t('handoff:heard.cancellation'))).toBe(true);
    expect(await test.app.handoffs.get(angry.id)).toMatchObject({ priority: 1, needsSupervisor: true });

    const hurried = await waiting();
    const reply = await hurried.say('Ich brauche JETZT Hilfe');
    expect(reply.startsWith(t('handoff:heard.urgency'))).toBe(true);
    expect((await test.app.handoffs.get(hurried.id)).priority).toBe(2);
    expect(reply).not.toContain(t('handoff:ackQueued', { position: 1 }).slice(0, 20));
  });

  it('hears irate anger while waiting as a reason for a supervisor', async () => {
    const { id, say } = await waiting();
    const reply = await say('Das ist eine absolute Frechheit, seit einer Stunde warte ich, ihr seid unfähig!!!');
    expect(reply.startsWith(t('handoff:heard.frustration'))).toBe(true);
    expect(await test.app.handoffs.get(id)).toMatchObject({ priority: 1, needsSupervisor: true });
  });

  it('answers a question the knowledge base knows and keeps the place', async () => {
    const question = 'Wann wird meine Rechnung abgebucht?';
    const result = await new KnowledgeBase(test.app.database.connection, createLogger('silent')).search(question, 'de');
    expect(result.confident).toBe(true);
    const { id, say } = await waiting();
    const reply = await say(question);
    const position = await test.app.handoffs.positionOf(await test.app.handoffs.get(id));
    expect(reply).toBe(`${result.best!.text}\n${t('handoff:status.kept', { position })}`);
    expect((await test.app.handoffs.get(id)).status).toBe('queued');
  });

  it('asks on a goodbye whether to keep the place, and keeps it or cancels', async () => {
    const keeper = await waiting();
    expect(await keeper.say('Tschüss')).toBe(t('handoff:leaveQuestion'));
    expect(await keeper.say('behalten')).toBe(t('handoff:leaveKept'));
    expect((await test.app.handoffs.get(keeper.id)).status).toBe('queued');

    const leaver = await waiting();
    expect(await leaver.say('Auf Wiedersehen')).toBe(t('handoff:leaveQuestion'));
    expect(await leaver.say('nein')).toBe(t('handoff:cancelled'));
    expect((await test.app.handoffs.get(leaver.id)).status).toBe('cancelled');
  });

  it('explains a position that went up: an urgent case came first', async () => {
    const normal = await waiting();
    await test.app.handoffs.requestHandoff(
      handoffRequest(connector.serviceUrl, { category: 'lost_or_stolen', reason: 'urgent' }),
    );
    await test.app.handoffs.store.model.updateOne(
      { _id: normal.id },
      { $set: { nextUpdateAt: new Date(0), lastPositionSent: 1 } },
    );
    test.app.handoffs.invalidateQueueSnapshot();
    await test.app.handoffs.sweepOnce();
    const position = await test.app.handoffs.positionOf(await test.app.handoffs.get(normal.id));
    expect(position).toBeGreaterThan(1);
    await connector.waitFor(() =>
      connector
        .textsFor(normal.chat.id)
        .some((text) => text.startsWith(t('handoff:updateMovedBack', { position, count: 1000 }).split('1000')[0])),
    );
  });

  it('never acknowledges with the same line twice in a row', async () => {
    const { id, say } = await waiting();
    const position = await test.app.handoffs.positionOf(await test.app.handoffs.get(id));
    const replies = [await say('Hallo?'), await say('Ist da jemand?'), await say('Hallo???')];
    expect(replies).toEqual([
      t('handoff:ackQueued', { position }),
      t('handoff:ackQueuedAgain', { position }),
      t('handoff:ackQueued', { position }),
    ]);
  });

  it('takes a phone number written while waiting as a callback wish to that number', async () => {
    const { id, say } = await waiting();
    expect(await say('0171 2345678')).toBe(
      [t('handoff:callbackRecorded'), t('handoff:contact.phoneSaved', { tail: '678' })].join('\n'),
    );
    const record = await test.app.handoffs.get(id);
    expect(record).toMatchObject({
      mode: 'callback',
      callbackReason: 'customer_request',
      contact: { phone: '01712345678' },
    });
  });

  it('passes a customer number written while waiting on to the agent, the place kept', async () => {
    const { id, say } = await waiting();
    expect(await say('Meine Kundennummer ist 0123456789')).not.toContain(t('handoff:callbackRecorded'));
    const record = await test.app.handoffs.get(id);
    expect(record.mode).toBe('live');
    expect(record.contact?.phone).toBeUndefined();
    expect(record.messages.filter((m) => m.from === 'customer')).toHaveLength(1);
  });

  it('explains a moved-back position when the customer writes, once', async () => {
    const normal = await waiting();
    await test.app.handoffs.requestHandoff(
      handoffRequest(connector.serviceUrl, { category: 'lost_or_stolen', reason: 'urgent' }),
    );
    test.app.handoffs.invalidateQueueSnapshot();
    const position = await test.app.handoffs.positionOf(await test.app.handoffs.get(normal.id));
    expect(await normal.say('Hallo? Ist da jemand?')).toBe(t('handoff:ackQueuedMovedBack', { position }));
    // The customer's second message: the other wording of the acknowledgement, without the explanation.
    expect(await normal.say('Hallo?')).toBe(t('handoff:ackQueuedAgain', { position }));
  });

  it('takes a rating in words, thanks politely, and says goodbye instead of greeting again', async () => {
    const rated = await waiting();
    expect((await supervisor(`/api/handoffs/${rated.id}/claim`, { method: 'POST' })).status).toBe(200);
    expect((await supervisor(`/api/handoffs/${rated.id}/resolve`, { method: 'POST' })).status).toBe(200);
    expect(await rated.say('war super, danke')).toBe(t('handoff:survey.thanks'));
    expect((await test.app.handoffs.get(rated.id)).survey?.rating).toBe(5);

    const unhappy = await waiting();
    await supervisor(`/api/handoffs/${unhappy.id}/claim`, { method: 'POST' });
    await supervisor(`/api/handoffs/${unhappy.id}/resolve`, { method: 'POST' });
    expect(await unhappy.say('ging so')).toBe(t('handoff:survey.thanks'));
    expect((await test.app.handoffs.get(unhappy.id)).survey?.rating).toBe(3);

    const leaving = await waiting();
    await supervisor(`/api/handoffs/${leaving.id}/claim`, { method: 'POST' });
    await supervisor(`/api/handoffs/${leaving.id}/resolve`, { method: 'POST' });
    expect(await leaving.say('Danke, tschüss')).toBe(t('handoff:survey.goodbye'));
  });

  it('greets a customer coming back after a resolved handoff without the full welcome', async () => {
    const chat = conversation(test.baseUrl, { channelId: 'webchat' });
    const extra = { serviceUrl: connector.serviceUrl };
    const welcome = t('conversation:greeting.welcome', { salutation: '', company: '\u0001', bot: '' }).split(
      '\u0001',
    )[0];
    expect(texts(await chat.say('Hallo', extra))).toContain(welcome);
    const ticket = await test.app.handoffs.requestHandoff(
      handoffRequest(connector.serviceUrl, { conversationId: chat.id }),
    );
    await supervisor(`/api/handoffs/${ticket.handoffId}/claim`, { method: 'POST' });
    await supervisor(`/api/handoffs/${ticket.handoffId}/resolve`, { method: 'POST' });
    expect(texts(await chat.say('5', extra))).toBe(t('handoff:survey.thanks'));
    const back = texts(await chat.say('Hallo', extra));
    expect(back).not.toBe('');
    expect(back).not.toContain(welcome);
  });

  it('never shows "Admin" to a customer: the bootstrap admin writes as the customer service', async () => {
    const { id, chat } = await waiting();
    const admin = api(test.baseUrl, ADMIN);
    expect((await admin(`/api/handoffs/${id}/claim`, { method: 'POST' })).status).toBe(200);
    expect(
      (
        await admin(`/api/handoffs/${id}/messages`, {
          method: 'POST',
          body: { text: 'Guten Tag, wie kann ich helfen?' },
        })
      ).status,
    ).toBe(201);
    await connector.waitFor(() => connector.textsFor(chat.id).includes('Guten Tag, wie kann ich helfen?'));
    expect(connector.textsFor(chat.id)).toContain(t('handoff:claimedNoName'));
    expect(connector.textsFor(chat.id).join('\n')).not.toMatch(/\bAdmin\b/);
  });
});
