import { startTestApp, TestApp } from '../../support/testApp';
import { I18nService } from '../../../src/services/i18n/i18nService';
import { LIMITS } from '../../../src/channels/whatsapp/outboundMessages';
import { FakeGraphApi, startFakeGraphApi } from './fakeGraphApi';
import { ACCESS_TOKEN, listReply, postWebhook, textMessage, waitFor, whatsappTestEnv } from './metaPayloads';

const COMPANY = 'Muster Telekom';
const t = new I18nService('de').t('de');

type Interactive = {
  type: string;
  body: { text: string };
  action: {
    buttons?: { reply: { id: string; title: string } }[];
    sections?: { rows: { id: string; title: string }[] }[];
  };
};

describe('WhatsApp through the whole service', () => {
  let app: TestApp;
  let graph: FakeGraphApi;
  beforeAll(async () => {
    graph = await startFakeGraphApi();
    app = await startTestApp({
      COMPANY_NAME: COMPANY,
      ...whatsappTestEnv(graph.url),
    });
  });
  afterAll(async () => {
    await app.close();
    await graph.close();
  });

  it('greets in German with the menu as buttons or a list, and a chosen option leads to the next step', async () => {
    const from = '491511234567';
    expect((await postWebhook(app.baseUrl, textMessage(from, 'wamid.app1', 'Hallo'))).status).toBe(200);
    const sent = await waitFor(
      () =>
        graph.requests.some((r) => r.body.type === 'interactive') && graph.requests.filter((r) => r.body.to === from),
      'greeting and menu',
    );
    for (const r of sent) expect(r.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    const allText = sent
      .map(
        (r) =>
          (r.body.text as { body?: string } | undefined)?.body ??
          (r.body.interactive as Interactive | undefined)?.body.text ??
          '',
      )
      .join('\n');
    expect(allText).toContain(COMPANY);
    expect(allText).toContain(t('conversation:menu.choose'));

    const menu = sent.find((r) => r.body.type === 'interactive')!.body.interactive as Interactive;
    const options =
      menu.type === 'button'
        ? menu.action.buttons!.map((b) => ({ id: b.reply.id, title: b.reply.title }))
        : menu.action.sections!.flatMap((s) => s.rows);
    expect(options.length).toBeGreaterThan(1);
    expect(options.length).toBeLessThanOrEqual(menu.type === 'button' ? LIMITS.buttons : LIMITS.listRows);
    for (const o of options)
      expect(Array.from(o.title).length).toBeLessThanOrEqual(
        menu.type === 'button' ? LIMITS.buttonTitle : LIMITS.rowTitle,
      );
    expect(menu.body.text.length).toBeLessThanOrEqual(LIMITS.interactiveBody);

    const count = graph.requests.length;
    await postWebhook(app.baseUrl, listReply(from, 'wamid.app2', options[0].id, options[0].title));
    const next = await waitFor(() => graph.requests.length > count && graph.requests.slice(count), 'the next step');
    const nextText = JSON.stringify(next.map((r) => r.body));
    expect(nextText).not.toContain(t('conversation:menu.choose'));
  });
});
