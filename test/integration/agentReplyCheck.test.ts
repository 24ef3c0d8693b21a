import { I18nService } from '../../src/services/i18n/i18nService';
import { conversation, TestApp } from '../support/testApp';
import { startFakeBotConnector, FakeBotConnector } from '../services/handoff/support/fakeBotConnector';
import { api, createUser, startHandoffTestApp } from '../services/handoff/support/handoffTestApp';

const t = new I18nService('de').t('de');

describe('an agent who writes "du" or argues is held back with a formal suggestion', () => {
  let test: TestApp;
  let connector: FakeBotConnector;
  let agent: ReturnType<typeof api>;
  let id: string;
  let chatId: string;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    test = await startHandoffTestApp();
    agent = api(test.baseUrl, await createUser(test.baseUrl, 'Anton Agent', 'agent'));
    const chat = conversation(test.baseUrl, { channelId: 'webchat' });
    chatId = chat.id;
    await chat.say('Ich möchte bitte mit einem Mitarbeiter sprechen.', { serviceUrl: connector.serviceUrl });
    id = (await test.app.handoffs.conversationState(`webchat:${chat.id}`)).active!.id;
    expect((await agent(`/api/handoffs/${id}/claim`, { method: 'POST' })).status).toBe(200);
  });
  afterAll(async () => {
    await test.close();
    await connector.close();
  });

  it('refuses informal address with 422, a formal suggestion, and sends nothing', async () => {
    const informal = 'Hast du deine Kundennummer da?';
    const res = await agent(`/api/handoffs/${id}/messages`, { method: 'POST', body: { text: informal } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'InformalAddress', suggestion: 'Haben Sie Ihre Kundennummer da?' });
    expect(connector.textsFor(chatId)).not.toContain(informal);

    const suggestion = res.body.error.suggestion as string;
    expect((await agent(`/api/handoffs/${id}/messages`, { method: 'POST', body: { text: suggestion } })).status).toBe(
      201,
    );
    expect(connector.textsFor(chatId)).toContain(suggestion);
  });

  it('refuses arguing with 422 ArguingTone and a neutral suggestion', async () => {
    const res = await agent(`/api/handoffs/${id}/messages`, {
      method: 'POST',
      body: { text: 'Das ist Ihre Schuld. Ich schicke Ihnen morgen eine neue Karte.' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('ArguingTone');
    expect(res.body.error.suggestion).toBe(
      `${t('agent:replyCheck.neutralLine')} Ich schicke Ihnen morgen eine neue Karte.`,
    );
  });

  it('sends with force and audits the rule, never the text', async () => {
    const text = 'Kannst du kurz warten?';
    const forced = await agent(`/api/handoffs/${id}/messages`, { method: 'POST', body: { text, force: true } });
    expect(forced.status).toBe(201);
    expect(connector.textsFor(chatId)).toContain(text);
    const record = (await agent(`/api/handoffs/${id}`)).body;
    const audit = record.audit.find((a: { action: string }) => a.action === 'sent_despite_check');
    expect(audit).toMatchObject({ detail: 'InformalAddress', by: { name: 'Anton Agent' } });
  });

  it('answers a force that is not a boolean with 400, and formal words like "Dienstag" pass', async () => {
    const bad = await agent(`/api/handoffs/${id}/messages`, { method: 'POST', body: { text: 'Hallo', force: 'yes' } });
    expect(bad.status).toBe(400);
    const ok = await agent(`/api/handoffs/${id}/messages`, {
      method: 'POST',
      body: { text: 'Der Techniker kommt am Dienstag; „Hast du Zeit?“ stand so in der alten Mail.' },
    });
    expect(ok.status).toBe(201);
  });
});
