import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Database } from '../../src/services/database/database';
import { freePort, LocalMongo, startLocalMongo } from '../../src/services/database/localMongoServer';
import { I18nService } from '../../src/services/i18n/i18nService';
import { createLogger } from '../../src/services/logger';
import { startServiceProcess, ServiceProcess } from '../support/serviceProcess';
import { call, DirectLineClient } from '../services/directline/directLineClient';
import { startFakeBotConnector, FakeBotConnector } from '../services/handoff/support/fakeBotConnector';
import { ADMIN } from '../services/handoff/support/handoffTestApp';
import { startFakeGraphApi, FakeGraphApi } from '../services/whatsapp/fakeGraphApi';
import { whatsappTestEnv } from '../services/whatsapp/metaPayloads';
import { sleep, StatusCounter, WebCustomer, WhatsAppCustomer } from './support/customers';

const t = new I18nService('de').t('de');
const DOWN_MS = 20000;
/** How long the service may take to be ready again after the database returned. */
const READY_WITHIN_MS = 60000;
/** "Never a hang": the longest any request may take while the database is away. */
const MAX_LATENCY_MS = 8000;
/** Readiness follows the database within a ping interval plus its timeout. */
const READINESS_LAG_MS = 4000;
/** A request still open after this long counts as hanging. */
const HANG_MS = 30000;
const APOLOGIES = [t('common:error.unavailable'), t('common:error.turn')];

interface Sample {
  what: string;
  startedAt: number;
  ms: number;
  status: number | 'network';
  body: string;
}

describe('the database is down for 20 s under load', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lotse-dbdown-'));
  let mongo: LocalMongo | undefined;
  let service: ServiceProcess | undefined;
  let graph: FakeGraphApi | undefined;
  let connector: FakeBotConnector | undefined;
  const progress: string[] = [];
  // Here rather than in a finally: a test that times out never reaches its finally.
  afterAll(async () => {
    if (service && service.process.exitCode === null) await service.kill();
    await mongo?.stop();
    await graph?.close();
    await connector?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers with clear errors meanwhile, never hangs or crashes, and recovers fully', async () => {
    const dataFile = path.join(dir, 'lotse.h2');
    const mongoPort = await freePort();
    mongo = await startLocalMongo({ port: mongoPort, dataFile });
    const mongoUri = `${mongo.uri}/lotse_dbdown`;
    graph = await startFakeGraphApi();
    connector = await startFakeBotConnector();
    const note = (what: string) => progress.push(`${new Date().toISOString()} ${what}`);
    const env = {
      MONGODB_URI: mongoUri,
      RATE_LIMIT_PER_MINUTE: '0',
      ADMIN_API_TOKEN: ADMIN,
      ...whatsappTestEnv(graph.url),
      WHATSAPP_SWEEP_SECONDS: '1',
    };
    const counter = new StatusCounter();
    const samples: Sample[] = [];
    const timed = async (what: string, request: () => Promise<{ status: number; body: string }>, hangMs = HANG_MS) => {
      const startedAt = Date.now();
      let sample: Sample;
      let timer: NodeJS.Timeout | undefined;
      // A request that never answers becomes a reported problem instead of a test that runs out of time.
      const hang = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${hangMs} ms`)), hangMs);
      });
      try {
        const { status, body } = await Promise.race([request(), hang]);
        sample = { what, startedAt, ms: Date.now() - startedAt, status, body };
      } catch (err) {
        sample = { what, startedAt, ms: Date.now() - startedAt, status: 'network', body: (err as Error).message };
      } finally {
        clearTimeout(timer);
      }
      samples.push(sample);
      counter.add(what, sample.status);
      return sample;
    };
    const fetchText =
      (url: string, init: RequestInit = {}) =>
      async () => {
        const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30000) });
        return { status: res.status, body: await res.text() };
      };

    try {
      service = await startServiceProcess(env, await freePort());
      note('service ready');
      const base = service.baseUrl;
      const admin = { authorization: `Bearer ${ADMIN}` };
      // Before the outage: a conversation in the billing dialog, a Direct Line chat and a queued handoff.
      const before = new WebCustomer(base, counter, { channelId: 'webchat', serviceUrl: connector.serviceUrl });
      expect((await before.say('Hallo'))?.join('\n')).toContain(t('conversation:menu.choose'));
      expect((await before.say('1'))?.join('\n')).toContain(t('conversation:billing.ask'));
      const waiting = new WebCustomer(base, counter, { channelId: 'webchat', serviceUrl: connector.serviceUrl });
      await waiting.say('Mitarbeiter');
      const waitingList = await fetch(`${base}/api/handoffs?status=queued`, { headers: admin });
      const waitingIds = ((await waitingList.json()) as { items: { id: string }[] }).items.map((i) => i.id);
      expect(waitingIds).toHaveLength(1);
      const chat = await DirectLineClient.start(base);

      let phase: 'up' | 'down' | 'recovering' | 'over' = 'up';
      const loops: Promise<void>[] = [];
      const loop = (work: () => Promise<unknown>, pauseMs: number) =>
        loops.push(
          (async () => {
            while (phase !== 'over') {
              await work();
              await sleep(pauseMs);
            }
          })(),
        );
      for (let i = 0; i < 4; i++) {
        const customer = new WebCustomer(base, counter, {
          channelId: i % 2 ? 'webchat' : 'directline',
          serviceUrl: connector.serviceUrl,
        });
        const script = ['Hallo', '3', 'Servicezeiten', 'Ja', 'Menü'];
        let step = 0;
        loop(
          () =>
            timed('web turn', async () => {
              const started = Date.now();
              const replies = await customer.say(script[step++ % script.length], { giveUpMs: 0 });
              return {
                status: replies === null ? 503 : 200,
                body: replies?.join('\n') ?? `error status after ${Date.now() - started} ms`,
              };
            }),
          200,
        );
      }
      loop(() => timed('GET /healthz', fetchText(`${base}/healthz`)), 250);
      loop(() => timed('GET /readyz', fetchText(`${base}/readyz`)), 250);
      loop(async () => {
        await timed('GET /api/handoffs', fetchText(`${base}/api/handoffs?status=queued`, { headers: admin }));
        await timed('GET /api/handoffs/stats', fetchText(`${base}/api/handoffs/stats`, { headers: admin }));
        await timed('GET /api/admin/users', fetchText(`${base}/api/admin/users`, { headers: admin }));
        await timed(
          'POST /v3/directline/tokens/generate',
          fetchText(`${base}/v3/directline/tokens/generate`, { method: 'POST' }),
        );
        await timed('POST directline activity', async () => {
          const res = await chat.post({ type: 'message', text: 'Hallo', from: { id: 'x' }, locale: 'de-DE' });
          return { status: res.status, body: JSON.stringify(res.json) };
        });
        await timed('GET directline activities', async () => {
          const res = await call(
            base,
            'GET',
            `/v3/directline/conversations/${chat.conversationId}/activities?watermark=`,
            chat.token,
          );
          return { status: res.status, body: JSON.stringify(res.json).slice(0, 300) };
        });
      }, 200);
      // A WhatsApp customer: what is refused while the database is away, Meta delivers again later.
      const whatsapp = new WhatsAppCustomer(base, counter, 1);
      loop(
        () =>
          timed(
            'WhatsApp message (until accepted)',
            async () => ({
              status: 200,
              body: await whatsapp.send('Hallo', 90000),
            }),
            100000,
          ),
        1500,
      );

      await sleep(3000);
      await mongo.stop();
      const downAt = Date.now();
      note('database stopped');
      phase = 'down';
      await sleep(DOWN_MS);
      const upAt = Date.now();
      mongo = await startLocalMongo({ port: mongoPort, dataFile });
      phase = 'recovering';
      note('database back');
      const restartedAt = Date.now();
      // Usually under a second; a CI machine busy with other jobs once needed more than 30 s. The service's
      // own warnings say why when it does not come back at all.
      while ((await fetch(`${base}/readyz`)).status !== 200) {
        if (Date.now() - restartedAt > READY_WITHIN_MS)
          throw new Error(
            `not ready ${READY_WITHIN_MS / 1000} s after the database returned:\n${service
              .output()
              .split('\n')
              .filter((line) => /"level":(40|50|60)/.test(line) && !/"statusCode":503/.test(line))
              .slice(-10)
              .join('\n')}`,
          );
        await sleep(100);
      }
      const readyAfterMs = Date.now() - restartedAt;
      await sleep(3000);
      phase = 'over';
      await Promise.all(loops);
      note('load stopped');

      // While down: health stays 200, readiness 503, everything else a clear answer in time.
      const during = samples.filter((s) => s.startedAt >= downAt && s.startedAt + s.ms <= upAt);
      const problems: string[] = [];
      for (const s of samples) {
        if (s.status === 'network') problems.push(`${s.what}: no answer (${s.body})`);
        else if (s.status >= 500 && s.status !== 503) problems.push(`${s.what}: ${s.status} ${s.body.slice(0, 200)}`);
        else if (
          s.status === 503 &&
          !/"code":"DatabaseUnavailable"|database unavailable/.test(s.body) &&
          s.what.startsWith('GET /') &&
          s.what !== 'GET /readyz'
        )
          problems.push(`${s.what}: 503 without a clear error: ${s.body.slice(0, 200)}`);
        if (s.ms > MAX_LATENCY_MS && !s.what.includes('until accepted'))
          problems.push(`${s.what}: took ${s.ms} ms, from ${s.startedAt - downAt} ms after the database went down`);
      }
      for (const s of during) {
        if (s.what === 'GET /healthz' && s.status !== 200)
          problems.push(`healthz answered ${s.status} while the database was down`);
        if (s.what === 'GET /readyz' && s.startedAt > downAt + READINESS_LAG_MS && s.status !== 503)
          problems.push(`readyz answered ${s.status} while the database was down`);
        if (s.what === 'web turn' && s.status === 200 && !APOLOGIES.some((a) => s.body.includes(a)))
          problems.push(`a turn without the database answered: ${s.body.slice(0, 200)}`);
      }
      const latencies = during.map((s) => s.ms).sort((a, b) => a - b);
      console.log(
        [
          `database down ${upAt - downAt} ms; ${samples.length} requests, ${during.length} while down (p50 ${latencies[Math.floor(latencies.length / 2)]} ms, max ${latencies[latencies.length - 1]} ms); ready ${readyAfterMs} ms after the database returned`,
          `turns while down answered with the apology: ${during.filter((s) => s.what === 'web turn' && s.status === 200).length}, with 503: ${during.filter((s) => s.what === 'web turn' && s.status === 503).length}`,
          counter.summary(),
        ].join('\n'),
      );
      if (problems.length > 0 && process.env.FAULT_DEBUG) {
        console.log(
          samples
            .filter((x) => x.what === 'web turn' && x.ms > 2000)
            .map((x) => `${x.startedAt - downAt} +${x.ms} ${x.status} ${x.body.slice(0, 60)}`)
            .join('\n'),
          service.output(),
        );
      }
      // A failure names its cause: the service's own error lines (an unexpected 500 is logged with its error;
      // the expected 503s of /readyz are left out, or they push it out of the last ten).
      if (problems.length > 0)
        console.log(
          `the service's request errors:\n${service.requestErrors()}\n\nits last error lines:\n${service
            .output()
            .split('\n')
            .filter((line) => /"level":(50|60)/.test(line) && !/"statusCode":503/.test(line))
            .slice(-10)
            .join('\n')}`,
        );
      expect(problems).toEqual([]);
      expect(during.filter((s) => s.what === 'GET /readyz' && s.status === 503).length).toBeGreaterThan(0);

      // Full recovery: new and old conversations, the queue, Direct Line, WhatsApp.
      const fresh = new WebCustomer(base, counter, { channelId: 'webchat', serviceUrl: connector.serviceUrl });
      expect((await fresh.say('Hallo'))?.join('\n')).toContain(t('conversation:menu.choose'));
      expect((await before.say('Menü'))?.join('\n')).toContain(t('conversation:menu.choose'));
      expect((await waiting.say('Hallo?'))?.join('\n')).toMatch(/Position|Rückruf/);
      const queue = await fetch(`${base}/api/handoffs?status=queued`, { headers: admin });
      expect(queue.status).toBe(200);
      // Still queued after the outage (others may have joined: repeating "Hallo" annoys the triage).
      expect(((await queue.json()) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(
        expect.arrayContaining(waitingIds),
      );
      const newChat = await DirectLineClient.start(base);
      await newChat.say('Hallo');
      expect(whatsapp.accepted.length).toBeGreaterThan(0);
      const db = new Database(mongoUri, createLogger('silent'));
      await db.connect();
      try {
        const inbound = db.connection.collection('whatsapp_inbound');
        const until = Date.now() + 15000;
        while (
          (await inbound.countDocuments({ _id: { $in: whatsapp.accepted as never[] }, status: 'done' })) <
            whatsapp.accepted.length &&
          Date.now() < until
        )
          await sleep(200);
        expect(await inbound.countDocuments({ _id: { $in: whatsapp.accepted as never[] }, status: 'done' })).toBe(
          whatsapp.accepted.length,
        );
      } finally {
        await db.close();
      }
      expect(service.process.exitCode).toBeNull();
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(await service.stop()).toBe(0);
    } catch (err) {
      console.log(`progress:\n${progress.join('\n')}`);
      throw err;
    }
  }, 170000);
});
