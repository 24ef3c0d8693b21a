import { Database } from '../../../src/services/database/database';
import type { HandoffDoc } from '../../../src/services/handoff/handoffModel';
import { auditEntry, CUSTOMER_ACTOR, HandoffStore, SYSTEM_ACTOR } from '../../../src/services/handoff/handoffStore';
import { createLogger } from '../../../src/services/logger';
import { testMongoUri } from '../../support/testDb';

function newHandoff(key: string, now: Date): Omit<HandoffDoc, '_id'> {
  return {
    status: 'queued',
    mode: 'live',
    priority: 3,
    category: 'billing',
    reason: 'explicit_request',
    needsSupervisor: false,
    frustration: { level: 0, score: 0 },
    customer: { channel: 'webchat', conversationKey: key, conversationReference: {}, language: 'de' },
    summary: { text: '', menuPath: [], facts: [], references: [], mood: 'ruhig' },
    transcript: [],
    messages: [],
    notes: [],
    previousAgents: [],
    audit: [auditEntry(CUSTOMER_ACTOR, 'created', now)],
    activeKey: key,
    createdAt: now,
    updatedAt: now,
    nextUpdateAt: now,
  };
}

describe('the one transition helper', () => {
  const database = new Database(testMongoUri('store'), createLogger('silent'));
  let store: HandoffStore;

  beforeAll(async () => {
    await database.connect();
    store = new HandoffStore(database.connection);
    await store.model.init();
  });
  afterAll(() => database.close());

  it('allows one active handoff per conversation until a transition ends it', async () => {
    const now = new Date();
    const first = await store.insert(newHandoff('webchat:a', now));
    expect(first).toBeDefined();
    expect(await store.insert(newHandoff('webchat:a', now))).toBeUndefined();

    const cancelled = await store.transition(
      first!.id,
      { from: 'queued', to: 'cancelled', audit: auditEntry(CUSTOMER_ACTOR, 'cancelled', now) },
      now,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', closedAt: now });
    expect(cancelled!.nextUpdateAt).toBeUndefined();
    expect(cancelled!.audit.map((a) => a.action)).toEqual(['created', 'cancelled']);
    // The conversation is free again.
    expect(await store.insert(newHandoff('webchat:a', now))).toBeDefined();
  });

  it('refuses a transition from a status the record is not in, and a where that no longer holds', async () => {
    const now = new Date();
    const record = (await store.insert(newHandoff('webchat:b', now)))!;
    expect(
      await store.transition(
        record.id,
        { from: 'assigned', to: 'resolved', audit: auditEntry(SYSTEM_ACTOR, 'resolved', now) },
        now,
      ),
    ).toBeUndefined();
    expect(
      await store.transition(
        record.id,
        {
          from: 'queued',
          to: 'assigned',
          where: { needsSupervisor: true },
          audit: auditEntry(SYSTEM_ACTOR, 'claimed', now),
        },
        now,
      ),
    ).toBeUndefined();
    const claimed = await store.transition(
      record.id,
      { from: 'queued', to: 'assigned', set: { claimedAt: now }, audit: auditEntry(SYSTEM_ACTOR, 'claimed', now) },
      now,
    );
    // Claimed: still active (the conversation stays with the person), no more queue updates.
    expect(claimed).toMatchObject({ status: 'assigned', claimedAt: now });
    expect(claimed!.nextUpdateAt).toBeUndefined();
    expect(await store.findActive('webchat:b')).toMatchObject({ id: record.id });
  });

  it('lets exactly one of many concurrent transitions win', async () => {
    const now = new Date();
    const record = (await store.insert(newHandoff('webchat:c', now)))!;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        store.transition(
          record.id,
          { from: 'queued', to: 'assigned', audit: auditEntry(SYSTEM_ACTOR, 'claimed', now) },
          now,
        ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await store.get(record.id)).audit.filter((a) => a.action === 'claimed')).toHaveLength(1);
  });
});
