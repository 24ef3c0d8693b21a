import type { Logger } from '../logger';
import { trimTrailing } from '../text/trim';

/**
 * Text embeddings behind one interface: the embedded model server started with `npm start`, or any
 * OpenAI-compatible endpoint (Azure OpenAI, a self-hosted server). Callers fall back to classical
 * matching whenever `available` is false or a call fails.
 */
export interface Embedder {
  /** One vector per text, in order. Questions and stored phrasings are embedded alike (symmetric). */
  embed(texts: string[], timeoutMs?: number): Promise<Float32Array[]>;
  /** False while the model is unreachable; it is tried again after a pause. */
  readonly available: boolean;
  /** Names the model in caches, so vectors of different models never mix. */
  readonly model: string;
}

export interface HttpEmbedderOptions {
  /** Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8765/v1. */
  url: string;
  model: string;
  apiKey?: string;
  /** A customer turn never waits longer than this for a vector. */
  timeoutMs?: number;
  /** After a failure the model is left alone this long. */
  retryAfterMs?: number;
  now?: () => number;
}

interface EmbeddingsResponse {
  data?: { index?: number; embedding?: number[] }[];
}

/** An OpenAI-compatible `/embeddings` client with a timeout and a pause after failures. */
export class HttpEmbedder implements Embedder {
  private downUntil = 0;
  readonly model: string;

  constructor(
    private readonly options: HttpEmbedderOptions,
    private readonly logger: Logger,
  ) {
    this.model = options.model;
  }

  get available(): boolean {
    return (this.options.now ?? Date.now)() >= this.downUntil;
  }

  async embed(texts: string[], timeoutMs = this.options.timeoutMs ?? 300): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    try {
      const response = await fetch(`${trimTrailing(this.options.url, '/')}/embeddings`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // A kept-alive connection stalled each call by about 35 ms against the embedded server.
          connection: 'close',
          ...(this.options.apiKey
            ? { authorization: `Bearer ${this.options.apiKey}`, 'api-key': this.options.apiKey }
            : {}),
        },
        body: JSON.stringify({ input: texts, model: this.options.model }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`embeddings endpoint answered ${response.status}`);
      const body = (await response.json()) as EmbeddingsResponse;
      const data = [...(body.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      if (data.length !== texts.length || data.some((d) => !Array.isArray(d.embedding)))
        throw new Error('embeddings endpoint answered an unexpected shape');
      return data.map((d) => Float32Array.from(d.embedding as number[]));
    } catch (err) {
      // A slow answer under load is not a model that is away: only failures pause it.
      if ((err as Error).name === 'TimeoutError') throw err;
      if (this.available) this.logger.warn({ err }, 'embeddings model unreachable; classical matching only for now');
      this.downUntil = (this.options.now ?? Date.now)() + (this.options.retryAfterMs ?? 30_000);
      throw err;
    }
  }
}
