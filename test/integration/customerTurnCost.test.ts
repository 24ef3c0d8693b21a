import type { CommandStartedEvent } from 'mongodb';
import { I18nService } from '../../src/services/i18n/i18nService';
import { handoffModel } from '../../src/services/handoff/handoffModel';
import { conversation, texts, TestApp } from '../support/testApp';
import { testMongoUri } from '../support/testDb';
import { waitFor } from '../services/whatsapp/metaPayloads';
import { startFakeBotConnector, FakeBotConnector } from '../services/handoff/support/fakeBotConnector';
import { ADMIN, api, handoffRequest, startHandoffTestApp } from '../services/handoff/support/handoffTestApp';

const t = new I18nService('de').t('de');

describe('the database work of a customer turn', () => {
  let first: TestApp;
  let second: TestApp;
  let connector: FakeBotConnector;
  let commands: string[] = [];

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    const mongoUri = testMongoUri('turncost');
    first = await startHandoffTestApp({}, `${mongoUri}?monitorCommands=true`);
    second = await startHandoffTestApp({}, mongoUri);
    const client = first.app.database.connection.getClient();
    client.on('commandStarted', (event: CommandStartedEvent) => {
      const collection = (event.command as Record<string, unknown>)[event.commandName];
      commands.push(`${event.commandName} ${String(collection)}`);
    });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await connector?.close();
  });

  /** The commands one message causes, the transcript written behind the answer included. */
  async function commandsOf(say: () => Promise<unknown>): Promise<string[]> {
    commands = [];
    await say();
    await waitFor(() => commands.includes('update transcripts'), 'the transcript written behind the answer');
    return commands.filter((c) => /botstate|transcripts|handoffs/.test(c));
  }

  it('reads the state once, writes it once and the transcript once, and does not ask the queue', async () => {
    const chat = conversation(first.baseUrl, { channelId: 'webchat' });
    const extra = { serviceUrl: connector.serviceUrl };
    await commandsOf(() => chat.say('Hallo', extra));
    for (const text of ['1', 'Wann wird abgebucht?', 'Menü']) {
      expect(await commandsOf(() => chat.say(text, extra))).toEqual([
        'find botstate',
        'update botstate',
        'update transcripts',
      ]);
    }
  });

  it('creates a handoff with one insert, telling the place it is inserted with, and reads nothing back', async () => {
    const extra = { serviceUrl: connector.serviceUrl };
    // An earlier handoff: the claim rate the estimate learns from is read at most every 15 s, not per turn.
    await conversation(first.baseUrl, { channelId: 'webchat' }).say(
      'Ich möchte bitte mit einem Mitarbeiter sprechen.',
      extra,
    );
    const chat = conversation(first.baseUrl, { channelId: 'webchat' });
    await chat.say('Hallo', extra);
    const handoffCommands = (
      await commandsOf(() => chat.say('Ich möchte bitte mit einem Mitarbeiter sprechen.', extra))
    ).filter((c) => c.includes('handoffs'));
    expect(handoffCommands).toEqual(['insert handoffs']);
    const { active } = await second.app.handoffs.conversationState(`webchat:${chat.id}`);
    expect(active?.lastPositionSent).toBeGreaterThanOrEqual(1);
    // Asked again from another instance: the one record stays the handoff.
    const again = await second.app.handoffs.requestHandoff(
      handoffRequest(connector.serviceUrl, { conversationId: chat.id }),
    );
    expect(again).toMatchObject({ handoffId: active!.id, created: false });
  });

  it('asks for the handoff of a waiting customer once, reads no state, and stores the line', async () => {
    const chat = conversation(first.baseUrl, { channelId: 'webchat' });
    const extra = { serviceUrl: connector.serviceUrl };
    await chat.say('Hallo', extra);
    await chat.say('Ich möchte bitte mit einem Mitarbeiter sprechen.', extra);
    for (const text of ['Hallo, ist da jemand?', 'Ok']) {
      commands = [];
      await chat.say(text, extra);
      const started = commands.filter((c) => /botstate|handoff/.test(c));
      expect(started.filter((c) => c === 'findAndModify handoffs')).toHaveLength(1);
      expect(started).toContain('insert handoff_messages');
      // The record answers the turn: no state read, and (an acknowledgement changes none) no write.
      expect(started.filter((c) => c.includes('botstate'))).toEqual([]);
    }
  });

  it('acknowledges a waiting customer without a state write, the wording alternating on either instance, every line kept in order', async () => {
    const id = `conv-ack-${Date.now()}`;
    const extra = { serviceUrl: connector.serviceUrl };
    const onFirst = conversation(first.baseUrl, { channelId: 'webchat', id, userId: 'ack-user' });
    const onSecond = conversation(second.baseUrl, { channelId: 'webchat', id, userId: 'ack-user' });
    await onFirst.say('Hallo', extra);
    await onFirst.say('Ich möchte bitte mit einem Mitarbeiter sprechen.', extra);
    const { active } = await second.app.handoffs.conversationState(`webchat:${id}`);
    // Both instances count the queue afresh, so they tell the same place (earlier tests queued others).
    const fresh = () => [first, second].forEach((app) => app.app.handoffs.invalidateQueueSnapshot());
    fresh();
    const position = (await first.app.handoffs.ticketFor(active!)).position;
    const lines = ['Hallo, ist da jemand?', 'Wie lange dauert es noch?', 'Ich warte hier.', 'Ich bin noch da.'];
    const replies: string[] = [];
    for (const [i, text] of lines.entries()) {
      // Every other message reaches the other instance, as behind a load balancer.
      const chat = i % 2 === 0 ? onFirst : onSecond;
      commands = [];
      fresh();
      replies.push(texts(await chat.say(text, extra)));
      if (chat === onFirst) expect(commands).not.toContain('update botstate');
    }
    // The customer's second message was no acknowledgement; the third and fourth, in a row, differ.
    expect([replies[0], replies[2], replies[3]]).toEqual([
      t('handoff:ackQueued', { position }),
      t('handoff:ackQueued', { position }),
      t('handoff:ackQueuedAgain', { position }),
    ]);
    const record = await second.app.handoffs.get(active!.id);
    expect(record.customerMessages).toBe(lines.length);
    expect(record.messages.filter((m) => m.from === 'customer').map((m) => m.text)).toEqual(lines);
  });

  it('sees a handoff that was resolved on another instance, and asks for the rating once', async () => {
    const chat = conversation(first.baseUrl, { channelId: 'webchat' });
    const extra = { serviceUrl: connector.serviceUrl };
    await chat.say('Hallo', extra);
    await chat.say('Ich will sofort einen Mitarbeiter sprechen!', extra);
    const { active } = await second.app.handoffs.conversationState(`webchat:${chat.id}`);
    expect(active).toBeDefined();
    // While queued, each turn reads the record: the gate answers instead of the dialogs.
    expect(texts(await chat.say('Hallo?', extra))).toBe(t('handoff:ackQueued', { position: 1 }));

    const admin = api(second.baseUrl, ADMIN);
    expect((await admin(`/api/handoffs/${active!.id}/claim`, { method: 'POST' })).status).toBe(200);
    expect(texts(await chat.say('Sind Sie da?', extra))).toBe('');
    expect((await admin(`/api/handoffs/${active!.id}/resolve`, { method: 'POST' })).status).toBe(200);
    expect(texts(await chat.say('5', extra))).toBe(t('handoff:survey.thanks'));
    expect((await second.app.handoffs.get(active!.id)).survey?.rating).toBe(5);
    // Back with the bot.
    expect(texts(await chat.say('Hallo', extra))).not.toBe('');
  });

  it('sees a handoff created outside any turn, on another instance', async () => {
    const chat = conversation(first.baseUrl, { channelId: 'webchat' });
    const extra = { serviceUrl: connector.serviceUrl };
    await chat.say('Hallo', extra);
    await second.app.handoffs.requestHandoff(handoffRequest(connector.serviceUrl, { conversationId: chat.id }));
    expect(texts(await chat.say('abbrechen', extra))).toBe(t('handoff:cancelled'));
  });

  it('marks conversations whose handoff was queued before marks existed, when an instance starts', async () => {
    const chat = conversation(first.baseUrl, { channelId: 'webchat' });
    const extra = { serviceUrl: connector.serviceUrl };
    await chat.say('Hallo', extra);
    // A record written without a mark, as an older version did.
    const request = handoffRequest(connector.serviceUrl, { conversationId: chat.id });
    const model = handoffModel(first.app.database.connection);
    const now = new Date();
    await model.create({
      status: 'queued',
      mode: 'live',
      priority: 3,
      category: 'complaint',
      reason: 'explicit_request',
      needsSupervisor: false,
      frustration: { level: 0, score: 0 },
      customer: {
        channel: 'webchat',
        conversationKey: `webchat:${chat.id}`,
        conversationReference: request.conversationReference,
        language: 'de',
      },
      summary: { text: 'Beschwerde', menuPath: [], facts: [], references: [], mood: 'ruhig' },
      transcript: [],
      messages: [],
      notes: [],
      previousAgents: [],
      audit: [],
      activeKey: `webchat:${chat.id}`,
      createdAt: now,
      updatedAt: now,
    });
    expect(await first.app.handoffs.markOpenHandoffs()).toBeGreaterThanOrEqual(1);
    expect(texts(await chat.say('abbrechen', extra))).toBe(t('handoff:cancelled'));
  });
});
