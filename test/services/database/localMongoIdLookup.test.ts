import { MongoClient, ObjectId } from 'mongodb';
import { LocalMongo, startLocalMongo } from '../../../src/services/database/localMongoServer';

interface Doc {
  _id: string | ObjectId;
  status?: string;
  n?: number;
}

/**
 * The local database finds a guarded single-document query ({_id: x, status: …}) through the _id
 * index and matches the rest on that document (LocalMongo.java): it must answer as MongoDB does.
 */
describe('local database: queries naming an _id and more', () => {
  let db: LocalMongo;
  let client: MongoClient;

  beforeAll(async () => {
    db = await startLocalMongo({});
    client = await MongoClient.connect(`${db.uri}/idlookup`);
  }, 60000);

  afterAll(async () => {
    await client?.close();
    await db?.stop();
  });

  it('applies the guard to the document with that _id', async () => {
    const c = client.db('idlookup').collection<Doc>('guard');
    await c.insertMany([
      { _id: 'a', status: 'pending', n: 1 },
      { _id: 'b', status: 'processing', n: 2 },
    ]);
    expect((await c.updateOne({ _id: 'a', status: 'processing' }, { $set: { n: 9 } })).matchedCount).toBe(0);
    expect((await c.updateOne({ _id: 'b', status: 'processing' }, { $set: { n: 9 } })).matchedCount).toBe(1);
    expect(await c.findOne({ _id: 'missing', status: 'pending' })).toBeNull();
    expect(await c.findOne({ _id: 'a', $or: [{ n: 5 }, { n: 1 }] })).toMatchObject({ _id: 'a' });
    expect(await c.findOne({ _id: 'a', $or: [{ n: 5 }, { n: 6 }] })).toBeNull();
    expect(await c.findOne({ _id: 'a', n: { $lt: 2 } })).toMatchObject({ _id: 'a' });
    expect(await c.findOne({ _id: 'b', n: { $lt: 2 } })).toBeNull();
    // Operators on _id itself take the generic path.
    expect(await c.countDocuments({ _id: { $in: ['a', 'b'] }, status: 'pending' })).toBe(1);
  });

  it('keeps a guarded upsert a duplicate key where the document moved on', async () => {
    const c = client.db('idlookup').collection<Doc>('upsert');
    await c.insertOne({ _id: 'm', status: 'done' });
    await expect(
      c.updateOne({ _id: 'm', status: 'pending' }, { $set: { n: 1 } }, { upsert: true }),
    ).rejects.toMatchObject({ code: 11000 });
    await c.updateOne({ _id: 'new', status: 'pending' }, { $set: { n: 1 } }, { upsert: true });
    expect(await c.findOne({ _id: 'new' })).toEqual({ _id: 'new', status: 'pending', n: 1 });
  });

  it('finds ObjectId ids and leaves documents without the guard alone', async () => {
    const c = client.db('idlookup').collection<Doc>('oid');
    const id = new ObjectId();
    await c.insertMany([
      { _id: id, status: 'queued' },
      { _id: new ObjectId(), status: 'queued' },
    ]);
    const found = await c.findOneAndUpdate(
      { _id: id, status: { $in: ['queued', 'assigned'] } },
      { $set: { status: 'assigned' } },
      { returnDocument: 'after' },
    );
    expect(found).toMatchObject({ status: 'assigned' });
    expect(await c.countDocuments({ status: 'queued' })).toBe(1);
  });
});
