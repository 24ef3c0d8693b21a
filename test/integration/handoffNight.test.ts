import { I18nService } from '../../src/services/i18n/i18nService';
import type { HandoffSettings } from '../../src/services/handoff/businessHours';
import { conversation, texts, TestApp } from '../support/testApp';
import { startFakeBotConnector, FakeBotConnector } from '../services/handoff/support/fakeBotConnector';
import { handoffRequest, startHandoffTestApp } from '../services/handoff/support/handoffTestApp';

const t = new I18nService('de').t('de');

/** Mon–Fri 08:00–20:00 in Berlin; the clock stands at Saturday 03:00, so the team is back on Monday at 8. */
const WEEKDAYS: HandoffSettings = {
  timeZone: 'Europe/Berlin',
  businessHours: {
    weekly: {
      1: ['08:00', '20:00'],
      2: ['08:00', '20:00'],
      3: ['08:00', '20:00'],
      4: ['08:00', '20:00'],
      5: ['08:00', '20:00'],
    },
    holidays: [],
  },
  callbackOfferAfterMinutes: 10,
};
const SATURDAY_NIGHT = Date.parse('2026-11-21T02:00:00Z');

describe('nobody on duty: the bot says when the team is back and what was recorded, never "verbinde"', () => {
  let test: TestApp;
  let connector: FakeBotConnector;
  const replies: string[] = [];

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    const started = Date.now();
    const clock = { now: () => new Date(SATURDAY_NIGHT + (Date.now() - started)) };
    test = await startHandoffTestApp({}, undefined, { handoffSettings: { settings: async () => WEEKDAYS }, clock });
  });
  afterAll(async () => {
    await test.close();
    await connector.close();
  });

  async function waitingOnWeb() {
    const chat = conversation(test.baseUrl, { channelId: 'webchat' });
    const ticket = await test.app.handoffs.requestHandoff(
      handoffRequest(connector.serviceUrl, { conversationId: chat.id }),
    );
    const say = async (text: string) => {
      const reply = texts(await chat.say(text, { serviceUrl: connector.serviceUrl }));
      replies.push(reply);
      return reply;
    };
    return { chat, ticket, say };
  }

  it('records a callback request and a validated contact, or none when the customer declines', async () => {
    const first = await waitingOnWeb();
    expect(first.ticket).toMatchObject({ position: 0, outsideBusinessHours: true, staffed: false, needsContact: true });
    expect(await first.say('Wie lange dauert das noch?')).toBe(
      t('handoff:howLongClosed', { when: 'ab Montag, 8 Uhr' }),
    );
    expect(await first.say('12345')).toBe(`${t('handoff:ackCallback')}\n${t('handoff:contact.askAgain')}`);
    expect(await first.say('0171 2345678')).toBe(t('handoff:contact.phoneSaved', { tail: '678' }));
    expect((await test.app.handoffs.get(first.ticket.handoffId)).contact).toMatchObject({ phone: '01712345678' });

    const second = await waitingOnWeb();
    expect(await second.say('Per Mail bitte: kunde@example.org')).toBe(
      t('handoff:contact.emailSaved', { email: 'kunde@example.org' }),
    );
    const third = await waitingOnWeb();
    expect(await third.say('nein')).toBe(t('handoff:contact.declined'));
    expect((await test.app.handoffs.get(third.ticket.handoffId)).contact).toMatchObject({ declined: true });
  });

  it('through the dialogs: a web customer asking for a person at night is told when the team is back and asked for a contact', async () => {
    const chat = conversation(test.baseUrl, { channelId: 'webchat' });
    const say = async (text: string) => {
      const reply = texts(await chat.say(text, { serviceUrl: connector.serviceUrl }));
      replies.push(reply);
      return reply;
    };
    // The greeting is the conversation's (it still mentions connecting "bei Bedarf"); the handoff starts after it.
    await chat.say('Hallo', { serviceUrl: connector.serviceUrl });
    const handedOver = await say('Ich möchte mit einem Mitarbeiter sprechen');
    expect(handedOver).toContain(t('handoff:outsideHours', { when: 'ab Montag, 8 Uhr' }));
    expect(handedOver).toContain(t('handoff:contact.ask'));
    expect(await say('max.muster@example.de')).toBe(
      t('handoff:contact.emailSaved', { email: 'max.muster@example.de' }),
    );
    const record = (await test.app.handoffs.conversationState(`webchat:${chat.id}`)).active!;
    expect(record).toMatchObject({
      mode: 'callback',
      callbackReason: 'outside_business_hours',
      contact: { email: 'max.muster@example.de' },
    });
  });

  it('knows the WhatsApp number and asks for nothing', async () => {
    const ticket = await test.app.handoffs.requestHandoff(
      handoffRequest(connector.serviceUrl, {
        channel: 'whatsapp',
        conversationReference: {
          channelId: 'whatsapp',
          serviceUrl: connector.serviceUrl,
          conversation: { id: '4917612345678', isGroup: false, conversationType: 'personal', name: '' },
          user: { id: '4917612345678', name: 'Kunde' },
        },
      }),
    );
    expect(ticket.needsContact).toBe(false);
    expect((await test.app.handoffs.get(ticket.handoffId)).contact).toMatchObject({ phone: '+4917612345678' });
  });

  it('hears a supervisor request at night without promising a connection', async () => {
    const { ticket, say } = await waitingOnWeb();
    await say('nein');
    const reply = await say('Ich will sofort mit Ihrem Chef sprechen');
    // No number or address given ("nein"): the answer comes in the chat, no callback is promised.
    expect(reply).toBe(`${t('handoff:heard.supervisor')}\n${t('handoff:status.inChat')}`);
    expect((await test.app.handoffs.get(ticket.handoffId)).needsSupervisor).toBe(true);
  });

  it('keeps the urgent lane live at night and says the team is back on Monday', async () => {
    const chat = conversation(test.baseUrl, { channelId: 'webchat' });
    const ticket = await test.app.handoffs.requestHandoff(
      handoffRequest(connector.serviceUrl, { conversationId: chat.id, category: 'lost_or_stolen', reason: 'urgent' }),
    );
    expect(ticket).toMatchObject({ staffed: false, outsideBusinessHours: false });
    expect(ticket.position).toBeGreaterThan(0);
    const say = async (text: string) => {
      const reply = texts(await chat.say(text, { serviceUrl: connector.serviceUrl }));
      replies.push(reply);
      return reply;
    };
    const position = ticket.position;
    expect(await say('Hallo? Ist da jemand?')).toBe(
      `${t('handoff:ackQueued', { position })}\n${t('handoff:status.closed', { when: 'ab Montag, 8 Uhr' })}`,
    );
    expect(await say('Wie lange dauert das noch?')).toBe(t('handoff:howLongClosed', { when: 'ab Montag, 8 Uhr' }));
    // No countdown either: the sweeper leaves the night's urgent lane alone.
    await test.app.handoffs.store.model.updateMany({ status: 'queued' }, { $set: { nextUpdateAt: new Date(0) } });
    expect(await test.app.handoffs.sweepOnce()).toBe(0);
    expect(connector.textsFor(chat.id)).toEqual([]);
  });

  afterAll(() => {
    // The invariant of the night: no reply promised a connection while nobody was on duty.
    expect(replies.length).toBeGreaterThan(5);
    for (const reply of replies) expect(reply).not.toMatch(/verbinde/i);
  });
});
