/**
 * Cross-instance latency: a handoff event published on instance A until instance B emits it
 * (B's Teams notifier posts the agents' card on that emit). B uses the feed HandoffService picks at
 * start: a change stream on a replica set, polling (every second) otherwise.
 * Run: npx tsx bench/handoffFeed.ts  (starts its own local database server unless MONGODB_URI is set)
 */
import { Database } from '../src/services/database/database';
import { startLocalMongo } from '../src/services/database/localMongoServer';
import { HandoffEventBus } from '../src/services/handoff/handoffEventBus';
import { detectFeedMode } from '../src/services/handoff/handoffFeed';
import { createLogger } from '../src/services/logger';

const DURATION_MS = process.env.BENCH_QUICK ? 3_000 : 20_000;
const EVERY_MS = 50;
const POLL_MS = 1000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const local = process.env.MONGODB_URI ? undefined : await startLocalMongo({});
  const uri = process.env.MONGODB_URI ?? `${local!.uri}/bench_feed_${Date.now()}`;
  const logger = createLogger('silent');
  const database = new Database(uri, logger);
  await database.connect();
  const now = () => new Date();
  const a = new HandoffEventBus(database.connection, 'bench-a', logger, now, () => undefined);
  const b = new HandoffEventBus(database.connection, 'bench-b', logger, now, () => undefined);
  const sentAt = new Map<string, number>();
  const latency: number[] = [];
  b.events.on('positionChanged', (payload) => {
    const at = sentAt.get(payload.handoffId);
    if (at !== undefined) latency.push(performance.now() - at);
  });
  const mode = await detectFeedMode(database.connection);
  let close = async () => undefined as void;
  let timer: NodeJS.Timeout | undefined;
  if (mode === 'changeStream') close = b.watch(() => undefined);
  else timer = setInterval(() => void b.pollOnce(), POLL_MS);

  let sent = 0;
  const end = Date.now() + DURATION_MS;
  while (Date.now() < end) {
    const id = `h${sent++}`;
    sentAt.set(id, performance.now());
    await a.publish('positionChanged', id, { handoffId: id, position: 1, estimatedWaitMinutes: 1 });
    await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
  }
  const deadline = Date.now() + 5000;
  while (latency.length < sent && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (timer) clearInterval(timer);
  await close();

  process.stdout.write(
    `handoff event on A -> emitted on B, feed: ${mode}${mode === 'polling' ? ` every ${POLL_MS} ms` : ''}: ` +
      `${latency.length}/${sent} delivered, p50 ${percentile(latency, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(latency, 99).toFixed(1)} ms\n`,
  );
  await database.connection.dropDatabase();
  await database.close();
  await local?.stop();
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
