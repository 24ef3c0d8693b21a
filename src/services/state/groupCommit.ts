/**
 * Collects work items and hands them to `run` in batches, with at most `maxInFlight` batches
 * running at once: what arrives while those run waits and goes out together in the next batch
 * (group commit). Under load many turns share one database command; alone, an item waits for
 * nothing but the end of the current turn of the event loop. `run` settles its items itself and
 * must not reject.
 */
export class GroupCommit<T> {
  private queue: T[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly run: (items: T[]) => Promise<void>,
    private readonly maxInFlight = 1,
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
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const items = this.queue;
      this.queue = [];
      if (items.length === 0) return;
      this.inFlight++;
      void this.run(items).finally(() => {
        this.inFlight--;
        if (this.queue.length === 0 && this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
        this.pump();
      });
    });
  }
}
