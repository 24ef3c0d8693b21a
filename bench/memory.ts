/**
 * Memory of one fresh Lotse process: `conversations` distinct conversations of two turns, then as
 * many customers who ask for a person and write once while they wait (all of them stay queued).
 */
import { freePort, LocalMongo } from '../src/services/database/localMongoServer';
import { startFakeConnector } from './support/fakeChannels';
import { driveLoad, LoadResult } from './support/load';
import { lotseEnv, openAroundTheClock } from './support/lotseTarget';
import { log, MemoryFigures } from './support/report';
import { startTarget } from './support/target';
import { ASK_FOR_PERSON } from './script';

const MB = 1024 * 1024;
const CONCURRENCY = 50;
const WARMUP_CONVERSATIONS = 100;

export async function memoryTest(mongo: LocalMongo, count: number): Promise<MemoryFigures> {
  log(`memory test: ${count} conversations, then ${count} waiting customers, through a fresh Lotse process ...`);
  const connector = await startFakeConnector();
  const target = await startTarget('lotse-memory', 'src/index.ts', await freePort(), lotseEnv(mongo, 'bench_memory'));
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
    const conversations = await drive(count, ['Hallo', '1'], 'memory');
    const afterConversations = await target.stats();
    log(`  ${count} conversations: RSS ${(afterConversations.rssBytes / MB).toFixed(0)} MB`);
    const waiting = await drive(count, [ASK_FOR_PERSON, 'Hallo, ist da jemand?'], 'memory-waiting');
    const afterWaiting = await target.stats();
    const afterGc = await target.stats({ gc: true });
    log(`  ${count} waiting customers: RSS ${(afterWaiting.rssBytes / MB).toFixed(0)} MB`);
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
    };
  } finally {
    await target.stop();
    await connector.close();
  }
}
