import { Connection, Model, Schema } from 'mongoose';
import { NotFoundError, ConflictError } from '../errors';
import { CannedResponse, cannedKey, validateCannedResponse } from './cannedResponseRules';
import { buildIndexes } from '../database/modelIndexes';

interface CannedResponseDoc extends CannedResponse {
  /** The folded name, unique: what "/t Rückruf" and "/t ruckruf" both find. */
  key: string;
  updatedAt: Date;
}

const schema = new Schema<CannedResponseDoc>(
  {
    key: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    category: { type: String, required: true },
    text: { de: { type: String, required: true }, en: String },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'cannedresponses' },
);

function plain(doc: CannedResponseDoc): CannedResponse {
  return { name: doc.name, category: doc.category, text: doc.text.en ? doc.text : { de: doc.text.de } };
}

/**
 * Canned responses (Textbausteine) in MongoDB: the default set is seeded once (an admin's change
 * or deletion is never overwritten by a restart), admins edit them, agents list and send them.
 */
export class CannedResponseService {
  private readonly model: Model<CannedResponseDoc>;
  private seeded?: Promise<void>;

  constructor(
    connection: Connection,
    private readonly defaults: CannedResponse[],
    private readonly now: () => Date = () => new Date(),
  ) {
    this.model =
      (connection.models.CannedResponse as Model<CannedResponseDoc> | undefined) ??
      connection.model<CannedResponseDoc>('CannedResponse', schema);
  }

  /** Inserts the defaults once per database; a marker document keeps deleted ones deleted. */
  seed(): Promise<void> {
    this.seeded ??= (async () => {
      await buildIndexes(this.model);
      const marker = await this.model.db
        .collection('cannedresponses_seed')
        .updateOne({ _id: 'defaults' as never }, { $setOnInsert: { at: this.now() } }, { upsert: true });
      if (marker.upsertedCount === 0) return;
      for (const response of this.defaults) {
        await this.model.updateOne(
          { key: cannedKey(response.name) },
          { $setOnInsert: { ...response, key: cannedKey(response.name), updatedAt: this.now() } },
          { upsert: true },
        );
      }
    })();
    return this.seeded;
  }

  /** All responses, or those of one category and the ones for every case, by name. */
  async list(category?: string): Promise<CannedResponse[]> {
    await this.seed();
    const filter = category ? { category: { $in: [category, 'all'] } } : {};
    const docs = await this.model.find(filter).sort({ key: 1 }).lean<CannedResponseDoc[]>();
    return docs.map(plain);
  }

  /** The response a typed name means ("Rückruf", "ruckruf"), or undefined. */
  async find(name: string): Promise<CannedResponse | undefined> {
    await this.seed();
    const doc = await this.model.findOne({ key: cannedKey(name) }).lean<CannedResponseDoc>();
    return doc ? plain(doc) : undefined;
  }

  async create(body: unknown): Promise<CannedResponse> {
    await this.seed();
    const response = validateCannedResponse(body);
    const key = cannedKey(response.name);
    const result = await this.model.updateOne(
      { key },
      { $setOnInsert: { ...response, key, updatedAt: this.now() } },
      { upsert: true },
    );
    if (result.upsertedCount === 0) throw new ConflictError(`a canned response named ${response.name} exists`);
    return response;
  }

  async update(name: string, body: unknown): Promise<CannedResponse> {
    await this.seed();
    const given = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const response = validateCannedResponse({ ...given, name: given.name ?? name });
    const key = cannedKey(name);
    if (cannedKey(response.name) !== key) {
      const taken = await this.model.exists({ key: cannedKey(response.name) });
      if (taken) throw new ConflictError(`a canned response named ${response.name} exists`);
    }
    const doc = await this.model.findOneAndUpdate(
      { key },
      { $set: { ...response, key: cannedKey(response.name), updatedAt: this.now() } },
      { new: true },
    );
    if (!doc) throw new NotFoundError('canned response', name);
    return response;
  }

  async remove(name: string): Promise<void> {
    await this.seed();
    const result = await this.model.deleteOne({ key: cannedKey(name) });
    if (result.deletedCount === 0) throw new NotFoundError('canned response', name);
  }
}
