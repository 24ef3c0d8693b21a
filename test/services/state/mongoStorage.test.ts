import { Database } from '../../../src/services/database/database';
import { createLogger } from '../../../src/services/logger';
import { MongoStorage, StateConflictError } from '../../../src/services/state/mongoStorage';
import { testMongoUri } from '../../support/testDb';

describe('MongoStorage', () => {
  const database = new Database(testMongoUri('storage'), createLogger('silent'));
  const storage = new MongoStorage(database.connection);

  beforeAll(() => database.connect());
  afterAll(() => database.close());

  it('reads back what it wrote, with a fresh eTag', async () => {
    await storage.write({ 'conv/a': { step: 1, 'odd.key': { $weird: true } } });
    const items = await storage.read(['conv/a', 'missing']);
    expect(items['conv/a']).toMatchObject({ step: 1, 'odd.key': { $weird: true } });
    expect(typeof items['conv/a'].eTag).toBe('string');
    expect(items.missing).toBeUndefined();
  });

  it('accepts exactly one of two writes that carry the same stale eTag', async () => {
    await storage.write({ 'conv/b': { count: 0 } });
    const { 'conv/b': original } = await storage.read(['conv/b']);
    const outcomes = await Promise.allSettled([
      storage.write({ 'conv/b': { ...original, count: 1 } }),
      storage.write({ 'conv/b': { ...original, count: 2 } }),
    ]);
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(StateConflictError);
    const { 'conv/b': after } = await storage.read(['conv/b']);
    expect([1, 2]).toContain(after.count);
  });

  it('rejects a later write with an eTag that has since moved on', async () => {
    await storage.write({ 'conv/c': { v: 'first' } });
    const { 'conv/c': stale } = await storage.read(['conv/c']);
    await storage.write({ 'conv/c': { ...stale, v: 'second' } });
    await expect(storage.write({ 'conv/c': { ...stale, v: 'third' } })).rejects.toBeInstanceOf(StateConflictError);
    expect((await storage.read(['conv/c']))['conv/c'].v).toBe('second');
  });

  it('overwrites unconditionally with eTag "*"', async () => {
    await storage.write({ 'conv/d': { v: 1 } });
    await storage.write({ 'conv/d': { v: 2, eTag: '*' } });
    expect((await storage.read(['conv/d']))['conv/d'].v).toBe(2);
  });

  it('deletes', async () => {
    await storage.write({ 'conv/e': { v: 1 } });
    await storage.delete(['conv/e']);
    expect(await storage.read(['conv/e'])).toEqual({});
  });
});
