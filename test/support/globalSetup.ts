import { startLocalMongo } from '../../src/services/database/localMongoServer';
import { buildWeb } from '../../src/tools/buildWeb';

/**
 * Starts one local database server for the whole run unless MONGODB_URI is given. Workers inherit
 * LOTSE_TEST_MONGODB_URI; each test file uses its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  // The pages' scripts are build output (web/ -> public/); browser tests load them.
  await buildWeb();
  if (process.env.MONGODB_URI) {
    process.env.LOTSE_TEST_MONGODB_URI = process.env.MONGODB_URI.replace(/\/[^/?]*(\?.*)?$/, '');
    return;
  }
  const local = await startLocalMongo({});
  process.env.LOTSE_TEST_MONGODB_URI = local.uri;
  (globalThis as Record<string, unknown>).__LOTSE_LOCAL_MONGO__ = local;
}
