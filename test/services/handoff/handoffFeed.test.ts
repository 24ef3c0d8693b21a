import { Database } from '../../../src/services/database/database';
import { HandoffEventBus } from '../../../src/services/handoff/handoffEventBus';
import type { HandoffEventName } from '../../../src/services/handoff/handoffEvents';
import { detectFeedMode, feedModeFor } from '../../../src/services/handoff/handoffFeed';
import { createLogger } from '../../../src/services/logger';
import { testMongoUri } from '../../support/testDb';

describe('choice of the cross-instance event feed', () => {
  it('uses a change stream only where the server offers one (replica set or mongos)', () => {
    expect(feedModeFor({ setName: 'rs0', isWritablePrimary: true } as { setName: string })).toBe('changeStream');
    expect(feedModeFor({ msg: 'isdbgrid' })).toBe('changeStream');
    expect(feedModeFor({ ismaster: true } as object)).toBe('polling');
  });

  describe('on the test database', () => {
    const database = new Database(testMongoUri('feed'), createLogger('silent'));
    beforeAll(() => database.connect());
    afterAll(() => database.close());

    it('polls on the local database (a standalone server without change streams)', async () => {
      expect(await detectFeedMode(database.connection)).toBe('polling');
    });

    it("delivers one instance's event to another once, marked as not local", async () => {
      const logger = createLogger('silent');
      const seenByB: HandoffEventName[] = [];
      const a = new HandoffEventBus(
        database.connection,
        'a',
        logger,
        () => new Date(),
        () => undefined,
      );
      const b = new HandoffEventBus(
        database.connection,
        'b',
        logger,
        () => new Date(),
        (type) => seenByB.push(type),
      );
      const received: { position: number; local: boolean }[] = [];
      b.events.on('positionChanged', (payload, meta) =>
        received.push({ position: payload.position, local: meta.local }),
      );
      await a.publish('positionChanged', 'h1', { handoffId: 'h1', position: 3, estimatedWaitMinutes: 6 });
      // Stored in the background: poll until it is there.
      while (received.length === 0) await b.pollOnce();
      await b.pollOnce();
      expect(received).toEqual([{ position: 3, local: false }]);
      expect(seenByB).toEqual(['positionChanged']);
    });
  });
});
