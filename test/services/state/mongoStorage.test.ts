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

describe('MongoStorage under concurrent turns', () => {
  const database = new Database(testMongoUri('storage_batch'), createLogger('silent'));
  const storage = new MongoStorage(database.connection);

  beforeAll(() => database.connect());
  afterAll(() => database.close());

  it('answers reads that share one database command with each caller its own keys', async () => {
    await storage.write({ 'x/1': { n: 1 }, 'x/2': { n: 2 }, 'x/3': { n: 3 } });
    const [a, b, c] = await Promise.all([
      storage.read(['x/1']),
      storage.read(['x/2', 'x/3']),
      storage.read(['x/missing']),
    ]);
    expect(Object.keys(a)).toEqual(['x/1']);
    expect(a['x/1'].n).toBe(1);
    expect(Object.keys(b).sort()).toEqual(['x/2', 'x/3']);
    expect(c).toEqual({});
  });

  it('rejects only the stale write of a batch, as a conflict; the others are saved', async () => {
    await storage.write({ 'y/1': { v: 0 }, 'y/2': { v: 0 } });
    const { 'y/1': one, 'y/2': two } = await storage.read(['y/1', 'y/2']);
    await storage.write({ 'y/2': { ...two, v: 'moved on' } });
    const outcomes = await Promise.allSettled([
      storage.write({ 'y/1': { ...one, v: 1 } }),
      storage.write({ 'y/2': { ...two, v: 'stale' } }),
      storage.write({ 'y/3': { v: 'new' } }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(StateConflictError);
    const after = await storage.read(['y/1', 'y/2', 'y/3']);
    expect([after['y/1'].v, after['y/2'].v, after['y/3'].v]).toEqual([1, 'moved on', 'new']);
  });

  it('fails reads and writes with the database error when the database is gone', async () => {
    const closed = new Database(testMongoUri('storage_closed'), createLogger('silent'), {
      serverSelectionTimeoutMS: 300,
    });
    const lost = new MongoStorage(closed.connection);
    await closed.connect();
    await closed.close();
    await expect(lost.read(['z/1'])).rejects.toThrow();
    await expect(lost.write({ 'z/1': { v: 1 } })).rejects.toThrow();
  });
});
