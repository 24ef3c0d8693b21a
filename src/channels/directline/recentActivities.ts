/** One unbroken run of a conversation's log, every slot of it written by this instance. */
interface Run {
  /** Sequence number of the first entry. */
  from: number;
  /** The stored JSON of each slot (null: deleted), in order from `from` on. */
  data: (string | null)[];
  /** When the last entry was added (Date.now()). */
  at: number;
}

/** Conversations remembered at most; the least recently written are forgotten first. */
const MAX_CONVERSATIONS = 1_000;
/** Entries kept per conversation (a poll right after a post needs the turn's few). */
const MAX_ENTRIES = 20;

/**
 * The activities this instance has just written to a Direct Line conversation's log, so the poll that
 * follows a post is answered without reading the log back. Only an unbroken run of slots this instance
 * wrote itself is kept (the unique index on conversation and sequence makes each of them the only
 * activity of its slot), and only a poll whose watermark ends right before or inside the run is
 * answered from it: what another instance wrote after the run is read from MongoDB by the next poll,
 * whose watermark is then past the run. Anything that changes a slot (replace, delete, erasure)
 * forgets the conversation; a run untouched for maxAgeMs is not used.
 */
export class RecentActivities {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a slot just written; a slot that does not continue the run starts a new one. */
  written(conversationId: string, seq: number, data: string | null): void {
    const run = this.runs.get(conversationId);
    this.runs.delete(conversationId);
    const at = this.now();
    if (run && seq === run.from + run.data.length) {
      run.data.push(data);
      run.at = at;
      if (run.data.length > MAX_ENTRIES) {
        run.data.shift();
        run.from++;
      }
      this.runs.set(conversationId, run);
    } else this.runs.set(conversationId, { from: seq, data: [data], at });
    // The least recently written first: those too old to answer a poll, and beyond the bound.
    for (const [id, oldest] of this.runs) {
      if (this.runs.size <= MAX_CONVERSATIONS && at - oldest.at < this.maxAgeMs) break;
      this.runs.delete(id);
    }
  }

  /**
   * The slots after the watermark when the run covers the next one, with the last slot's number;
   * undefined when the log must be read.
   */
  after(conversationId: string, watermark: number): { data: (string | null)[]; watermark: number } | undefined {
    const run = this.runs.get(conversationId);
    if (!run || this.now() - run.at >= this.maxAgeMs) return undefined;
    const end = run.from + run.data.length - 1;
    if (watermark + 1 < run.from || watermark >= end) return undefined;
    return { data: run.data.slice(watermark + 1 - run.from), watermark: end };
  }

  forget(conversationId: string): void {
    this.runs.delete(conversationId);
  }
}
