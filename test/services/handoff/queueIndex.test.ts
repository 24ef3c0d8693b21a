import type { HandoffSettingsSource } from '../../../src/services/handoff/businessHours';
import type { HandoffPriority } from '../../../src/services/handoff/handoffModel';
import type { HandoffStore } from '../../../src/services/handoff/handoffStore';
import { QueueFigures } from '../../../src/services/handoff/queueFigures';
import { QueueEntry, QueueIndex, queueKey } from '../../../src/services/handoff/queueIndex';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 5, 9, 0) + minutes * 60000);

function waiting(
  id: string,
  priority: HandoffPriority,
  createdMinute: number,
  changedMinute = createdMinute,
): QueueEntry & { createdAt: Date; priority: HandoffPriority } {
  return { id, status: 'queued', mode: 'live', priority, createdAt: at(createdMinute), updatedAt: at(changedMinute) };
}

const positionIn = (index: QueueIndex, entry: QueueEntry) => index.rank(queueKey(entry.priority, entry.createdAt)) + 1;

describe('queue index (positions without a query)', () => {
  it('orders by priority first, then by waiting time', () => {
    const index = new QueueIndex();
    const old = waiting('old', 2, 0);
    const urgent = waiting('urgent', 1, 10);
    const later = waiting('later', 2, 5);
    for (const e of [old, urgent, later]) index.follow(e);
    expect([urgent, old, later].map((e) => positionIn(index, e))).toEqual([1, 2, 3]);
  });

  it('lets a claimed, cancelled or callback handoff leave and moves the others up', () => {
    const index = new QueueIndex();
    const a = waiting('a', 2, 0);
    const b = waiting('b', 2, 1);
    const c = waiting('c', 2, 2);
    for (const e of [a, b, c]) index.follow(e);
    index.follow({ ...a, status: 'assigned', updatedAt: at(3) });
    expect(positionIn(index, c)).toBe(2);
    index.follow({ ...b, mode: 'callback', updatedAt: at(4) });
    expect(positionIn(index, c)).toBe(1);
    expect(index.size).toBe(1);
  });

  it('moves an upgraded handoff ahead of older ones of lower priority', () => {
    const index = new QueueIndex();
    const a = waiting('a', 2, 0);
    const b = waiting('b', 2, 1);
    index.follow(a);
    index.follow(b);
    const upgraded = { ...b, priority: 1, updatedAt: at(2) };
    index.follow(upgraded);
    expect(positionIn(index, upgraded)).toBe(1);
    expect(positionIn(index, a)).toBe(2);
    expect(index.size).toBe(2);
  });

  it('ignores a late event that shows a handoff as it was before (claimed here, created read later)', () => {
    const index = new QueueIndex();
    const a = waiting('a', 2, 0);
    const b = waiting('b', 2, 1);
    index.follow(b);
    index.follow({ ...a, status: 'assigned', updatedAt: at(2) });
    index.follow(a);
    expect(index.size).toBe(1);
    expect(positionIn(index, b)).toBe(1);
  });

  it('builds from a read of the queue with equal keys counted once each', () => {
    const index = QueueIndex.of([waiting('a', 2, 0), waiting('b', 2, 0), waiting('c', 3, 0)]);
    expect(index.size).toBe(3);
    expect(index.rank(queueKey(3, at(0)))).toBe(2);
    index.follow({ ...waiting('a', 2, 0), status: 'closed', updatedAt: at(1) });
    expect(index.rank(queueKey(3, at(0)))).toBe(1);
  });
});

describe('queue figures on the index', () => {
  function figuresOver(docs: { _id: string; priority: number; createdAt: Date }[]) {
    let reads = 0;
    const store = {
      model: {
        collection: {
          find: () => ({
            toArray: async () => {
              reads++;
              return docs.map((d) => ({ ...d }));
            },
          }),
        },
      },
    } as unknown as HandoffStore;
    let clock = at(60);
    const figures = new QueueFigures(store, {} as HandoffSettingsSource, () => clock);
    return {
      figures,
      reads: () => reads,
      advance: (ms: number) => (clock = new Date(clock.getTime() + ms)),
    };
  }

  it('reads the queue once, then answers positions from events while the feed runs', async () => {
    const docs = [
      { _id: 'a', priority: 2, createdAt: at(0) },
      { _id: 'b', priority: 2, createdAt: at(1) },
    ];
    const { figures, reads, advance } = figuresOver(docs);
    figures.followFeed(true);
    expect(await figures.positionOf(waiting('b', 2, 1))).toBe(2);
    figures.follow({ ...waiting('a', 2, 0), status: 'assigned', updatedAt: at(61) });
    advance(5000);
    expect(await figures.positionOf(waiting('b', 2, 1))).toBe(1);
    figures.follow(waiting('c', 1, 62));
    expect(await figures.positionOf(waiting('b', 2, 1))).toBe(2);
    expect(await figures.waitingLive()).toBe(2);
    expect(reads()).toBe(1);
  });

  it('without a feed reads the queue anew once the index is a second old', async () => {
    const docs = [{ _id: 'a', priority: 2, createdAt: at(0) }];
    const { figures, reads, advance } = figuresOver(docs);
    expect(await figures.waitingLive()).toBe(1);
    docs.push({ _id: 'b', priority: 2, createdAt: at(1) });
    expect(await figures.waitingLive()).toBe(1);
    advance(1000);
    expect(await figures.waitingLive()).toBe(2);
    expect(reads()).toBe(2);
  });

  it('after invalidate the next answer comes from a fresh read', async () => {
    const docs = [{ _id: 'a', priority: 2, createdAt: at(0) }];
    const { figures } = figuresOver(docs);
    figures.followFeed(true);
    expect(await figures.waitingLive()).toBe(1);
    docs.length = 0;
    figures.invalidate();
    expect(await figures.waitingLive()).toBe(0);
  });
});
