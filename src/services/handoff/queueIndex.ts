/**
 * The live queue in memory, in queue order (priority, then waiting time): a position is a binary
 * search, not a query. QueueFigures keeps it current from the handoff events and reads it anew
 * from MongoDB at start, periodically, and whenever the event feed may have missed something.
 */

/** Spreads priorities apart in one sortable number: far more than any epoch millisecond value. */
const PRIORITY_SPAN = 1e14;

/** What the index needs of a handoff; records, list items and event payloads all have it. */
export interface QueueEntry {
  id: string;
  status: string;
  mode: string;
  priority: number;
  createdAt: Date | string;
  /** When the handoff last changed: an older view of it (an event read late) is ignored. */
  updatedAt?: Date | string;
}

export function queueKey(priority: number, createdAt: Date | string): number {
  return priority * PRIORITY_SPAN + new Date(createdAt).getTime();
}

export class QueueIndex {
  /** Sorted ascending; one key per waiting live handoff. */
  private keys: number[] = [];
  private readonly keyById = new Map<string, number>();
  /** Last change seen per handoff, kept for departed ones too until the next read replaces the index. */
  private readonly changedAtById = new Map<string, number>();

  get size(): number {
    return this.keys.length;
  }

  /** Waiting live handoffs ahead of a key: lower priority number, or the same and older. */
  rank(key: number): number {
    return this.lowerBound(key);
  }

  /** Follows one handoff: in the index while it waits live, out of it otherwise. */
  follow(entry: QueueEntry): void {
    if (entry.updatedAt !== undefined) {
      const changedAt = new Date(entry.updatedAt).getTime();
      if (changedAt < (this.changedAtById.get(entry.id) ?? -Infinity)) return;
      this.changedAtById.set(entry.id, changedAt);
    }
    const previous = this.keyById.get(entry.id);
    const waiting = entry.status === 'queued' && entry.mode === 'live';
    const key = waiting ? queueKey(entry.priority, entry.createdAt) : undefined;
    if (previous === key) return;
    if (previous !== undefined) {
      this.keys.splice(this.lowerBound(previous), 1);
      this.keyById.delete(entry.id);
    }
    if (key !== undefined) {
      this.keys.splice(this.lowerBound(key), 0, key);
      this.keyById.set(entry.id, key);
    }
  }

  /** A new index holding exactly these waiting live handoffs. */
  static of(entries: Iterable<{ id: string; priority: number; createdAt: Date | string }>): QueueIndex {
    const index = new QueueIndex();
    for (const e of entries) index.keyById.set(e.id, queueKey(e.priority, e.createdAt));
    index.keys = Array.from(Float64Array.from(index.keyById.values()).sort());
    return index;
  }

  private lowerBound(key: number): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.keys[mid] < key) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
