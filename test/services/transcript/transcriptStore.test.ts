import { ActivityTypes, TestAdapter } from 'botbuilder';
import { Database } from '../../../src/services/database/database';
import { createLogger } from '../../../src/services/logger';
import { createTranscriptMiddleware } from '../../../src/services/transcript/transcriptMiddleware';
import { TranscriptLine, TranscriptStore } from '../../../src/services/transcript/transcriptStore';
import { testMongoUri } from '../../support/testDb';

const line = (from: TranscriptLine['from'], text: string): TranscriptLine => ({ at: new Date(), from, text });

describe('TranscriptStore', () => {
  const database = new Database(testMongoUri('transcripts'), createLogger('silent'));
  const store = new TranscriptStore(database.connection, 5);

  beforeAll(() => database.connect());
  afterAll(() => database.close());

  it('writes the turns of many conversations, each in order, masked, keeping the most recent lines', async () => {
    const writes: Promise<void>[] = [];
    for (let turn = 0; turn < 4; turn++) {
      for (const key of ['web:a', 'web:b', 'web:c']) {
        const batch = store.begin(key);
        batch.add([
          line('customer', `${key} Frage ${turn}, Karte 4111 1111 1111 1111`),
          line('bot', `${key} Antwort ${turn}`),
        ]);
        writes.push(store.commit(batch));
      }
    }
    await Promise.all(writes);
    for (const key of ['web:a', 'web:b', 'web:c']) {
      const lines = await store.recent(key);
      expect(lines.map((l) => l.text)).toEqual([
        `${key} Antwort 1`,
        `${key} Frage 2, Karte **** **** **** 1111`,
        `${key} Antwort 2`,
        `${key} Frage 3, Karte **** **** **** 1111`,
        `${key} Antwort 3`,
      ]);
    }
  });

  it('shows a running turn and lines still on their way to the database, each exactly once', async () => {
    const done = store.begin('web:d');
    done.add([line('customer', 'Hallo')]);
    const written = store.commit(done);
    const running = store.begin('web:d');
    running.add([line('customer', 'Ich möchte einen Mitarbeiter'), line('bot', 'Ich verbinde Sie.')]);
    expect((await store.recent('web:d')).map((l) => l.text)).toEqual([
      'Hallo',
      'Ich möchte einen Mitarbeiter',
      'Ich verbinde Sie.',
    ]);
    await written;
    await store.commit(running);
    expect((await store.recent('web:d')).map((l) => l.text)).toEqual([
      'Hallo',
      'Ich möchte einen Mitarbeiter',
      'Ich verbinde Sie.',
    ]);
  });

  it('drain() waits for everything committed', async () => {
    const batch = store.begin('web:e');
    batch.add([line('customer', 'Noch da?')]);
    void store.commit(batch);
    await store.drain();
    const doc = await database.connection.db!.collection('transcripts').findOne({ _id: 'web:e' as never });
    expect(doc?.lines).toHaveLength(1);
  });
});

describe('the transcript middleware', () => {
  it('records the customer message and the replies of a turn after it, and logs a write that failed', async () => {
    const database = new Database(testMongoUri('transcripts_mw'), createLogger('silent'), {
      serverSelectionTimeoutMS: 300,
    });
    await database.connect();
    const store = new TranscriptStore(database.connection);
    const logger = createLogger('silent');
    const errors: unknown[] = [];
    logger.error = ((obj: unknown, msg?: string) => errors.push([obj, msg])) as typeof logger.error;

    const adapter = new TestAdapter(async (context) => {
      await context.sendActivity('Guten Tag! Wie kann ich helfen?');
      await context.sendActivity({ type: ActivityTypes.Typing });
    });
    adapter.use(createTranscriptMiddleware(store, logger));
    await adapter
      .send('Hallo')
      .assertReply('Guten Tag! Wie kann ich helfen?')
      .assertReply((a) => expect(a.type).toBe(ActivityTypes.Typing));
    await store.drain();
    const key = `test:${adapter.conversation.conversation.id}`;
    expect((await store.recent(key)).map((l) => [l.from, l.text])).toEqual([
      ['customer', 'Hallo'],
      ['bot', 'Guten Tag! Wie kann ich helfen?'],
    ]);

    await database.close();
    // The customer still gets the answer; the lost lines are logged.
    await adapter.send('Sind Sie noch da?').assertReply('Guten Tag! Wie kann ich helfen?');
    await store.drain();
    expect(errors).toEqual([[expect.objectContaining({ conversationId: key, lines: 2 }), 'transcript not stored']]);
  });
});
