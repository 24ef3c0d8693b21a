import { I18nService } from '../../src/services/i18n/i18nService';
import { api, createUser, startHandoffTestApp } from '../services/handoff/support/handoffTestApp';
import { FakeGraphApi, startFakeGraphApi } from '../services/whatsapp/fakeGraphApi';
import { buttonReply, postWebhook, textMessage, waitFor, whatsappTestEnv } from '../services/whatsapp/metaPayloads';
import type { TestApp } from '../support/testApp';

const t = new I18nService('de').t('de');
const HOUR = 3600_000;

type Sent = { to?: string; text?: { body?: string }; interactive?: { body?: { text?: string }; action?: unknown } };
const sentTo = (graph: FakeGraphApi, to: string, from = 0) =>
  graph.requests
    .slice(from)
    .map((r) => r.body as Sent)
    .filter((b) => b.to === to);
const textOf = (b: Sent) => b.text?.body ?? b.interactive?.body?.text ?? '';

describe("a WhatsApp customer waiting for a person keeps WhatsApp's 24-hour window", () => {
  let test: TestApp;
  let graph: FakeGraphApi;
  let agent: ReturnType<typeof api>;
  /** The service's clock runs this far ahead of real time. */
  let ahead = 0;

  beforeAll(async () => {
    graph = await startFakeGraphApi();
    test = await startHandoffTestApp(whatsappTestEnv(graph.url), undefined, {
      clock: { now: () => new Date(Date.now() + ahead) },
    });
    agent = api(test.baseUrl, await createUser(test.baseUrl, 'Anna Agent', 'agent'));
  });
  afterAll(async () => {
    await test.close();
    await graph.close();
  });

  it('shows the agent when the window closes, asks the customer once before it does, and a tap keeps it open', async () => {
    const customer = '4917611122233';
    await postWebhook(
      test.baseUrl,
      textMessage(customer, 'wamid.w1', 'Ich möchte bitte mit einem Mitarbeiter sprechen'),
    );
    const queued = await waitFor(async () => {
      const list = await agent('/api/handoffs?status=queued');
      return (list.body.items as Array<{ id: string; customer: { channel: string }; windowClosesAt?: string }>).find(
        (h) => h.customer.channel === 'whatsapp',
      );
    }, 'the queued handoff');
    // The agent sees when the customer can no longer be written to.
    const closes = Date.parse(queued.windowClosesAt ?? '');
    expect(closes - Date.now()).toBeGreaterThan(23.9 * HOUR);
    expect(closes - Date.now()).toBeLessThanOrEqual(24 * HOUR);

    // Ten minutes before the window closes the customer is still waiting: one reminder with two choices.
    ahead = 24 * HOUR - 10 * 60_000;
    let before = graph.requests.length;
    await test.app.handoffs.sweepOnce();
    const reminder = await waitFor(
      () => sentTo(graph, customer, before).find((b) => textOf(b) === t('handoff:windowReminder')),
      'the window reminder',
    );
    expect(JSON.stringify(reminder.interactive?.action)).toContain(t('handoff:keepWaitingButton'));
    expect(JSON.stringify(reminder.interactive?.action)).toContain(t('handoff:callbackButton'));
    const audit = (await agent(`/api/handoffs/${queued.id}`)).body.audit as Array<{ action: string }>;
    expect(audit.filter((a) => a.action === 'window_reminder')).toHaveLength(1);

    // A second pass does not ask again.
    before = graph.requests.length;
    ahead += 5 * 60_000;
    await test.app.handoffs.sweepOnce();
    expect(sentTo(graph, customer, before).map(textOf)).not.toContain(t('handoff:windowReminder'));

    // The customer taps "Ich warte weiter": thanked, still in the queue, and the window runs a full day again.
    before = graph.requests.length;
    const keep = t('handoff:keepWaitingButton');
    await postWebhook(test.baseUrl, buttonReply(customer, 'wamid.w2', keep, keep));
    const answer = await waitFor(() => {
      const texts = sentTo(graph, customer, before).map(textOf);
      return texts.length >= 2 ? texts : undefined;
    }, 'the thanks for keeping the window open');
    expect(answer).toEqual([t('handoff:windowKept'), t('handoff:status.kept', { position: 1 })]);
    const list = (await agent('/api/handoffs?status=queued')).body.items as Array<{
      id: string;
      windowClosesAt?: string;
    }>;
    const after = list.find((h) => h.id === queued.id);
    expect(Date.parse(after?.windowClosesAt ?? '') - (Date.now() + ahead)).toBeGreaterThan(23.9 * HOUR);
  });

  it('takes "Rückruf" after the reminder as a callback to the WhatsApp number', async () => {
    ahead = 0;
    const customer = '4917644455566';
    await postWebhook(test.baseUrl, textMessage(customer, 'wamid.r1', 'Bitte einen Mitarbeiter'));
    // The first customer still waits too: this one is the second WhatsApp handoff in the queue.
    await waitFor(async () => {
      const list = await agent('/api/handoffs?status=queued');
      const onWhatsApp = (list.body.items as Array<{ customer: { channel: string } }>).filter(
        (h) => h.customer.channel === 'whatsapp',
      );
      return onWhatsApp.length === 2 ? true : undefined;
    }, 'the queued handoff');
    ahead = 24 * HOUR - 5 * 60_000;
    let before = graph.requests.length;
    await test.app.handoffs.sweepOnce();
    await waitFor(
      () => sentTo(graph, customer, before).find((b) => textOf(b) === t('handoff:windowReminder')),
      'the window reminder',
    );
    before = graph.requests.length;
    const callback = t('handoff:callbackButton');
    await postWebhook(test.baseUrl, buttonReply(customer, 'wamid.r2', callback, callback));
    const answer = await waitFor(() => sentTo(graph, customer, before)[0], 'the answer to "Rückruf"');
    expect(textOf(answer)).toBe(t('handoff:callbackConfirmedPhone'));
  });
});
