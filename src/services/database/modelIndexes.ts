import type { Model } from 'mongoose';

/**
 * Builds a model's collection and indexes. mongoose's Model.init() keeps its first promise, a
 * rejected one too, so one failed index build at start (a busy or briefly unreachable server)
 * would fail every later call for the life of the process; after a failure the indexes are
 * created again directly, which is safe to repeat.
 */
export async function buildIndexes<T>(model: Model<T>): Promise<void> {
  try {
    await model.init();
  } catch {
    await model.createIndexes();
  }
}
