import { I18nService } from '../../src/services/i18n/i18nService';
import { freePort } from '../../src/services/database/localMongoServer';
import { startServiceProcess, ServiceProcess } from '../support/serviceProcess';
import { testMongoBase } from '../support/testDb';
import { startFakeBotConnector, FakeBotConnector } from '../services/handoff/support/fakeBotConnector';
import { StatusCounter, WebCustomer } from './support/customers';
import { StallingProxy } from './support/stallingProxy';

const t = new I18nService('de').t('de');
const APOLOGY = t('common:error.unavailable');
/** The service's bound for one database operation (MONGODB_TIMEOUT_MS's default) plus the turn around it. */
const ANSWER_WITHIN_MS = 8000;

/**
 * The database goes silent without closing anything (a frozen server, a network partition): no
 * reset tells the driver it is gone. Before the operation bound, a turn waited for the socket's
 * 10 s inactivity timeout and its retry, and a command caught between "started" and its write to
 * a connection that had just died waited forever, and with it every later turn of the instance.
 */
describe('the database stops answering without closing its connections', () => {
  let proxy: StallingProxy | undefined;
  let service: ServiceProcess | undefined;
  let connector: FakeBotConnector | undefined;
  afterAll(async () => {
    if (service && service.process.exitCode === null) await service.kill();
    await proxy?.close();
    await connector?.close();
  });

  it('answers every customer with the apology in time, and carries on once it answers again', async () => {
    const target = new URL(testMongoBase());
    proxy = await StallingProxy.start(target.hostname, Number(target.port));
    connector = await startFakeBotConnector();
    const database = `fault_stall_${Date.now()}`;
    service = await startServiceProcess(
      { MONGODB_URI: `mongodb://127.0.0.1:${proxy.port}/${database}`, RATE_LIMIT_PER_MINUTE: '0' },
      await freePort(),
    );
    const counter = new StatusCounter();
    const customers = [0, 1, 2].map(
      () => new WebCustomer(service!.baseUrl, counter, { channelId: 'webchat', serviceUrl: connector!.serviceUrl }),
    );
    for (const customer of customers)
      expect((await customer.say('Hallo'))?.join('\n')).toContain(t('conversation:menu.choose'));

    proxy.stall();
    // Three customers write at once while nothing answers: each gets the apology, none waits long.
    const timed = await Promise.all(
      customers.map(async (customer) => {
        const started = Date.now();
        const replies = await customer.say('1', { giveUpMs: 0 });
        return { ms: Date.now() - started, text: replies?.join('\n') ?? '(error status)' };
      }),
    );
    for (const { ms, text } of timed) {
      expect(text).toContain(APOLOGY);
      expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
    }
    // Readiness follows: the load balancer stops sending traffic here.
    let ready = 200;
    for (let i = 0; i < 40 && ready === 200; i++) {
      ready = (await fetch(`${service.baseUrl}/readyz`)).status;
      if (ready === 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(ready).toBe(503);

    proxy.resume();
    // Once the database answers, the same customers carry on where they were (the menu).
    for (const customer of customers) {
      let text = '';
      for (let i = 0; i < 40 && !text.includes(t('conversation:billing.ask')); i++) {
        text = (await customer.say('1', { giveUpMs: 0 }))?.join('\n') ?? '';
        if (!text.includes(t('conversation:billing.ask'))) await new Promise((r) => setTimeout(r, 500));
      }
      expect(text).toContain(t('conversation:billing.ask'));
    }
    expect(await service.stop()).toBe(0);
  }, 120000);
});
