/**
 * The supervisor queue under load: with 10,000 handoffs waiting, the time to compute the newest
 * customer's position (target p99 <= 5 ms, also right after a claim) and claim latency p50/p99 (target p99 <= 10 ms), next to a
 * plain findOne by _id measured in the same run as the baseline of this machine and server.
 * Run: npx tsx bench/handoffQueue.ts  (starts its own local database server unless MONGODB_URI is set)
 */
import { Database } from '../src/services/database/database';
import { startLocalMongo } from '../src/services/database/localMongoServer';
import { ALWAYS_OPEN } from '../src/services/handoff/businessHours';
import { handoffModel } from '../src/services/handoff/handoffModel';
import { HandoffService } from '../src/services/handoff/handoffService';
import { I18nService } from '../src/services/i18n/i18nService';
import { createLogger } from '../src/services/logger';
import { TranscriptStore } from '../src/services/transcript/transcriptStore';

// BENCH_QUICK (set by `npm run bench -- --quick`): a fifth of the queue, to prove the bench runs.
const QUEUED = process.env.BENCH_QUICK ? 2_000 : 10_000;
const SAMPLES = process.env.BENCH_QUICK ? 100 : 300;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
  const local = process.env.MONGODB_URI ? undefined : await startLocalMongo({});
  const uri = process.env.MONGODB_URI ?? `${local!.uri}/bench_handoff_${Date.now()}`;
  const logger = createLogger('silent');
  const database = new Database(uri, logger);
  await database.connect();
  const model = handoffModel(database.connection);
  await model.syncIndexes();
  const service = new HandoffService({
    connection: database.connection,
    messenger: { send: async () => undefined },
    settings: { settings: async () => ALWAYS_OPEN },
    transcripts: new TranscriptStore(database.connection),
    i18n: new I18nService('de'),
    logger,
  });
  // Started like the service: the queue index follows the events instead of rereading the queue.
  service.start();

  const start = Date.now() - QUEUED * 1000;
  const docs = Array.from({ length: QUEUED }, (_, i) => ({
    status: 'queued',
    mode: 'live',
    priority: i % 4,
    category: 'billing',
    reason: 'explicit_request',
    needsSupervisor: false,
    frustration: { level: 0, score: 0.1 },
    customer: {
      channel: 'webchat',
      conversationKey: `webchat:bench-${i}`,
      conversationReference: { conversation: { id: `bench-${i}` } },
      language: 'de',
    },
    summary: {
      text: 'Rechnung: Kunde möchte einen Mitarbeiter.',
      menuPath: [],
      facts: [],
      references: [],
      mood: 'ruhig',
    },
    transcript: [{ at: new Date(), from: 'customer', text: 'Ich habe eine Frage zu meiner Rechnung.' }],
    messages: [],
    notes: [],
    previousAgents: [],
    audit: [{ at: new Date(), by: { kind: 'customer', id: 'c', name: 'Kunde' }, action: 'created' }],
    activeKey: `webchat:bench-${i}`,
    createdAt: new Date(start + i * 1000),
    updatedAt: new Date(start + i * 1000),
  }));
  for (let i = 0; i < docs.length; i += 1000) await model.insertMany(docs.slice(i, i + 1000), { lean: true });
  const newest = await model.findOne({ status: 'queued' }).sort({ createdAt: -1 }).lean();
  const ids = (await model.find({ status: 'queued' }, { _id: 1 }).sort({ createdAt: 1 }).limit(SAMPLES).lean()).map(
    (d) => String(d._id),
  );

  // Warm-up, so the JIT and the connection pool do not count.
  for (let i = 0; i < 30; i++) {
    await service.positionOf(newest!);
    await model.findById(ids[i]).lean();
  }

  const baseline: number[] = [];
  const position: number[] = [];
  const positionCold: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    baseline.push(await time(() => model.findById(ids[i]).lean()));
    position.push(await time(() => service.positionOf(newest!)));
  }
  // A full reread of the queue (at start and after a gap in the event feed).
  for (let i = 0; i < 30; i++) {
    service.invalidateQueueSnapshot();
    positionCold.push(await time(() => service.positionOf(newest!)));
  }
  const principal = { id: 'bench', name: 'Bench Agent', role: 'agent' as const };
  const claim: number[] = [];
  const positionAfterChange: number[] = [];
  for (const id of ids) {
    claim.push(await time(() => service.claim(id, principal)));
    // Right after a queue change (the claim's event moved everyone up).
    positionAfterChange.push(await time(() => service.positionOf(newest!)));
  }
  const positionNow = await service.positionOf(newest!);

  const row = (name: string, values: number[], target?: number) => {
    const p50 = percentile(values, 50);
    const p99 = percentile(values, 99);
    const base = percentile(baseline, 50);
    return `${name.padEnd(34)} p50 ${p50.toFixed(2).padStart(7)} ms   p99 ${p99.toFixed(2).padStart(7)} ms   ${(p50 / base).toFixed(1).padStart(5)}x baseline p50${target === undefined ? '' : `   target ${target} ms: ${p99 <= target ? 'met' : 'MISSED'}`}`;
  };
  process.stdout.write(
    `handoff queue with ${QUEUED} waiting (${SAMPLES} samples each; newest customer now at position ${positionNow})\n`,
  );
  process.stdout.write(`${row('baseline: findOne by _id', baseline)}\n`);
  process.stdout.write(`${row('position of the newest customer', position, 5)}\n`);
  process.stdout.write(`${row('position right after a claim', positionAfterChange, 5)}\n`);
  process.stdout.write(`${row('position after a full reread', positionCold)}\n`);
  process.stdout.write(`${row('claim (atomic findOneAndUpdate)', claim, 10)}\n`);

  service.stop();
  await database.connection.dropDatabase();
  await database.close();
  await local?.stop();
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
