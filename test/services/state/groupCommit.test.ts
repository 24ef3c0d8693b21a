import { GroupCommit } from '../../../src/services/state/groupCommit';

/** A batch runner whose batches finish only when the test says so. */
function controlledRunner() {
  const batches: { items: string[]; finish: () => void }[] = [];
  const run = (items: string[]) =>
    new Promise<void>((resolve) => {
      batches.push({ items, finish: resolve });
    });
  return { batches, run };
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('GroupCommit', () => {
  it('sends what arrives while a batch runs together in the next one', async () => {
    const { batches, run } = controlledRunner();
    const group = new GroupCommit(run, 1, 60000);
    group.add('a');
    await until(() => batches.length === 1);
    group.add('b');
    group.add('c');
    await new Promise((r) => setTimeout(r, 20));
    expect(batches).toHaveLength(1);
    batches[0].finish();
    await until(() => batches.length === 2);
    expect(batches[1].items).toEqual(['b', 'c']);
    batches[1].finish();
    await group.drained();
  });

  it('does not let a batch that stopped answering hold back everything after it', async () => {
    const { batches, run } = controlledRunner();
    const group = new GroupCommit(run, 1, 50);
    group.add('stuck');
    await until(() => batches.length === 1);
    group.add('next');
    // The first batch never finishes (the database went silent); the next one goes out anyway.
    await until(() => batches.length === 2);
    expect(batches[1].items).toEqual(['next']);
    batches[1].finish();
    let drained = false;
    void group.drained().then(() => (drained = true));
    await new Promise((r) => setTimeout(r, 20));
    // Drained means nothing running at all, the stalled batch included.
    expect(drained).toBe(false);
    batches[0].finish();
    await until(() => drained);
  });
});
