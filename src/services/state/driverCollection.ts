import type { Connection, Model, mongo } from 'mongoose';

/**
 * The mongodb driver's own collection behind a mongoose model, once the connection is open. The
 * per-turn reads and writes use it: a mongoose query costs several times the driver's CPU (casting,
 * a captured stack trace per query) for nothing a schemaless state document needs. Before the
 * connection opens there is none; callers then fall back to the model, which buffers until connected.
 */
export class DriverCollection<T extends mongo.Document> {
  private cached?: mongo.Collection<T>;

  constructor(
    private readonly connection: Connection,
    readonly model: Model<T>,
  ) {}

  get(): mongo.Collection<T> | undefined {
    if (this.cached) return this.cached;
    const db = this.connection.db;
    if (!db) return undefined;
    this.cached = db.collection<T>(this.model.collection.collectionName);
    return this.cached;
  }
}
