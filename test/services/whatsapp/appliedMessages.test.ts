import { ConversationState, MemoryStorage, StoreItems, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { AppliedMessages } from '../../../src/channels/whatsapp/appliedMessages';

/** Counts reads, as MongoStorage would turn reads of one tick into one find. */
class CountingStorage extends MemoryStorage {
  reads: string[][] = [];
  override read(keys: string[]): Promise<StoreItems> {
    this.reads.push(keys);
    return super.read(keys);
  }
}

function turn(text: string): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message',
    text,
    channelId: 'whatsapp',
    conversation: { id: '4915100000001', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: '4915100000001', name: 'Kunde' },
    recipient: { id: 'bot', name: 'Lotse' },
  });
}

describe('AppliedMessages', () => {
  it('loads the user state in the same tick as the conversation state, so the turn reads state once', async () => {
    const storage = new CountingStorage();
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const applied = new AppliedMessages(conversationState, [userState]);
    const context = turn('Hallo');

    expect(await applied.begin(context, 'wamid.1')).toBe(true);
    expect(storage.reads).toHaveLength(2);
    // The bot's own load finds both in the turn's cache.
    await Promise.all([conversationState.load(context), userState.load(context)]);
    expect(storage.reads).toHaveLength(2);
  });

  it('still refuses a message whose mark was saved', async () => {
    const storage = new CountingStorage();
    const conversationState = new ConversationState(storage);
    const applied = new AppliedMessages(conversationState, [new UserState(storage)]);
    const first = turn('Hallo');
    expect(await applied.begin(first, 'wamid.1')).toBe(true);
    await conversationState.saveChanges(first);
    expect(await applied.begin(turn('Hallo'), 'wamid.1')).toBe(false);
  });
});
