import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { Registry } from 'prom-client';
import { AppliedMessages } from '../../../src/channels/whatsapp/appliedMessages';
import { ContactStore } from '../../../src/channels/whatsapp/contactStore';
import { GraphApiClient } from '../../../src/channels/whatsapp/graphApiClient';
import { deadLetterCounter, WhatsAppInboundProcessor } from '../../../src/channels/whatsapp/inboundProcessor';
import { InboundStore, MAX_ATTEMPTS } from '../../../src/channels/whatsapp/inboundStore';
import { RecipientPacer } from '../../../src/channels/whatsapp/recipientPacer';
import { InboundSealer } from '../../../src/channels/whatsapp/sealedText';
import { StatusStore } from '../../../src/channels/whatsapp/statusStore';
import { parseWebhook } from '../../../src/channels/whatsapp/webhookPayload';
import { WhatsAppAdapter } from '../../../src/channels/whatsapp/whatsappAdapter';
import { Database } from '../../../src/services/database/database';
import { I18nService } from '../../../src/services/i18n/i18nService';
import { createLogger } from '../../../src/services/logger';
import { MongoStorage } from '../../../src/services/state/mongoStorage';
import { TrackedConversationState } from '../../../src/services/state/trackedState';
import { testMongoUri } from '../../support/testDb';
import { textMessage, waitFor } from './metaPayloads';

const LEASE_MS = 400;

/**
 * A bot that keeps, in its conversation state, every text it applied, saving the state at the end
 * of the turn as the customer bot does: a message applied twice shows up twice.
 */
class CountingBot {
  constructor(
    private readonly state: TrackedConversationState,
    private readonly failOn?: string,
  ) {}
  async run(context: TurnContext): Promise<void> {
    const bag = (await this.state.load(context)) as { applied?: string[] };
    if (context.activity.text === this.failOn) throw new Error('the dialog broke');
    bag.applied = [...(bag.applied ?? []), context.activity.text ?? ''];
    await this.state.saveChanges(context);
  }
}

describe('WhatsApp messages take effect exactly once', () => {
  let database: Database;
  const logger = createLogger('silent');
  const i18n = new I18nService('de');

  beforeAll(async () => {
    database = new Database(testMongoUri('wa_once'), logger);
    await database.connect();
    await database.ensureIndexes();
  });
  afterAll(() => database.close());

  function instance(
    inbox: InboundStore,
    bot: { run(context: TurnContext): Promise<void> },
    state: TrackedConversationState,
    onDeadLetter?: (n: number) => void,
    leaseMs = LEASE_MS,
    sweepIntervalMs = 100,
  ) {
    const connection = database.connection;
    const contacts = new ContactStore(connection);
    const statuses = new StatusStore(connection);
    const config = {
      phoneNumberId: '1',
      accessToken: 'x',
      apiUrl: 'http://127.0.0.1:9',
      retryBaseMs: 1,
      templateName: '',
      templateLanguage: 'de',
    };
    const adapter = new WhatsAppAdapter(
      { ...config, botName: 'Lotse', defaultLocale: 'de-DE' },
      new GraphApiClient({ ...config, maxAttempts: 1, timeoutMs: 500 }, logger),
      new RecipientPacer({ minGapMs: 0, burst: 10, refillMs: 6000 }),
      contacts,
      statuses,
      i18n,
      logger,
    );
    const processor = new WhatsAppInboundProcessor(inbox, contacts, statuses, adapter, bot, i18n, logger, {
      leaseMs,
      sweepIntervalMs,
      applied: new AppliedMessages(state),
      onDeadLetter,
    });
    return { processor, contacts };
  }

  /** Accepts a customer's texts in order, lets the processor work them off, and returns what the bot applied. */
  async function applyInOrder(
    processor: WhatsAppInboundProcessor,
    inbox: InboundStore,
    waId: string,
    texts: string[],
  ): Promise<string[]> {
    for (const [i, text] of texts.entries())
      await processor.accept(parseWebhook(textMessage(waId, `wamid.${randomUUID()}`, text, String(1_700_000_000 + i))));
    processor.kick([waId]);
    await waitFor(
      async () => (await inbox.count({ waId, status: 'done' })) === texts.length,
      'every message done',
      15000,
    );
    await processor.stop();
    const doc = await database.connection
      .collection('botstate')
      .findOne({ _id: `whatsapp/conversations/${waId}/` as never });
    return (JSON.parse(String(doc?.data)) as { applied: string[] }).applied;
  }

  it('does not apply a message twice when its instance died after the turn saved its state', async () => {
    const connection = database.connection;
    const state = new TrackedConversationState(new MongoStorage(connection));
    const waId = '4917100000001';
    const texts = ['eins', 'zwei', 'drei', 'vier', 'fünf'];
    // The first instance "dies" after the third turn saved its state, before the message is marked done.
    const dying = new InboundStore(connection, new InboundSealer(connection));
    const realMarkDone = dying.markDone.bind(dying);
    let died = false;
    dying.markDone = async (wamid: string) => {
      const doc = await dying.get(wamid);
      if (doc && (await dying.original(doc)).includes('drei')) {
        died = true;
        return new Promise<void>(() => undefined);
      }
      return realMarkDone(wamid);
    };
    const { processor: first } = instance(dying, new CountingBot(state), state);
    const webhooks = texts.map((text, i) =>
      parseWebhook(textMessage(waId, `wamid.${randomUUID()}`, text, String(1_700_000_000 + i))),
    );
    for (const webhook of webhooks) await first.accept(webhook);
    first.kick([waId]);
    await waitFor(() => died, 'the first instance to die');
    void first.stop();

    // Another instance takes over once the lease ran out.
    const { processor: second } = instance(
      new InboundStore(connection, new InboundSealer(connection)),
      new CountingBot(state),
      state,
    );
    second.start();
    try {
      const inbound = connection.collection('whatsapp_inbound');
      await waitFor(
        async () => (await inbound.countDocuments({ waId, status: 'done' })) === texts.length,
        'every message done',
        15000,
      );
      const doc = await connection.collection('botstate').findOne({ _id: `whatsapp/conversations/${waId}/` as never });
      expect((JSON.parse(String(doc?.data)) as { applied: string[] }).applied).toEqual(texts);
    } finally {
      await second.stop();
    }
  });

  it("works through a customer's messages in order under one lease, taken once while it is fresh", async () => {
    const connection = database.connection;
    const state = new TrackedConversationState(new MongoStorage(connection));
    const inbox = new InboundStore(connection, new InboundSealer(connection));
    const { processor, contacts } = instance(inbox, new CountingBot(state), state, undefined, 60_000);
    const lease = jest.spyOn(contacts, 'tryLock');
    const texts = ['eins', 'zwei', 'drei', 'vier'];
    expect(await applyInOrder(processor, inbox, '4917100000003', texts)).toEqual(texts);
    expect(lease).toHaveBeenCalledTimes(1);
  });

  it('brings a message through that another instance stored while this one held the lease, without the sweep', async () => {
    const connection = database.connection;
    const state = new TrackedConversationState(new MongoStorage(connection));
    const waId = '4917100000009';
    const counting = new CountingBot(state);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const slow = {
      run: async (context: TurnContext) => {
        if (context.activity.text === 'eins') {
          holding = true;
          await released;
        }
        await counting.run(context);
      },
    };
    // No sweep runs (start is not called): only the instances' own work brings the messages through.
    const inbox = new InboundStore(connection, new InboundSealer(connection));
    const { processor: first } = instance(inbox, slow, state, undefined, 60_000, 60_000);
    const { processor: second } = instance(
      new InboundStore(connection, new InboundSealer(connection)),
      counting,
      state,
      undefined,
      60_000,
      60_000,
    );
    try {
      await first.accept(parseWebhook(textMessage(waId, `wamid.${randomUUID()}`, 'eins', '1700000000')));
      first.kick([waId]);
      await waitFor(() => holding, 'the first instance to hold the lease');
      await second.accept(parseWebhook(textMessage(waId, `wamid.${randomUUID()}`, 'zwei', '1700000001')));
      second.kick([waId]);
      await new Promise((resolve) => setTimeout(resolve, 150));
      release();
      await waitFor(async () => (await inbox.count({ waId, status: 'done' })) === 2, 'both messages done', 5000);
    } finally {
      release();
      await Promise.all([first.stop(), second.stop()]);
    }
    const doc = await connection.collection('botstate').findOne({ _id: `whatsapp/conversations/${waId}/` as never });
    expect((JSON.parse(String(doc?.data)) as { applied: string[] }).applied).toEqual(['eins', 'zwei']);
  });

  it('stops at once while it waits for a lease another instance holds', async () => {
    const connection = database.connection;
    const state = new TrackedConversationState(new MongoStorage(connection));
    const waId = '4917100000010';
    const contacts = new ContactStore(connection);
    expect(await contacts.tryLock(waId, 'another-instance', 60_000)).toBe(true);
    const inbox = new InboundStore(connection, new InboundSealer(connection));
    const { processor } = instance(inbox, new CountingBot(state), state, undefined, 60_000, 60_000);
    await processor.accept(parseWebhook(textMessage(waId, `wamid.${randomUUID()}`, 'eins', '1700000000')));
    processor.kick([waId]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await processor.stop();
    expect(Date.now() - started).toBeLessThan(500);
    expect(await inbox.count({ waId, status: 'pending' })).toBe(1);
  });

  it('tries a message that failed once again before the messages after it', async () => {
    const connection = database.connection;
    const state = new TrackedConversationState(new MongoStorage(connection));
    const inbox = new InboundStore(connection, new InboundSealer(connection));
    const counting = new CountingBot(state);
    let failed = false;
    const flaky = {
      run: async (context: TurnContext) => {
        if (context.activity.text === 'zwei' && !failed) {
          failed = true;
          throw new Error('a moment of trouble');
        }
        await counting.run(context);
      },
    };
    const { processor } = instance(inbox, flaky, state, undefined, 60_000);
    const texts = ['eins', 'zwei', 'drei', 'vier'];
    const applied = await applyInOrder(processor, inbox, '4917100000004', texts);
    expect(failed).toBe(true);
    expect(applied).toEqual(texts);
  });

  it('moves a message that keeps failing to the dead letters, counts it, and keeps no clear text', async () => {
    const connection = database.connection;
    const state = new TrackedConversationState(new MongoStorage(connection));
    const registry = new Registry();
    const inbox = new InboundStore(connection, new InboundSealer(connection));
    const { processor } = instance(
      inbox,
      new CountingBot(state, 'kaputt 4111 1111 1111 1111'),
      state,
      deadLetterCounter(registry),
    );
    const waId = '4917100000002';
    const wamid = `wamid.${randomUUID()}`;
    processor.start();
    try {
      await processor.accept(parseWebhook(textMessage(waId, wamid, 'kaputt 4111 1111 1111 1111')));
      processor.kick([waId]);
      // The store marks the message failed before the processor counts it, so wait for the count.
      await waitFor(
        async () =>
          /lotse_whatsapp_dead_letters_total 1$/m.test(
            await registry.getSingleMetricAsString('lotse_whatsapp_dead_letters_total'),
          ) || undefined,
        'the dead letter counted',
        15000,
      );
      const doc = await inbox.get(wamid);
      expect(doc?.status).toBe('failed');
      expect(doc?.attempts).toBe(MAX_ATTEMPTS);
      expect(doc?.sealed).toBeUndefined();
      expect(doc?.raw).not.toContain('4111 1111 1111 1111');
    } finally {
      await processor.stop();
    }
  });
});
