import type { Embedder } from './embedder';

/** Distinct single texts remembered (a few seconds of turns). */
const REMEMBERED = 256;

/**
 * Remembers the vectors of the last single texts embedded: within one turn the triage and the
 * knowledge search ask for the same message, and it should cost one call. Failed calls are
 * forgotten at once, so the next asker tries again.
 */
export class RecentEmbeddings implements Embedder {
  private readonly recent = new Map<string, Promise<Float32Array>>();

  constructor(private readonly inner: Embedder) {}

  get available(): boolean {
    return this.inner.available;
  }

  get model(): string {
    return this.inner.model;
  }

  embed(texts: string[], timeoutMs?: number): Promise<Float32Array[]> {
    if (texts.length !== 1) return this.inner.embed(texts, timeoutMs);
    const [text] = texts;
    let pending = this.recent.get(text);
    if (pending) {
      // Most recently used last: the oldest is the first key.
      this.recent.delete(text);
    } else {
      const call = this.inner.embed([text], timeoutMs).then(([vector]) => vector);
      // Only this call is forgotten: the text may have been evicted and asked for again meanwhile.
      call.catch(() => this.recent.get(text) === call && this.recent.delete(text));
      pending = call;
    }
    this.recent.set(text, pending);
    if (this.recent.size > REMEMBERED) this.recent.delete(this.recent.keys().next().value as string);
    return pending.then((vector) => [vector]);
  }
}
