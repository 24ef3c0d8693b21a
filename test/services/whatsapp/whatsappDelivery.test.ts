import type { TurnContext } from 'botbuilder';
import { ChannelCustomerMessenger, ProactiveSendError } from '../../../src/channels/customerMessenger';
import { startWhatsAppHarness, WhatsAppHarness } from './harness';
import { postWebhook, textMessage, waitFor, webhook } from './metaPayloads';

const seen: string[] = [];
const bot = {
  async run(context: TurnContext): Promise<void> {
    seen.push(context.activity.text ?? '');
    await context.sendActivity(`Sie schrieben: ${context.activity.text}`);
  },
};

const unused = { continueConversationAsync: async () => undefined, owns: () => false };
const messengerFor = (h: WhatsAppHarness) =>
  new ChannelCustomerMessenger({ whatsapp: h.adapter, localDirectLine: unused, botFramework: unused }, '');
const reference = (waId: string) => ({
  channelId: 'whatsapp',
  conversation: { id: waId, isGroup: false, conversationType: 'personal', name: '' },
  user: { id: waId, name: '' },
  serviceUrl: 'https://graph',
});
const sentTo = (h: WhatsAppHarness, to: string) => h.graph.requests.filter((r) => r.body.to === to);

describe('WhatsApp delivery', () => {
  let h: WhatsAppHarness;
  beforeAll(async () => {
    h = await startWhatsAppHarness(bot, { WHATSAPP_TEMPLATE_NAME: 'kundenservice_rueckmeldung' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('processes messages that were stored but not processed before a crash once it starts', async () => {
    const from = '491700000001';
    const sentAt = new Date();
    await h.inbox.store(
      {
        wamid: 'wamid.crash1',
        waId: from,
        sentAt,
        type: 'text',
        raw: JSON.stringify({ type: 'text', text: { body: 'Vor dem Absturz' } }),
      },
      new Date(),
    );
    await h.contacts.recordInbound(from, sentAt);
    h.processor.start();
    const [reply] = await waitFor(() => sentTo(h, from).length > 0 && sentTo(h, from), 'the recovered answer');
    expect(reply.body.text).toEqual({ body: 'Sie schrieben: Vor dem Absturz', preview_url: false });
    await waitFor(async () => (await h.inbox.get('wamid.crash1'))?.status === 'done', 'the message marked done');
  });

  it("answers one customer's messages in the order they were written", async () => {
    const from = '491700000002';
    const now = Math.floor(Date.now() / 1000);
    const body = webhook({
      contacts: [{ profile: { name: 'Max' }, wa_id: from }],
      messages: ['eins', 'zwei', 'drei'].map((text, i) => ({
        from,
        id: `wamid.order${i}`,
        timestamp: String(now + i),
        type: 'text',
        text: { body: text },
      })),
    });
    await postWebhook(h.baseUrl, body);
    await postWebhook(h.baseUrl, textMessage(from, 'wamid.order3', 'vier', String(now + 3)));
    const replies = await waitFor(() => sentTo(h, from).length >= 4 && sentTo(h, from), 'four answers');
    expect(replies.map((r) => (r.body.text as { body: string }).body)).toEqual(
      ['eins', 'zwei', 'drei', 'vier'].map((x) => `Sie schrieben: ${x}`),
    );
  });

  it('sends a proactive message (an agent writing) inside the 24-hour window as text', async () => {
    const from = '491700000003';
    await postWebhook(h.baseUrl, textMessage(from, 'wamid.proactive1', 'Hallo'));
    await waitFor(() => sentTo(h, from).length > 0, 'the first answer');
    await messengerFor(h).send(reference(from), [{ type: 'message', text: 'Hier ist Frau Berger vom Kundenservice.' }]);
    expect(sentTo(h, from).map((r) => r.body.text)).toContainEqual({
      body: 'Hier ist Frau Berger vom Kundenservice.',
      preview_url: false,
    });
  });

  it('outside the window sends the approved template once instead of free text', async () => {
    const from = '491700000004';
    await h.contacts.setLastInboundAt(from, new Date(Date.now() - 25 * 3600 * 1000));
    await messengerFor(h).send(reference(from), [{ type: 'message', text: 'Ihr Rückruf ist geplant.' }]);
    await messengerFor(h).send(reference(from), [{ type: 'message', text: 'Noch eine Nachricht.' }]);
    const sent = sentTo(h, from);
    expect(sent.map((r) => r.body.type)).toEqual(['template']);
    expect(sent[0].body.template).toEqual({ name: 'kundenservice_rueckmeldung', language: { code: 'de' } });
  });
});

describe('WhatsApp delivery without a template', () => {
  let h: WhatsAppHarness;
  beforeAll(async () => {
    h = await startWhatsAppHarness(bot);
  });
  afterAll(async () => {
    await h.close();
  });

  it('sends nothing outside the window and tells the caller', async () => {
    const from = '491700000005';
    await h.contacts.setLastInboundAt(from, new Date(Date.now() - 25 * 3600 * 1000));
    await expect(
      messengerFor(h).send(reference(from), [{ type: 'message', text: 'Ihr Rückruf ist geplant.' }]),
    ).rejects.toBeInstanceOf(ProactiveSendError);
    expect(sentTo(h, from)).toHaveLength(0);
  });
});
