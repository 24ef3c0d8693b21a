import { join } from 'node:path';
import { type Embedder, HttpEmbedder } from '../services/embeddings/embedder';
import { startEmbeddedModelServer } from '../services/embeddings/embeddedModelServer';
import { RecentEmbeddings } from '../services/embeddings/recentEmbeddings';
import { FileVectorStore, type VectorStore } from '../services/embeddings/vectorCache';
import type { Logger } from '../services/logger';
import { intentModelCorpus, toneModelCorpus } from '../services/nlu/corpus';
import { IntentModel } from '../services/nlu/intentModel';
import { ToneModel } from '../services/nlu/toneModel';
import { TriageService } from '../services/nlu/triageService';
import { shippedOffTopic } from './shippedOffTopic';

export interface ToolEmbeddings {
  embedder: Embedder;
  /** Vectors of fixed texts (corpus, phrasings) kept between runs, so only the first run embeds them. */
  store: VectorStore;
  stop(): Promise<void>;
}

/** Where the tools keep their vectors: beside other tools' caches, never committed. */
const CACHE_FILE = join(__dirname, '..', '..', 'node_modules', '.cache', 'lotse', 'embeddings.json');

/**
 * The embedding model for the command-line tools, found as `npm start` finds it: EMBEDDINGS_URL
 * (EMBEDDINGS_MODEL, EMBEDDINGS_API_KEY) when set, else the embedded model when its package is
 * installed (the tools never install it). Undefined with EMBEDDINGS=off or when there is none.
 */
export async function openToolEmbeddings(logger: Logger): Promise<ToolEmbeddings | undefined> {
  if (process.env.EMBEDDINGS === 'off') return undefined;
  // Two threads: a tool has the machine to itself, and the first run embeds a few thousand texts.
  const server = process.env.EMBEDDINGS_URL ? undefined : await startEmbeddedModelServer(logger, { threads: 2 });
  const url = process.env.EMBEDDINGS_URL ?? server?.url;
  if (!url) return undefined;
  const http = new HttpEmbedder(
    {
      url,
      model: process.env.EMBEDDINGS_MODEL ?? 'multilingual-e5-small',
      ...(process.env.EMBEDDINGS_API_KEY ? { apiKey: process.env.EMBEDDINGS_API_KEY } : {}),
      // A tool waits for its answers, a whole set's messages in one call, on a machine that may be busy;
      // a customer turn would not.
      timeoutMs: 120_000,
    },
    logger,
  );
  return {
    embedder: new RecentEmbeddings(http),
    store: new FileVectorStore(CACHE_FILE),
    stop: async () => server?.stop(),
  };
}

/**
 * The triage as the service runs it with the model: the intent and tone models trained (from the
 * tool's vector cache) and the shipped off-topic check. Without a model, words only.
 */
export async function toolTriage(model: ToolEmbeddings | undefined, logger: Logger): Promise<TriageService> {
  if (!model) return new TriageService(undefined, undefined, undefined, shippedOffTopic());
  const intents = new IntentModel(model.embedder, model.store, logger);
  const tone = new ToneModel(model.embedder, model.store, logger);
  await intents.train(intentModelCorpus());
  await tone.train(toneModelCorpus());
  if (!intents.ready || !tone.ready) logger.warn('the models could not be trained: words only');
  return new TriageService(undefined, undefined, intents, shippedOffTopic(), tone);
}
