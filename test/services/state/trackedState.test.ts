import { MemoryStorage, StoreItems, TestAdapter, TurnContext } from 'botbuilder';
import { TrackedConversationState, TrackedUserState } from '../../../src/services/state/trackedState';

class CountingStorage extends MemoryStorage {
  writes: StoreItems[] = [];
  reads = 0;
  override async read(keys: string[]): Promise<StoreItems> {
    this.reads++;
    return super.read(keys);
  }
  override async write(changes: StoreItems): Promise<void> {
    this.writes.push(JSON.parse(JSON.stringify(changes)));
    return super.write(changes);
  }
}

function context(): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'test',
    conversation: { id: 'c', isGroup: false, conversationType: '', name: '' },
    from: { id: 'u', name: 'u' },
  });
}

describe('TrackedConversationState', () => {
  it('reads once per turn and writes only what changed', async () => {
    const storage = new CountingStorage();
    const state = new TrackedConversationState(storage);
    const step = state.createProperty<number>('step');

    const first = context();
    expect(await step.get(first, 1)).toBe(1);
    await state.saveChanges(first);
    expect(storage.writes).toHaveLength(1);

    const unchanged = context();
    expect(await step.get(unchanged)).toBe(1);
    await step.get(unchanged);
    await state.saveChanges(unchanged);
    expect(storage.reads).toBe(2);
    expect(storage.writes).toHaveLength(1);

    const changed = context();
    await step.set(changed, 2);
    await state.saveChanges(changed);
    expect(storage.writes).toHaveLength(2);
    // Saved once; a second save in the same turn has nothing new.
    await state.saveChanges(changed);
    expect(storage.writes).toHaveLength(2);
    expect((await storage.read(['test/conversations/c/']))['test/conversations/c/']).toMatchObject({ step: 2 });
  });

  it('writes a change to a nested object, and what clear() emptied', async () => {
    const storage = new CountingStorage();
    const state = new TrackedConversationState(storage);
    const session = state.createProperty<{ facts: string[] }>('session');
    const a = context();
    await session.get(a, { facts: [] });
    await state.saveChanges(a);

    const b = context();
    (await session.get(b))!.facts.push('Fehlerbild: kein Internet');
    await state.saveChanges(b);
    expect(storage.writes.at(-1)!['test/conversations/c/']).toMatchObject({
      session: { facts: ['Fehlerbild: kein Internet'] },
    });

    const c = context();
    await state.load(c);
    await state.clear(c);
    await state.saveChanges(c);
    expect(storage.writes.at(-1)!['test/conversations/c/']).not.toHaveProperty('session');
  });

  it('keeps user state apart from conversation state', async () => {
    const storage = new CountingStorage();
    const users = new TrackedUserState(storage);
    const profile = users.createProperty<{ conversations: number }>('profile');
    const turn = context();
    (await profile.get(turn, { conversations: 0 }))!.conversations++;
    await users.saveChanges(turn);
    expect(Object.keys(storage.writes[0])).toEqual(['test/users/u/']);
  });
});
