import { I18nService } from '../../src/services/i18n/i18nService';
import { api, createUser, startHandoffTestApp } from '../services/handoff/support/handoffTestApp';
import { FakeGraphApi, startFakeGraphApi } from '../services/whatsapp/fakeGraphApi';
import { postWebhook, textMessage, waitFor, whatsappTestEnv } from '../services/whatsapp/metaPayloads';
import type { TestApp } from '../support/testApp';

const t = new I18nService('de').t('de');

/** What the fake Graph API received for one customer, as plain text. */
function sentText(graph: FakeGraphApi, to: string, from = 0): string {
  return graph.requests
    .slice(from)
    .filter((r) => r.body.to === to)
    .map((r) => (r.body.text as { body?: string } | undefined)?.body ?? JSON.stringify(r.body.interactive ?? ''))
    .join('\n');
}

describe('a WhatsApp customer handed to an agent', () => {
  let test: TestApp;
  let graph: FakeGraphApi;
  let agent: ReturnType<typeof api>;

  beforeAll(async () => {
    graph = await startFakeGraphApi();
    test = await startHandoffTestApp(whatsappTestEnv(graph.url));
    agent = api(test.baseUrl, await createUser(test.baseUrl, 'Anna Agent', 'agent'));
  });
  afterAll(async () => {
    await test.close();
    await graph.close();
  });

  it("is queued, receives the agent's messages on WhatsApp, and the reply reaches the record", async () => {
    const customer = '4917612345678';
    await postWebhook(test.baseUrl, textMessage(customer, 'wamid.h1', 'Hallo'));
    await waitFor(() => sentText(graph, customer).includes(t('conversation:menu.choose')), 'the greeting');

    await postWebhook(
      test.baseUrl,
      textMessage(customer, 'wamid.h2', 'Ich möchte bitte mit einem Mitarbeiter sprechen'),
    );
    const queued = await waitFor(async () => {
      const list = await agent('/api/handoffs?status=queued');
      return (list.body.items as Array<{ id: string; customer?: { channel?: string } }>).find((h) =>
        JSON.stringify(h).includes('whatsapp'),
      );
    }, 'the queued handoff');

    expect((await agent(`/api/handoffs/${queued.id}/claim`, { method: 'POST' })).status).toBe(200);
    const before = graph.requests.length;
    expect(
      (
        await agent(`/api/handoffs/${queued.id}/messages`, {
          method: 'POST',
          body: { text: 'Guten Tag, hier ist Anna. Wie kann ich helfen?' },
        })
      ).status,
    ).toBe(201);
    await waitFor(() => sentText(graph, customer, before).includes('hier ist Anna'), "the agent's message on WhatsApp");

    const afterAgent = graph.requests.length;
    await postWebhook(test.baseUrl, textMessage(customer, 'wamid.h3', 'Meine Rechnung ist doppelt abgebucht worden'));
    await waitFor(
      async () => JSON.stringify((await agent(`/api/handoffs/${queued.id}`)).body).includes('doppelt abgebucht'),
      'the reply in the record',
    );
    // While the agent has the conversation, the bot says nothing on WhatsApp.
    await new Promise((r) => setTimeout(r, 500));
    expect(sentText(graph, customer, afterAgent)).toBe('');
  });
});
