import { ConversationState, TurnContext, TestAdapter } from 'botbuilder';
import { Database } from '../../../src/services/database/database';
import { createLogger } from '../../../src/services/logger';
import { HANDOFF_MARK_FIELD, HandoffMark, HandoffMarks } from '../../../src/services/state/handoffMarks';
import { MongoStorage } from '../../../src/services/state/mongoStorage';
import { testMongoUri } from '../../support/testDb';

/** A turn of the conversation `id` on the directline channel, with its state loaded. */
async function turn(state: ConversationState, id: string): Promise<TurnContext> {
  const context = new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'directline',
    conversation: { id, isGroup: false, conversationType: '', name: '' },
    from: { id: 'u', name: 'u' },
  });
  await state.load(context);
  return context;
}

describe('HandoffMarks', () => {
  const database = new Database(testMongoUri('marks'), createLogger('silent'));
  const storage = new MongoStorage(database.connection);
  const state = new ConversationState(storage);
  let clock = new Date('2026-03-02T10:00:00Z');
  const marks = new HandoffMarks(database.connection, state, () => clock);

  beforeAll(() => database.connect());
  afterAll(() => database.close());

  it('arrives with the state read, and a turn saving its state leaves it in place', async () => {
    const before = await turn(state, 'c1');
    expect(await marks.current(before)).toBeUndefined();
    (state.get(before) as Record<string, unknown>).step = 1;
    await state.saveChanges(before);

    await marks.mark('directline', 'c1');
    const during = await turn(state, 'c1');
    expect(await marks.current(during)).toMatchObject({ token: expect.any(String) });
    (state.get(during) as Record<string, unknown>).step = 2;
    await state.saveChanges(during);

    const after = await turn(state, 'c1');
    expect(state.get(after)).toMatchObject({ step: 2 });
    expect(await marks.current(after)).toBeDefined();
    // The mark is not part of the saved state.
    const raw = await database.connection
      .db!.collection('botstate')
      .findOne({ _id: HandoffMarks.stateKey('directline', 'c1') as never });
    expect(JSON.parse(raw!.data as string)).not.toHaveProperty(HANDOFF_MARK_FIELD);
  });

  it('marks a conversation that has no state yet; its first turn still saves normally', async () => {
    await marks.mark('directline', 'c2');
    const first = await turn(state, 'c2');
    expect(await marks.current(first)).toBeDefined();
    (state.get(first) as Record<string, unknown>).greeted = true;
    await state.saveChanges(first);
    const next = await turn(state, 'c2');
    expect(state.get(next)).toMatchObject({ greeted: true });
    expect(await marks.current(next)).toBeDefined();
  });

  it('keeps a fresh mark (its handoff may be on its way) and clears an old one', async () => {
    await marks.mark('directline', 'c3');
    const seen = (await marks.current(await turn(state, 'c3'))) as HandoffMark;
    await marks.clear(await turn(state, 'c3'), seen);
    expect(await marks.current(await turn(state, 'c3'))).toBeDefined();

    clock = new Date(clock.getTime() + 60_000);
    await marks.clear(await turn(state, 'c3'), seen);
    expect(await marks.current(await turn(state, 'c3'))).toBeUndefined();
  });

  it('does not clear a mark that was set again after the turn read it', async () => {
    await marks.mark('directline', 'c4');
    const stale = (await marks.current(await turn(state, 'c4'))) as HandoffMark;
    clock = new Date(clock.getTime() + 60_000);
    await marks.mark('directline', 'c4');
    await marks.clear(await turn(state, 'c4'), stale);
    expect(await marks.current(await turn(state, 'c4'))).toBeDefined();
  });

  it('survives deleting the state: the handoff must still be found', async () => {
    await marks.mark('directline', 'c5');
    const context = await turn(state, 'c5');
    (state.get(context) as Record<string, unknown>).step = 1;
    await state.saveChanges(context);
    await state.delete(context);
    const after = await turn(state, 'c5');
    expect(state.get(after)).not.toHaveProperty('step');
    expect(await marks.current(after)).toBeDefined();
  });
});
