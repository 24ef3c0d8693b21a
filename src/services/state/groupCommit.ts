/**
 * Collects work items and hands them to `run` in batches, with at most `maxInFlight` batches
 * running at once: what arrives while those run waits and goes out together in the next batch
 * (group commit). Under load many turns share one database command; alone, an item waits for
 * nothing but the end of the current turn of the event loop. `run` settles its items itself and
 * must not reject.
 *
 * A batch still running after `stalledAfterMs` no longer counts against the limit: when the
 * database stops answering, each batch waits out the operation's own time bound, and without this
 * every later item would wait for all the stalled batches before it, one after the other.
 */
export class GroupCommit<T> {
  private queue: T[] = [];
  private inFlight = 0;
  /** Batches running for less than `stalledAfterMs`: the ones the limit counts. */
  private active = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly run: (items: T[]) => Promise<void>,
    private readonly maxInFlight = 1,
    private readonly stalledAfterMs = 1000,
  ) {}

  add(item: T): void {
    this.queue.push(item);
    this.pump();
  }

  /** Resolves when nothing is queued or running. */
  drained(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    if (this.scheduled || this.active >= this.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const items = this.queue;
      this.queue = [];
      if (items.length === 0) return;
      this.inFlight++;
      this.active++;
      let counted = true;
      const release = () => {
        if (!counted) return;
        counted = false;
        this.active--;
      };
      const stalled = setTimeout(() => {
        release();
        this.pump();
      }, this.stalledAfterMs);
      stalled.unref();
      void this.run(items).finally(() => {
        clearTimeout(stalled);
        release();
        this.inFlight--;
        if (this.queue.length === 0 && this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
        this.pump();
      });
    });
  }
}
