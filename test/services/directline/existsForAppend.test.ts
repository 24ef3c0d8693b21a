import type { CommandStartedEvent } from 'mongodb';
import { DirectLineActivityStore } from '../../../src/channels/directline/activityStore';
import { Database } from '../../../src/services/database/database';
import { createLogger } from '../../../src/services/logger';
import { testMongoUri } from '../../support/testDb';

/** Past the time a confirmation that a conversation exists is trusted (REVOCATION_CACHE_MS). */
const STALE_MS = 2100;

describe('Direct Line: a message posted after a pause', () => {
  let database: Database;
  let store: DirectLineActivityStore;
  let commands: string[] = [];

  beforeAll(async () => {
    database = new Database(`${testMongoUri('dl_exists')}?monitorCommands=true`, createLogger('silent'));
    await database.connect();
    await database.ensureIndexes();
    store = new DirectLineActivityStore(database.connection);
    database.connection.getClient().on('commandStarted', (event: CommandStartedEvent) => {
      const collection = (event.command as Record<string, unknown>)[event.commandName];
      if (String(collection).startsWith('directline_conversations'))
        commands.push(`${event.commandName} ${String(collection)}`);
    });
  });
  afterAll(() => database.close());

  it('confirms the conversation with the write the append makes anyway: one command, not two', async () => {
    await store.create('dl-pause', 'kunde');
    await store.append('dl-pause', { type: 'message', text: 'Hallo', from: { id: 'kunde', role: 'user' } as never });
    await new Promise((r) => setTimeout(r, STALE_MS));
    commands = [];
    expect(await store.exists('dl-pause', true)).toBe(true);
    const stored = await store.append('dl-pause', { type: 'message', text: 'Noch da?' });
    expect(stored.id).toBe('dl-pause|0000002');
    expect(commands).toEqual(['update directline_conversations']);
  }, 10000);

  it('still says no for a conversation erased meanwhile', async () => {
    await store.create('dl-erased', 'kunde');
    await database.connection.collection('directline_conversations').deleteOne({ _id: 'dl-erased' as never });
    await new Promise((r) => setTimeout(r, STALE_MS));
    expect(await store.exists('dl-erased', true)).toBe(false);
    expect(await store.exists('dl-erased')).toBe(false);
  }, 10000);
});
