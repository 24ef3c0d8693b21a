import { I18nService } from '../../src/services/i18n/i18nService';
import { conversation, texts, TestApp } from '../support/testApp';
import { startFakeBotConnector, FakeBotConnector } from '../services/handoff/support/fakeBotConnector';
import { api, createUser, startHandoffTestApp } from '../services/handoff/support/handoffTestApp';

const t = new I18nService('de').t('de');

describe('an agent hands the customer back to a chosen dialog', () => {
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

  async function handedOver(): Promise<{ chat: ReturnType<typeof conversation>; id: string; extra: object }> {
    const chat = conversation(test.baseUrl, { channelId: 'webchat' });
    const extra = { serviceUrl: connector.serviceUrl };
    await chat.say('Hallo', extra);
    await chat.say('Ich möchte bitte mit einem Mitarbeiter sprechen.', extra);
    const state = await test.app.handoffs.conversationState(`webchat:${chat.id}`);
    expect(state.active).toBeDefined();
    const id = state.active!.id;
    expect((await supervisor(`/api/handoffs/${id}/claim`, { method: 'POST' })).status).toBe(200);
    await connector.waitFor(() =>
      connector.textsFor(chat.id).includes(t('handoff:claimed', { name: 'Sabine Supervisor' })),
    );
    return { chat, id, extra };
  }

  it('refuses an unknown target with a 400 and leaves the handoff open', async () => {
    const { id } = await handedOver();
    const refused = await supervisor(`/api/handoffs/${id}/resolve`, { method: 'POST', body: { target: 'mond' } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('rechnung');
    expect((await supervisor(`/api/handoffs/${id}`)).body.status).toBe('assigned');
  });

  it('handoff → back to "rechnung" → the next message is handled by the billing dispute dialog, without a survey', async () => {
    const { chat, id, extra } = await handedOver();
    const before = connector.textsFor(chat.id).length;
    const resolved = await supervisor(`/api/handoffs/${id}/resolve`, { method: 'POST', body: { target: 'Rechnung' } });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', handBack: { target: 'rechnung' } });
    await connector.waitFor(() => connector.textsFor(chat.id).length >= before + 2);
    const [sentence, question] = connector.textsFor(chat.id).slice(before);
    expect(sentence).toBe(t('handoff:handBack.sentence'));
    // The billing dialog's question as it asks it itself: with its sub-menu's options.
    expect(question.startsWith(t('conversation:billing.ask'))).toBe(true);
    expect(question).toContain('1 – Rechnungsposten');

    const reply = texts(
      await chat.say(
        'Auf meiner Rechnung wurden 39,99 € für einen Vertrag abgebucht, den ich nie bestellt habe.',
        extra,
      ),
    );
    expect(reply).toMatch(/RK-/);
    expect(reply).toContain(t('conversation:billing.dispute.personHint'));
    expect(reply).not.toContain(t('handoff:survey.question'));
    expect(reply).not.toContain(t('handoff:survey.thanks'));
    const final = (await supervisor(`/api/handoffs/${id}`)).body;
    expect(final.survey).toBeUndefined();
    expect(final.handBack.takenAt).toBeDefined();

    // Taken once: the message after that is an ordinary turn of the bot, not a second resume.
    const again = texts(await chat.say('Danke, das war alles.', extra));
    expect(again).not.toContain(t('conversation:billing.ask'));
  });

  it('handoff → back to the menu ("Menü") → the next message is routed like one at the menu', async () => {
    const { chat, id, extra } = await handedOver();
    const before = connector.textsFor(chat.id).length;
    const resolved = await supervisor(`/api/handoffs/${id}/resolve`, { method: 'POST', body: { target: 'Menü' } });
    expect(resolved.status).toBe(200);
    await connector.waitFor(() => connector.textsFor(chat.id).length >= before + 2);
    expect(connector.textsFor(chat.id).slice(before)).toEqual([
      t('handoff:handBack.sentence'),
      t('handoff:handBack.menuQuestion'),
    ]);
    const reply = texts(await chat.say('Ich habe eine Frage zu meiner Rechnung.', extra));
    // At the menu free text is searched in the knowledge base first: an answer about the invoice.
    expect(reply).toMatch(/Rechnung/);
    expect(reply).not.toContain(t('handoff:handBack.menuQuestion'));
    expect(reply).not.toContain(t('handoff:survey.thanks'));
    expect((await supervisor(`/api/handoffs/${id}`)).body.handBack.takenAt).toBeDefined();
  });

  it('handoff → back to "daten" → the options of the data change are shown, and "3" picks the bank details', async () => {
    const { chat, id, extra } = await handedOver();
    const before = connector.received.length;
    const resolved = await supervisor(`/api/handoffs/${id}/resolve`, { method: 'POST', body: { target: 'daten' } });
    expect(resolved.status).toBe(200);
    await connector.waitFor(() => connector.textsFor(chat.id).includes(t('handoff:handBack.sentence')));
    await connector.waitFor((received) =>
      received.slice(before).some((r) => r.activity.text?.startsWith(t('conversation:dataChange.ask'))),
    );
    const question = connector.received
      .slice(before)
      .map((r) => r.activity)
      .find((a) => a.text?.startsWith(t('conversation:dataChange.ask')));
    expect(question?.text).toContain('3 – Bankverbindung');
    // Buttons too, the same as the dialog's own question: tapping one sends its digit.
    expect(question?.suggestedActions?.actions.map((a) => a.value)).toEqual(['1', '2', '3', '4', '5']);

    const reply = texts(await chat.say('3', extra));
    expect(reply).toContain(t('conversation:dataChange.askValue.bank'));
  });
});
