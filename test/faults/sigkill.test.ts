import { freePort } from '../../src/services/database/localMongoServer';
import { Database } from '../../src/services/database/database';
import { I18nService } from '../../src/services/i18n/i18nService';
import { createLogger } from '../../src/services/logger';
import { startServiceProcess, ServiceProcess } from '../support/serviceProcess';
import { testMongoUri } from '../support/testDb';
import { startFakeBotConnector, FakeBotConnector } from '../services/handoff/support/fakeBotConnector';
import { ADMIN } from '../services/handoff/support/handoffTestApp';
import { startFakeGraphApi, FakeGraphApi } from '../services/whatsapp/fakeGraphApi';
import { whatsappTestEnv } from '../services/whatsapp/metaPayloads';
import { sleep, StatusCounter, WebCustomer, WhatsAppCustomer } from './support/customers';
import { faultSeed, Rng } from './support/rng';

const t = new I18nService('de').t('de');
const SEED = faultSeed(20250707);
const WALKERS = 50;
const WAITING = 10;
const KILLS = 3;
/** Lease after which a message claimed by the killed process is taken again (the bound below). */
const CLAIM_LEASE_SECONDS = 5;
/** The bound: lease + sweep interval + the turn itself, with room for a slow, shared CI machine. */
const PROCESSING_BOUND_MS = 30000;

/** Paths through the menu that end back at the menu, never in the queue. */
const WALKS = [
  ['Hallo', '1', 'Wann wird meine Rechnung abgebucht?', 'Ja'],
  ['Guten Tag', '2', 'Mein Internet ist sehr langsam', 'Ja'],
  ['Hallo', '3', 'Wie kann ich meinen Vertrag kündigen?', 'Ja'],
  ['Guten Morgen', '5', 'Ich bin umgezogen', 'Menü'],
  ['Hallo', 'Hilfe', 'abbrechen', '3', 'Servicezeiten', 'Ja'],
];
const TO_THE_QUEUE = ['0', 'Mitarbeiter', 'Das ist eine Frechheit, ich will sofort einen Mitarbeiter!!!'];
const ERRORS = [t('common:error.turn'), t('common:error.unavailable')];
/** What a waiting customer's message is acknowledged with: live or callback, first or again (never the same line twice). */
const ACKS = [
  'handoff:ackQueued',
  'handoff:ackQueuedAgain',
  'handoff:ackQueuedMovedBack',
  'handoff:ackCallback',
  'handoff:ackCallbackAgain',
  'handoff:ackInChat',
  'handoff:ackInChatAgain',
].map((key) => t(key, { position: '\u0000' }).split('\u0000')[0]);
/** "Menü" while waiting asks whether to keep the place or the callback (the question up to its "?"). */
const KEEP_QUESTIONS = ['handoff:leaveQuestion', 'handoff:leaveQuestionCallback'].map((key) => t(key).split('?')[0]);

describe('SIGKILL at random moments while customers talk and wait', () => {
  let service: ServiceProcess | undefined;
  let db: Database | undefined;
  let graph: FakeGraphApi | undefined;
  let connector: FakeBotConnector | undefined;
  // Here rather than in a finally: a test that times out never reaches its finally.
  afterAll(async () => {
    if (service && service.process.exitCode === null) await service.kill();
    await db?.close();
    await graph?.close();
    await connector?.close();
  });

  it('loses no queued handoff and no accepted WhatsApp message, and every conversation still answers sensibly', async () => {
    const rng = new Rng(SEED);
    const fakeGraph = (graph = await startFakeGraphApi());
    connector = await startFakeBotConnector();
    const mongoUri = testMongoUri('fault_kill');
    const port = await freePort();
    const env = {
      MONGODB_URI: mongoUri,
      RATE_LIMIT_PER_MINUTE: '0',
      ADMIN_API_TOKEN: ADMIN,
      ...whatsappTestEnv(fakeGraph.url),
      WHATSAPP_CLAIM_LEASE_SECONDS: String(CLAIM_LEASE_SECONDS),
      WHATSAPP_SWEEP_SECONDS: '1',
    };
    db = new Database(mongoUri, createLogger('silent'));
    await db.connect();
    const inbound = db.connection.collection<{ _id: string; status: string; waId: string }>('whatsapp_inbound');
    const handoffs = db.connection.collection<{ status: string; customer: { conversationKey: string } }>('handoffs');
    const counter = new StatusCounter();
    const problems: string[] = [];
    const outputs: string[] = [];
    let up = false;
    let readyAt = 0;
    const markReady = () => {
      up = true;
      readyAt = Date.now();
    };
    service = await startServiceProcess(env, port);
    markReady();
    const baseUrl = service.baseUrl;

    try {
      /** Processed within the bound after it was accepted or, if the service was down meanwhile, after the restart. */
      const processed = async (wamid: string) => {
        const acceptedAt = Date.now();
        for (;;) {
          if ((await inbound.findOne({ _id: wamid }))?.status === 'done') return true;
          if (up && Date.now() - Math.max(acceptedAt, readyAt) > PROCESSING_BOUND_MS) return false;
          await sleep(100);
        }
      };
      // Half the customers write on the web page (webchat / directline), half on WhatsApp.
      type Customer = { web?: WebCustomer; whatsapp?: WhatsAppCustomer; waits: boolean; rng: Rng; key: string };
      const customers: Customer[] = [];
      for (let i = 0; i < WALKERS + WAITING; i++) {
        const waits = i % 6 === 5; // 10 of 60
        const own = new Rng(SEED + i + 1);
        if (i % 2 === 0) {
          const web = new WebCustomer(baseUrl, counter, {
            channelId: i % 4 === 0 ? 'webchat' : 'directline',
            serviceUrl: connector.serviceUrl,
          });
          customers.push({ web, waits, rng: own, key: web.conversationKey });
        } else {
          const whatsapp = new WhatsAppCustomer(baseUrl, counter, i);
          customers.push({ whatsapp, waits, rng: own, key: whatsapp.conversationKey });
        }
      }
      const say = async (c: Customer, text: string) => {
        if (c.web) {
          const replies = await c.web.say(text, { retryOn: (s) => s === 503 });
          if (replies === null) problems.push(`${c.key}: "${text}" got an error status`);
          else if (replies.some((r) => ERRORS.includes(r))) counter.add('apology during the run', 200);
          return;
        }
        const wamid = await c.whatsapp!.send(text);
        if (!(await processed(wamid)))
          problems.push(
            `${c.key}: ${wamid} ("${text}") not processed within ${PROCESSING_BOUND_MS} ms of the service being up`,
          );
      };

      let killing = true;
      const walk = async (c: Customer) => {
        await sleep(c.rng.int(0, 3000));
        if (c.waits) {
          await say(c, 'Hallo');
          await say(c, c.rng.pick(TO_THE_QUEUE));
          while (killing) {
            await sleep(c.rng.int(1000, 3000));
            await say(c, 'Hallo? Ist da jemand?');
          }
          return;
        }
        // Walk paths until the last kill is over, so every kill meets customers mid-dialog.
        do {
          for (const text of c.rng.pick(WALKS)) {
            await say(c, text);
            await sleep(c.rng.int(100, 700));
          }
        } while (killing);
      };

      const killer = async () => {
        const downtimes: number[] = [];
        for (let k = 0; k < KILLS; k++) {
          await sleep(rng.int(2000, 6000));
          const queuedBefore = (await handoffs.find({ status: 'queued' }).toArray()).map((h) => String(h._id));
          outputs.push(service!.output());
          const killedAt = Date.now();
          up = false;
          await service!.kill();
          await sleep(rng.int(0, 1000));
          service = await startServiceProcess(env, port);
          markReady();
          downtimes.push(Date.now() - killedAt);
          const queuedAfter = new Set((await handoffs.find({ status: 'queued' }).toArray()).map((h) => String(h._id)));
          for (const id of queuedBefore)
            if (!queuedAfter.has(id)) problems.push(`kill ${k + 1}: queued handoff ${id} no longer queued`);
          console.log(
            `kill ${k + 1}: ${queuedBefore.length} queued before, all still queued after; down for ${downtimes[k]} ms`,
          );
        }
        killing = false;
        return downtimes;
      };

      const started = Date.now();
      const [downtimes] = await Promise.all([killer(), ...customers.map(walk)]);
      const walkMs = Date.now() - started;

      // Every acknowledged WhatsApp message is processed within a bound after the last restart.
      const accepted = customers.flatMap((c) => c.whatsapp?.accepted ?? []);
      const drainStarted = Date.now();
      const bound = PROCESSING_BOUND_MS;
      let notDone = accepted.length;
      while (Date.now() - drainStarted < bound) {
        notDone = await inbound.countDocuments({ _id: { $in: accepted }, status: { $ne: 'done' } });
        if (notDone === 0) break;
        await sleep(200);
      }
      const drainMs = Date.now() - drainStarted;
      // Claimed by a process that was then killed, and taken again after the lease.
      const retaken = await inbound.countDocuments({ _id: { $in: accepted }, attempts: { $gt: 1 } });
      expect(await inbound.countDocuments({ status: 'failed' })).toBe(0);
      expect(notDone).toBe(0);
      expect(await inbound.countDocuments({ _id: { $in: accepted } })).toBe(accepted.length);

      // Every waiting customer is in the queue exactly once.
      const queued = await handoffs.find({ status: 'queued' }).toArray();
      for (const c of customers.filter((x) => x.waits)) {
        const mine = queued.filter((h) => h.customer.conversationKey === c.key);
        if (mine.length !== 1) problems.push(`${c.key}: ${mine.length} queued handoffs instead of 1`);
      }
      const strayQueued = queued.filter(
        (h) => !customers.some((c) => c.waits && c.key === h.customer.conversationKey),
      ).length;

      // Each conversation still answers sensibly: "Menü" shows the menu, or, while waiting, whether to keep the
      // place (or an acknowledgement).
      const activeKeys = new Set(queued.map((h) => h.customer.conversationKey));
      await Promise.all(
        customers.map(async (c) => {
          const inQueue = activeKeys.has(c.key);
          let answer: string;
          if (c.web) {
            answer = (await c.web.say('Menü', { retryOn: () => false }))?.join('\n') ?? '<error status>';
          } else {
            const before = fakeGraph.requests.length;
            const wamid = await c.whatsapp!.send('Menü');
            if (!(await processed(wamid))) problems.push(`${c.key}: final "Menü" not processed`);
            answer = fakeGraph.requests
              .slice(before)
              .filter((r) => r.body.to === c.whatsapp!.waId)
              .map((r) => JSON.stringify(r.body))
              .join('\n');
          }
          const sensible = inQueue
            ? [...ACKS, ...KEEP_QUESTIONS].some((line) => answer.includes(line))
            : answer.includes(t('conversation:menu.choose'));
          if (!sensible || ERRORS.some((e) => answer.includes(e)))
            problems.push(
              `${c.key} (${inQueue ? 'waiting' : 'with the bot'}): "Menü" answered ${answer.slice(0, 300)}`,
            );
        }),
      );

      outputs.push(service.output());
      const crashes = outputs
        .join('\n')
        .split('\n')
        .filter((line) => /unhandled|uncaught/i.test(line));
      console.log(
        [
          `seed ${SEED}: ${customers.length} customers (${WAITING} waiting), ${KILLS} SIGKILLs, walk ${walkMs} ms, down ${downtimes.join('/')} ms`,
          `web turns answered: ${customers.reduce((n, c) => n + (c.web?.turns ?? 0), 0)}, WhatsApp messages accepted: ${accepted.length}, all processed ${drainMs} ms after the walk, ${retaken} taken again after a kill`,
          `queued: ${queued.length} (${strayQueued} from walkers sent to a person by the dialogs)`,
          counter.summary(),
        ].join('\n'),
      );
      expect(crashes).toEqual([]);
      expect(counter.serverErrors).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await service.stop();
    }
  }, 170000);
});
