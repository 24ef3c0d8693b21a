import path from 'node:path';
import type { Logger } from '../logger';
import { startLocalMongo } from './localMongoServer';

export interface ResolvedDatabase {
  uri: string;
  /** Stops the embedded server when this process started one. */
  stop(): Promise<void>;
  embedded: boolean;
}

/**
 * MONGODB_URI when set; otherwise the local MongoDB-compatible server, started by this process
 * with its data under dataDir (see README, "The local database").
 */
export async function resolveDatabase(mongodbUri: string, dataDir: string, logger: Logger): Promise<ResolvedDatabase> {
  if (mongodbUri) return { uri: mongodbUri, stop: async () => undefined, embedded: false };
  const dataFile = path.resolve(dataDir, 'lotse.mv');
  logger.info({ dataFile }, 'MONGODB_URI is not set: starting the local database');
  const local = await startLocalMongo({ dataFile });
  logger.info({ port: local.port }, 'local database listening');
  return { uri: `${local.uri}/lotse`, stop: () => local.stop(), embedded: true };
}
