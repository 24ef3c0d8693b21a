import type { Connection } from 'mongoose';
import type { Config } from '../config';
import { HttpEmbedder } from '../services/embeddings/embedder';
import { startEmbeddedModelServer } from '../services/embeddings/embeddedModelServer';
import type { Logger } from '../services/logger';
import { SemanticRanker } from '../services/knowledge/semanticRanker';

/**
 * The embedding endpoint for `npm start`: EMBEDDINGS_URL when set, else the embedded model server
 * when the package is installed, else none (classical search). Like the local database.
 */
export async function resolveEmbeddings(
  config: Config,
  logger: Logger,
): Promise<{ config: Config; stop: () => Promise<void> }> {
  const none = { config, stop: async () => undefined };
  if (config.embeddings.mode === 'off' || config.embeddings.url) return none;
  const server = await startEmbeddedModelServer(logger, { install: config.embeddings.install });
  if (!server) return none;
  return { config: { ...config, embeddings: { ...config.embeddings, url: server.url } }, stop: () => server.stop() };
}

/** The semantic ranker of the knowledge search, when an embedding endpoint is configured. */
export function buildSemanticRanker(
  config: Config,
  connection: Connection,
  logger: Logger,
): SemanticRanker | undefined {
  const { mode, url, model, apiKey } = config.embeddings;
  if (mode === 'off' || !url) return undefined;
  const embedder = new HttpEmbedder({ url, model, ...(apiKey ? { apiKey } : {}) }, logger);
  return new SemanticRanker(connection, embedder, logger);
}
