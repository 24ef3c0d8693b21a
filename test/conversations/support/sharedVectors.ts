import { MongoClient } from 'mongodb';

/**
 * With the embedding model every conversation app starts on a fresh database and would embed the
 * content pack and the intent corpus again (minutes). The vectors depend only on the model and the
 * text, so they are kept in one database of the same server and copied into each new one before it
 * starts, and copied back once it is ready: only the first run on a server embeds them.
 */
const CACHE_DB = 'conv_vector_cache';
const COLLECTION = 'knowledge_embeddings';

async function copy(mongoBase: string, from: string, to: string): Promise<void> {
  const client = await MongoClient.connect(mongoBase);
  try {
    const docs = await client.db(from).collection(COLLECTION).find().toArray();
    if (docs.length === 0) return;
    await client
      .db(to)
      .collection(COLLECTION)
      .bulkWrite(
        docs.map((d) => ({ replaceOne: { filter: { _id: d._id }, replacement: d, upsert: true } })),
        { ordered: false },
      );
  } finally {
    await client.close();
  }
}

export const seedVectors = (mongoBase: string, db: string): Promise<void> => copy(mongoBase, CACHE_DB, db);
export const keepVectors = (mongoBase: string, db: string): Promise<void> => copy(mongoBase, db, CACHE_DB);
