import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Collection, Connection } from 'mongoose';
import type { Embedder } from './embedder';

/** Where embeddings of fixed texts are kept, by a key naming model and text. */
export interface VectorStore {
  load(keys: string[]): Promise<Map<string, Float32Array>>;
  /** Which of the keys have a vector, without reading the vectors. */
  has(keys: string[]): Promise<Set<string>>;
  save(vectors: Map<string, Float32Array>): Promise<void>;
}

interface StoredVector {
  _id: string;
  vector: Buffer;
}

/** Keys per query when cached vectors are read. */
const LOAD_CHUNK = 250;

/**
 * Vectors in MongoDB (collection "knowledge_embeddings": the knowledge phrasings and the intent
 * corpus), so a restart or a second instance embeds nothing again. Not personal data.
 */
export class MongoVectorStore implements VectorStore {
  private readonly collection: Collection<StoredVector>;

  constructor(connection: Connection) {
    this.collection = connection.collection<StoredVector>('knowledge_embeddings');
  }

  async load(keys: string[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    // Some hundred keys per query: one query for all 5,000 texts of the pack and its examples ran past
    // the operation timeout on a busy local database, and the index was then not built at all.
    for (let i = 0; i < keys.length; i += LOAD_CHUNK) {
      const chunk = keys.slice(i, i + LOAD_CHUNK);
      for (const doc of await this.collection.find({ _id: { $in: chunk } }).toArray()) {
        // The driver hands a stored Buffer back as BSON Binary, whose bytes are in .buffer.
        const raw = doc.vector as unknown as Uint8Array | { buffer: Uint8Array };
        found.set(doc._id, fromBytes(raw instanceof Uint8Array ? raw : raw.buffer));
      }
    }
    return found;
  }

  async has(keys: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += LOAD_CHUNK) {
      const chunk = keys.slice(i, i + LOAD_CHUNK);
      const docs = await this.collection.find({ _id: { $in: chunk } }, { projection: { _id: 1 } }).toArray();
      for (const doc of docs) found.add(doc._id);
    }
    return found;
  }

  async save(vectors: Map<string, Float32Array>): Promise<void> {
    if (vectors.size === 0) return;
    await this.collection.bulkWrite(
      [...vectors].map(([key, vector]) => ({
        replaceOne: { filter: { _id: key }, replacement: { _id: key, vector: toBytes(vector) }, upsert: true },
      })),
      { ordered: false },
    );
  }
}

/** Vectors in one JSON file, for the command-line tools that run without a database. */
export class FileVectorStore implements VectorStore {
  private all?: Record<string, string>;

  constructor(private readonly path: string) {}

  async load(keys: string[]): Promise<Map<string, Float32Array>> {
    const all = this.read();
    const found = new Map<string, Float32Array>();
    for (const key of keys) if (all[key]) found.set(key, fromBytes(Buffer.from(all[key], 'base64')));
    return found;
  }

  async has(keys: string[]): Promise<Set<string>> {
    const all = this.read();
    return new Set(keys.filter((key) => all[key] !== undefined));
  }

  async save(vectors: Map<string, Float32Array>): Promise<void> {
    if (vectors.size === 0) return;
    const all = this.read();
    for (const [key, vector] of vectors) all[key] = toBytes(vector).toString('base64');
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, JSON.stringify(all));
  }

  private read(): Record<string, string> {
    if (this.all) return this.all;
    this.all = {};
    try {
      if (existsSync(this.path)) this.all = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, string>;
    } catch {
      // A damaged cache is only a slower start.
    }
    return this.all;
  }
}

function toBytes(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength));
}

function fromBytes(bytes: Uint8Array): Float32Array {
  return new Float32Array(Uint8Array.from(bytes).buffer);
}

/** The vector scaled to length 1 (cosine similarity is then a dot product). */
export function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return vector.map((x) => x * scale);
}

/** Texts embedded per call while indexing (a background job, not a customer turn). */
const BATCH = 32;
const INDEX_TIMEOUT_MS = 60_000;

function cacheKey(embedder: Embedder, text: string): string {
  return createHash('sha256').update(`${embedder.model}\n${text}`).digest('hex');
}

/** How many of the distinct texts the store has no vector for (all of them without a store); reads no vector. */
export async function missingFromCache(
  embedder: Embedder,
  texts: readonly string[],
  store?: VectorStore,
): Promise<number> {
  const keys = [...new Set(texts)].map((text) => cacheKey(embedder, text));
  const known = (await store?.has(keys)) ?? new Set<string>();
  return keys.filter((key) => !known.has(key)).length;
}

/**
 * Unit-length embeddings of fixed texts, in order: what the store has is read, the rest embedded in
 * batches and stored. Without a store everything is embedded.
 */
export async function embedWithCache(
  embedder: Embedder,
  texts: readonly string[],
  store?: VectorStore,
): Promise<Float32Array[]> {
  const keyOf = (text: string) => cacheKey(embedder, text);
  const distinct = [...new Set(texts)];
  const known = (await store?.load(distinct.map(keyOf))) ?? new Map<string, Float32Array>();
  const missing = distinct.filter((text) => !known.has(keyOf(text)));
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH);
    const vectors = await embedder.embed(batch, INDEX_TIMEOUT_MS);
    const fresh = new Map(batch.map((text, j) => [keyOf(text), vectors[j]]));
    for (const [key, vector] of fresh) known.set(key, vector);
    await store?.save(fresh);
  }
  return texts.map((text) => unit(known.get(keyOf(text)) as Float32Array));
}
