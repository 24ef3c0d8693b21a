/**
 * Memory of one fresh Lotse process: `conversations` distinct conversations of two turns, then as
 * many customers who ask for a person and write once while they wait (all of them stay queued).
 */
import { freePort, LocalMongo } from '../src/services/database/localMongoServer';
import { startFakeConnector } from './support/fakeChannels';
import { driveLoad, LoadResult } from './support/load';
import { lotseEnv, lotseNodeOptions, openAroundTheClock } from './support/lotseTarget';
import { log, MemoryFigures } from './support/report';
import type { ProbeStats } from './support/probe';
import { startTarget } from './support/target';
import { ASK_FOR_PERSON } from './script';

const MB = 1024 * 1024;
const CONCURRENCY = 50;
const WARMUP_CONVERSATIONS = 100;

export async function memoryTest(mongo: LocalMongo, count: number): Promise<MemoryFigures> {
  log(`memory test: ${count} conversations, then ${count} waiting customers, through a fresh Lotse process ...`);
  const connector = await startFakeConnector();
  const target = await startTarget(
    'lotse-memory',
    'src/index.ts',
    await freePort(),
    lotseEnv(mongo, 'bench_memory'),
    lotseNodeOptions(),
  );
  const drive = (conversations: number, script: string[], label: string): Promise<LoadResult> =>
    driveLoad({
      baseUrl: target.baseUrl,
      concurrency: CONCURRENCY,
      conversations,
      script,
      label,
      serviceUrl: connector.url,
    });
  try {
    await openAroundTheClock(target.baseUrl);
    await drive(WARMUP_CONVERSATIONS, ['Hallo', '1'], 'memory-warmup');
    const start = await target.stats({ gc: true, resetPeak: true });
    log(`  start (after GC): ${breakdown(start)}`);
    const conversations = await drive(count, ['Hallo', '1'], 'memory');
    const afterConversations = await target.stats();
    log(`  ${count} conversations: ${breakdown(afterConversations)}`);
    const waiting = await drive(count, [ASK_FOR_PERSON, 'Hallo, ist da jemand?'], 'memory-waiting');
    const afterWaiting = await target.stats();
    log(`  ${count} waiting customers: ${breakdown(afterWaiting)}`);
    const afterGc = await target.stats({ gc: true });
    log(`  after GC: ${breakdown(afterGc)}`);
    return {
      conversations: count,
      waiting: count,
      errors: conversations.errors + waiting.errors,
      rssStartMb: start.rssBytes / MB,
      rssAfterConversationsMb: afterConversations.rssBytes / MB,
      rssAfterWaitingMb: afterWaiting.rssBytes / MB,
      rssAfterGcMb: afterGc.rssBytes / MB,
      heapAfterGcMb: afterGc.heapUsedBytes / MB,
      peakRssMb: afterGc.peakRssBytes / MB,
      externalAfterGcMb: afterGc.breakdown.externalBytes / MB,
    };
  } finally {
    await target.stop();
    await connector.close();
  }
}

/** RSS and where it sits: the JS heap (used of committed, new space apart), external memory, buffers. */
function breakdown(stats: ProbeStats): string {
  const mb = (bytes: number | undefined) => `${((bytes ?? 0) / MB).toFixed(0)}`;
  const b = stats.breakdown;
  return (
    `RSS ${mb(stats.rssBytes)} MB: heap ${mb(stats.heapUsedBytes)} used of ${mb(b.heapTotalBytes)} ` +
    `(new ${mb(b.spaces.new_space)}, old ${mb(b.spaces.old_space)}, code ${mb(b.spaces.code_space)}, ` +
    `large ${mb(b.spaces.large_object_space)}), external ${mb(b.externalBytes)} (array buffers ${mb(b.arrayBuffersBytes)})`
  );
}
