import type { Connection } from 'mongoose';
import type { Config } from '../config';
import { HttpEmbedder } from '../services/embeddings/embedder';
import { startEmbeddedModelServer } from '../services/embeddings/embeddedModelServer';
import { RecentEmbeddings } from '../services/embeddings/recentEmbeddings';
import { MongoVectorStore } from '../services/embeddings/vectorCache';
import { SemanticRanker } from '../services/knowledge/semanticRanker';
import type { Logger } from '../services/logger';
import { IntentModel } from '../services/nlu/intentModel';
import { ToneModel } from '../services/nlu/toneModel';

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

/**
 * What the embedding model serves, when an endpoint is configured: the knowledge search's semantic
 * ranker and the triage's intent and tone models. They share one client, so a message both ask about is
 * embedded once.
 */
export function buildEmbeddingServices(
  config: Config,
  connection: Connection,
  logger: Logger,
): { semantic?: SemanticRanker; intents?: IntentModel; tone?: ToneModel } {
  const { mode, url, model, apiKey, timeoutMs } = config.embeddings;
  if (mode === 'off' || !url) return {};
  const embedder = new RecentEmbeddings(
    new HttpEmbedder({ url, model, timeoutMs, ...(apiKey ? { apiKey } : {}) }, logger),
  );
  const store = new MongoVectorStore(connection);
  return {
    semantic: new SemanticRanker(store, embedder, logger),
    intents: new IntentModel(embedder, store, logger),
    tone: new ToneModel(embedder, store, logger),
  };
}
