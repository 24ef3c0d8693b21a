import { freePort } from '../../src/services/database/localMongoServer';
import { Database } from '../../src/services/database/database';
import { createLogger } from '../../src/services/logger';
import { startServiceProcess, ServiceProcess } from '../support/serviceProcess';
import { testMongoUri } from '../support/testDb';
import { startFakeGraphApi, FakeGraphApi } from '../services/whatsapp/fakeGraphApi';
import { whatsappTestEnv } from '../services/whatsapp/metaPayloads';
import { sleep, StatusCounter, WhatsAppCustomer } from './support/customers';
import { faultSeed, Rng } from './support/rng';

const SEED = faultSeed(20261204);
const CUSTOMERS = 8;
/** Five different texts per customer: 40 messages, each of which the dialog remembers once. */
const TEXTS = ['Hallo', '1', 'Wann wird meine Rechnung abgebucht?', 'Ja', 'Vielen Dank'];
const KILLS = 2;

describe('WhatsApp after SIGKILL', () => {
  let service: ServiceProcess | undefined;
  let db: Database | undefined;
  let graph: FakeGraphApi | undefined;
  afterAll(async () => {
    if (service && service.process.exitCode === null) await service.kill();
    await db?.close();
    await graph?.close();
  });

  it('applies each of 40 messages exactly once: none twice, none lost', async () => {
    const rng = new Rng(SEED);
    graph = await startFakeGraphApi();
    const mongoUri = testMongoUri('fault_wa_once');
    const port = await freePort();
    const env = {
      MONGODB_URI: mongoUri,
      RATE_LIMIT_PER_MINUTE: '0',
      ...whatsappTestEnv(graph.url),
      WHATSAPP_CLAIM_LEASE_SECONDS: '5',
      WHATSAPP_SWEEP_SECONDS: '1',
    };
    db = new Database(mongoUri, createLogger('silent'));
    await db.connect();
    const inbound = db.connection.collection<{ _id: string; status: string; attempts: number }>('whatsapp_inbound');
    const botstate = db.connection.collection<{ _id: string; data?: string }>('botstate');
    const counter = new StatusCounter();
    service = await startServiceProcess(env, port);
    const baseUrl = service.baseUrl;

    const customers = Array.from({ length: CUSTOMERS }, (_, i) => new WhatsAppCustomer(baseUrl, counter, 500 + i));
    let sending = true;
    const talk = async (customer: WhatsAppCustomer, own: Rng) => {
      for (const text of TEXTS) {
        await customer.send(text);
        await sleep(own.int(50, 400));
      }
    };
    const killer = async () => {
      for (let k = 0; k < KILLS && sending; k++) {
        await sleep(rng.int(300, 1500));
        await service!.kill();
        service = await startServiceProcess(env, port);
      }
    };
    await Promise.all([
      killer(),
      Promise.all(customers.map((c, i) => talk(c, new Rng(SEED + i + 1)))).then(() => (sending = false)),
    ]);

    const accepted = customers.flatMap((c) => c.accepted);
    expect(accepted).toHaveLength(CUSTOMERS * TEXTS.length);
    const deadline = Date.now() + 60000;
    while (
      (await inbound.countDocuments({ _id: { $in: accepted }, status: 'done' })) < accepted.length &&
      Date.now() < deadline
    )
      await sleep(200);
    expect(await inbound.countDocuments({ _id: { $in: accepted }, status: 'done' })).toBe(accepted.length);

    // The dialog remembers each customer text it applied (the last six): each exactly once, in order.
    const twice: string[] = [];
    const lost: string[] = [];
    for (const customer of customers) {
      const doc = await botstate.findOne({ _id: `whatsapp/conversations/${customer.waId}/` });
      const remembered =
        (JSON.parse(doc?.data ?? '{}') as { lotseSession?: { history?: { previousTexts?: string[] } } }).lotseSession
          ?.history?.previousTexts ?? [];
      for (const text of TEXTS) {
        const times = remembered.filter((r) => r === text).length;
        if (times > 1) twice.push(`${customer.waId}: "${text}" ×${times}`);
        if (times === 0) lost.push(`${customer.waId}: "${text}"`);
      }
    }
    const retaken = await inbound.countDocuments({ _id: { $in: accepted }, attempts: { $gt: 1 } });
    console.log(
      `seed ${SEED}: ${accepted.length} messages, ${KILLS} SIGKILLs, ${retaken} taken again after a kill; applied twice: ${twice.length}, lost: ${lost.length}\n${counter.summary()}`,
    );
    expect(twice).toEqual([]);
    expect(lost).toEqual([]);
    expect(await inbound.countDocuments({ status: 'failed' })).toBe(0);
    await service.stop();
  }, 170000);
});
