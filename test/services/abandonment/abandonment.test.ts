import { randomUUID } from 'node:crypto';
import { AbandonmentSweeper } from '../../../src/services/abandonment/abandonmentSweeper';
import { CustomerPresence } from '../../../src/services/abandonment/customerPresence';
import { createLogger } from '../../../src/services/logger';
import type { TestApp } from '../../support/testApp';
import { DirectLineClient } from '../directline/directLineClient';
import { ADMIN, api, handoffRequest, startHandoffTestApp } from '../handoff/support/handoffTestApp';

const MINUTE = 60_000;

describe('a waiting customer who has left becomes abandoned', () => {
  let test: TestApp;
  let offset = 0;
  const later = () => new Date(Date.now() + offset);
  let presence: CustomerPresence;
  let sweeper: AbandonmentSweeper;

  beforeAll(async () => {
    test = await startHandoffTestApp({ ABANDON_AFTER_MINUTES: '30' });
    presence = new CustomerPresence(test.app.database.connection, () => later().getTime());
    sweeper = new AbandonmentSweeper(
      test.app.database.connection,
      test.app.handoffs,
      presence,
      createLogger('silent'),
      {
        afterMinutes: 30,
        now: later,
      },
    );
  });
  afterAll(() => test.close());
  beforeEach(() => {
    offset = 0;
  });

  const waiting = async (channel: string) => {
    const conversationId = `conv-${randomUUID()}`;
    const ticket = await test.app.handoffs.requestHandoff(
      handoffRequest('http://127.0.0.1:9', { conversationId, channel }),
    );
    return { id: ticket.handoffId, key: `${channel}:${conversationId}` };
  };

  it('on the web: no read of the conversation for the configured minutes', async () => {
    const gone = await waiting('directline');
    const stays = await waiting('directline');
    const neverSeen = await waiting('directline');
    await presence.noteRead(gone.key);
    await presence.noteRead(stays.key);
    offset = 20 * MINUTE;
    // The second page is still open and keeps reading.
    await presence.noteRead(stays.key);
    offset = 31 * MINUTE;
    expect(await sweeper.sweepOnce()).toBe(1);

    const record = await test.app.handoffs.get(gone.id);
    expect(record.status).toBe('abandoned');
    expect(record.closedAt).toBeDefined();
    expect(record.audit.at(-1)).toMatchObject({ action: 'abandoned', detail: 'web page closed' });
    expect((await test.app.handoffs.get(stays.id)).status).toBe('queued');
    // A page never seen reading (Azure Direct Line, say) is not judged.
    expect((await test.app.handoffs.get(neverSeen.id)).status).toBe('queued');

    const listed = await api(test.baseUrl, ADMIN)('/api/handoffs?status=abandoned');
    expect((listed.body as { items: { id: string }[] }).items.map((h) => h.id)).toContain(gone.id);
  });

  it('on WhatsApp: the 24-hour window closed and the configured minutes passed without an answer', async () => {
    const whatsapp = await waiting('whatsapp');
    offset = 24 * 60 * MINUTE + 10 * MINUTE;
    await sweeper.sweepOnce();
    expect((await test.app.handoffs.get(whatsapp.id)).status).toBe('queued');
    offset = 24 * 60 * MINUTE + 31 * MINUTE;
    await sweeper.sweepOnce();
    const record = await test.app.handoffs.get(whatsapp.id);
    expect(record.status).toBe('abandoned');
    expect(record.audit.at(-1)?.detail).toBe('WhatsApp window closed unanswered');
  });

  it('leaves callbacks alone, and does nothing with ABANDON_AFTER_MINUTES=0', async () => {
    const callback = await waiting('whatsapp');
    await test.app.handoffs.requestCallback(callback.id);
    const off = new AbandonmentSweeper(
      test.app.database.connection,
      test.app.handoffs,
      presence,
      createLogger('silent'),
      {
        afterMinutes: 0,
        now: later,
      },
    );
    const whatsapp = await waiting('whatsapp');
    offset = 3 * 24 * 60 * MINUTE;
    expect(await off.sweepOnce()).toBe(0);
    expect((await test.app.handoffs.get(whatsapp.id)).status).toBe('queued');
    await sweeper.sweepOnce();
    expect(await test.app.handoffs.get(callback.id)).toMatchObject({ mode: 'callback', status: 'queued' });
    expect((await test.app.handoffs.get(whatsapp.id)).status).toBe('abandoned');
  });

  it("notes a web page's successful Direct Line reads, not refused ones", async () => {
    const client = await DirectLineClient.start(test.baseUrl);
    const key = `directline:${client.conversationId}`;
    const stranger = new DirectLineClient(test.baseUrl, 'not-a-token', `conv-${randomUUID()}`);
    await expect(stranger.poll()).rejects.toThrow(/401|403/);
    await client.poll();
    const deadline = Date.now() + 5000;
    while (!(await presence.lastReads([key])).has(key) && Date.now() < deadline)
      await new Promise((resolve) => setImmediate(resolve));
    expect((await presence.lastReads([key])).has(key)).toBe(true);
    expect((await presence.lastReads([`directline:${stranger.conversationId}`])).size).toBe(0);
  });
});
