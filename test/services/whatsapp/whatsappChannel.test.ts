import { ActionTypes, MessageFactory, TurnContext } from 'botbuilder';
import { LIMITS } from '../../../src/channels/whatsapp/outboundMessages';
import { startWhatsAppHarness, WhatsAppHarness } from './harness';
import {
  ACCESS_TOKEN,
  buttonReply,
  imageMessage,
  listReply,
  PHONE_NUMBER_ID,
  postWebhook,
  statusUpdate,
  textMessage,
  VERIFY_TOKEN,
  waitFor,
} from './metaPayloads';

/** A scripted bot: a few commands produce menus and long texts, anything else is echoed. */
const seen: string[] = [];
const bot = {
  async run(context: TurnContext): Promise<void> {
    const text = context.activity.text ?? '';
    seen.push(text);
    const choice = (title: string, value: string) => ({ type: ActionTypes.ImBack, title, value });
    if (text === 'drei') {
      await context.sendActivity(
        MessageFactory.suggestedActions(
          [choice('Rechnung', '1'), choice('Technik', '2'), choice('Sonstiges', '3')],
          'Worum geht es?',
        ),
      );
    } else if (text === 'sechs') {
      const options = [
        'Rechnungen und Zahlungen',
        'Technische Störung',
        'Allgemeine Fragen zum Vertrag',
        'Verlust oder Diebstahl',
        'Daten ändern',
        'Beschwerde',
      ];
      await context.sendActivity(
        MessageFactory.suggestedActions(
          options.map((o, i) => choice(o, String(i + 1))),
          'Bitte wählen Sie:',
        ),
      );
    } else if (text === 'lang') {
      await context.sendActivity('Ä'.repeat(9000));
    } else {
      await context.sendActivity(`Sie schrieben: ${text}`);
    }
  },
};

const texts = (h: WhatsAppHarness, to: string) => h.graph.requests.filter((r) => r.body.to === to);
let n = 0;
const customer = () => `4917612345${String(++n).padStart(3, '0')}`;
const wamid = () => `wamid.IN${Date.now()}${Math.random().toString(36).slice(2)}`;

describe('WhatsApp channel', () => {
  let h: WhatsAppHarness;
  beforeAll(async () => {
    h = await startWhatsAppHarness(bot);
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers the verify handshake with the challenge as plain text', async () => {
    const ok = await fetch(
      `${h.baseUrl}/api/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(
      `${h.baseUrl}/api/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444`,
    );
    expect(wrong.status).toBe(403);
  });

  it('answers a text message through the Graph API with the bearer token', async () => {
    const from = customer();
    const res = await postWebhook(h.baseUrl, textMessage(from, wamid(), 'Hallo'));
    expect(res.status).toBe(200);
    const [request] = await waitFor(() => texts(h, from).length > 0 && texts(h, from), 'the reply');
    expect(request).toEqual({
      method: 'POST',
      path: `/v21.0/${PHONE_NUMBER_ID}/messages`,
      authorization: `Bearer ${ACCESS_TOKEN}`,
      body: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: from,
        type: 'text',
        text: { body: 'Sie schrieben: Hallo', preview_url: false },
      },
    });
  });

  it('sends a menu of three short options as reply buttons, and a tapped button reaches the bot as its digit', async () => {
    const from = customer();
    await postWebhook(h.baseUrl, textMessage(from, wamid(), 'drei'));
    const [menu] = await waitFor(() => texts(h, from).length > 0 && texts(h, from), 'the menu');
    expect(menu.body.interactive).toEqual({
      type: 'button',
      body: { text: 'Worum geht es?' },
      action: {
        buttons: [
          { type: 'reply', reply: { id: '1', title: 'Rechnung' } },
          { type: 'reply', reply: { id: '2', title: 'Technik' } },
          { type: 'reply', reply: { id: '3', title: 'Sonstiges' } },
        ],
      },
    });
    await postWebhook(h.baseUrl, buttonReply(from, wamid(), '2', 'Technik'));
    const replies = await waitFor(() => texts(h, from).length > 1 && texts(h, from), 'the answer to the tap');
    expect(replies[1].body.text).toEqual({ body: 'Sie schrieben: 2', preview_url: false });
  });

  it('sends six options as a list within the limits, and a chosen row reaches the bot as its digit', async () => {
    const from = customer();
    await postWebhook(h.baseUrl, textMessage(from, wamid(), 'sechs'));
    const [menu] = await waitFor(() => texts(h, from).length > 0 && texts(h, from), 'the list');
    const interactive = menu.body.interactive as {
      type: string;
      action: { button: string; sections: { rows: { id: string; title: string; description?: string }[] }[] };
    };
    expect(interactive.type).toBe('list');
    expect(interactive.action.button).toBe(h.i18n.t('de')('channels:whatsapp.listButton'));
    const rows = interactive.action.sections.flatMap((s) => s.rows);
    expect(rows.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const row of rows) expect(Array.from(row.title).length).toBeLessThanOrEqual(LIMITS.rowTitle);
    // A title too long for a row is shortened, and shown in full as the row's description.
    const longRow = rows[2];
    expect(longRow.title.endsWith('…')).toBe(true);
    expect(longRow.description).toBe('Allgemeine Fragen zum Vertrag');

    await postWebhook(h.baseUrl, listReply(from, wamid(), '4', 'Verlust oder Diebstahl'));
    const replies = await waitFor(() => texts(h, from).length > 1 && texts(h, from), 'the answer to the list choice');
    expect(replies[1].body.text).toEqual({ body: 'Sie schrieben: 4', preview_url: false });
  });

  it('splits a long text at 4,096 characters', async () => {
    const from = customer();
    await postWebhook(h.baseUrl, textMessage(from, wamid(), 'lang'));
    const parts = await waitFor(() => texts(h, from).length >= 3 && texts(h, from), 'three parts');
    const bodies = parts.map((p) => (p.body.text as { body: string }).body);
    expect(bodies.map((b) => b.length)).toEqual([4096, 4096, 808]);
  });

  it('answers an image politely in German without bothering the bot', async () => {
    const from = customer();
    const before = seen.length;
    await postWebhook(h.baseUrl, imageMessage(from, wamid()));
    const [reply] = await waitFor(() => texts(h, from).length > 0 && texts(h, from), 'the answer');
    expect(reply.body.text).toEqual({
      body: h.i18n.t('de')('channels:whatsapp.unsupported.image'),
      preview_url: false,
    });
    expect(seen.length).toBe(before);
  });

  it('records delivery statuses and never moves read back to delivered', async () => {
    const from = customer();
    await postWebhook(h.baseUrl, textMessage(from, wamid(), 'Status bitte'));
    const [reply] = await waitFor(() => texts(h, from).length > 0 && texts(h, from), 'the reply');
    const sent = await waitFor(
      () => h.statuses.get(`wamid.OUT${h.graph.requests.indexOf(reply) + 1}`),
      'the accepted status',
    );
    expect(sent.status).toBe('accepted');
    const outbound = `wamid.OUT${h.graph.requests.indexOf(reply) + 1}`;
    expect((await postWebhook(h.baseUrl, statusUpdate(outbound, from, 'read'))).status).toBe(200);
    expect((await postWebhook(h.baseUrl, statusUpdate(outbound, from, 'delivered'))).status).toBe(200);
    const status = await h.statuses.get(outbound);
    expect(status?.status).toBe('read');
    expect(status?.history.map((e) => e.status)).toEqual(['accepted', 'read', 'delivered']);
  });

  it('refuses a wrong or missing signature with 401 and stores nothing', async () => {
    const from = customer();
    const id = wamid();
    const wrong = await postWebhook(h.baseUrl, textMessage(from, id, 'Hallo'), `sha256=${'0'.repeat(64)}`);
    expect(wrong.status).toBe(401);
    const missing = await postWebhook(h.baseUrl, textMessage(from, id, 'Hallo'), null);
    expect(missing.status).toBe(401);
    expect(await h.inbox.get(id)).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    expect(texts(h, from)).toHaveLength(0);
  });

  it('answers malformed JSON with 400 and a body that is too large with 413', async () => {
    const bad = await postWebhook(h.baseUrl, 'not json');
    expect(bad.status).toBe(400);
    const huge = await postWebhook(h.baseUrl, { entry: [], padding: 'x'.repeat(300 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('answers the same wamid delivered three times only once', async () => {
    const from = customer();
    const body = textMessage(from, wamid(), 'Dreimal');
    const answers = await Promise.all([postWebhook(h.baseUrl, body), postWebhook(h.baseUrl, body)]);
    answers.push(await postWebhook(h.baseUrl, body));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await waitFor(() => texts(h, from).length > 0, 'the reply');
    await new Promise((r) => setTimeout(r, 300));
    expect(texts(h, from)).toHaveLength(1);
    expect(seen.filter((s) => s === 'Dreimal')).toHaveLength(1);
  });

  it('retries while the Graph API answers 500 and delivers once it recovers', async () => {
    const from = customer();
    h.graph.failNext(3, 500);
    await postWebhook(h.baseUrl, textMessage(from, wamid(), 'Trotz Störung'));
    const [reply] = await waitFor(() => texts(h, from).length > 0 && texts(h, from), 'the delivered reply', 15000);
    expect(reply.body.text).toEqual({ body: 'Sie schrieben: Trotz Störung', preview_url: false });
    await new Promise((r) => setTimeout(r, 200));
    expect(texts(h, from)).toHaveLength(1);
  });

  it('backs off on the pair rate limit (131056) and then delivers', async () => {
    const from = customer();
    h.graph.failNext(1, 400, 131056);
    await postWebhook(h.baseUrl, textMessage(from, wamid(), 'Zu schnell'));
    const [reply] = await waitFor(() => texts(h, from).length > 0 && texts(h, from), 'the delivered reply', 15000);
    expect(reply.body.text).toEqual({ body: 'Sie schrieben: Zu schnell', preview_url: false });
  });

  it('sends nothing free-form outside the 24-hour window', async () => {
    const from = customer();
    const yesterday = String(Math.floor(Date.now() / 1000) - 25 * 3600);
    const id = wamid();
    // A message Meta held back for a day arrives now: the window counts from when it was written.
    expect((await postWebhook(h.baseUrl, textMessage(from, id, 'Von gestern', yesterday))).status).toBe(200);
    await waitFor(async () => (await h.inbox.get(id))?.status === 'done', 'the message to be processed');
    expect(seen).toContain('Von gestern');
    expect(texts(h, from)).toHaveLength(0);
  });

  it('keeps processing when sends fail for good, and the next message is answered', async () => {
    const from = customer();
    h.graph.failNext(100, 400, 131009);
    const id = wamid();
    await postWebhook(h.baseUrl, textMessage(from, id, 'Kaputt'));
    await waitFor(async () => (await h.inbox.get(id))?.status === 'done', 'the message to be finished');
    h.graph.failNext(0, 200);
    await postWebhook(h.baseUrl, textMessage(from, wamid(), 'Wieder da'));
    const replies = await waitFor(
      () => texts(h, from).find((r) => JSON.stringify(r.body).includes('Wieder da')),
      'the next answer',
    );
    expect(replies).toBeDefined();
  });
});
