import type { LocalMongo } from '../../src/services/database/localMongoServer';

export default async function globalTeardown(): Promise<void> {
  const local = (globalThis as Record<string, unknown>).__LOTSE_LOCAL_MONGO__ as LocalMongo | undefined;
  await local?.stop();
}
