import { Database } from '../../../src/services/database/database';
import { InboundStore } from '../../../src/channels/whatsapp/inboundStore';
import { createLogger } from '../../../src/services/logger';
import { testMongoUri } from '../../support/testDb';

describe('claiming a WhatsApp message as it was stored', () => {
  const database = new Database(testMongoUri('inbound_claims'), createLogger('silent'));
  let inbox: InboundStore;

  beforeAll(async () => {
    await database.connect();
    inbox = new InboundStore(database.connection);
  });
  afterAll(() => database.close());

  const message = (wamid: string, waId: string) => ({
    wamid,
    waId,
    sentAt: new Date(),
    type: 'text',
    raw: JSON.stringify({ type: 'text', text: { body: 'Hallo' } }),
  });

  it('lets exactly one of many claims of the same message win, and says so without reading it back', async () => {
    const stored = (await inbox.store(message('wamid.claim-once', '491700000101'), new Date()))!;
    // Claims of other customers' messages in the same bulk write do not disturb each other.
    const other = (await inbox.store(message('wamid.claim-other', '491700000102'), new Date()))!;
    const results = await Promise.all([
      inbox.claimStored(stored),
      inbox.claimStored(stored),
      inbox.claimStored(other),
      inbox.claimStored(stored),
    ]);
    expect(results.filter((r) => r?._id === 'wamid.claim-once')).toHaveLength(1);
    expect(results[2]).toMatchObject({ _id: 'wamid.claim-other', status: 'processing', attempts: 1 });
    expect(await inbox.get('wamid.claim-once')).toMatchObject({ status: 'processing', attempts: 1 });
    expect(await inbox.count({ waId: '491700000101' })).toBe(1);
  });

  it('leaves a message to the generic claim once it was claimed since it was stored', async () => {
    const stored = (await inbox.store(message('wamid.claim-taken', '491700000103'), new Date()))!;
    // Taken by another instance, which failed: it waits again, one attempt spent.
    const taken = await inbox.claimNext('491700000103');
    expect(taken).toMatchObject({ _id: 'wamid.claim-taken', attempts: 1 });
    await inbox.markFailed('wamid.claim-taken', 'boom', 1);
    expect(await inbox.claimStored(stored)).toBeNull();
    // The generic claim takes it, with the attempt counted.
    expect(await inbox.claimNext('491700000103')).toMatchObject({ _id: 'wamid.claim-taken', attempts: 2 });
    expect(await inbox.count({ waId: '491700000103' })).toBe(1);
  });
});
