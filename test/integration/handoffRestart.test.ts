import { freePort } from '../../src/services/database/localMongoServer';
import { Database } from '../../src/services/database/database';
import { ALWAYS_OPEN } from '../../src/services/handoff/businessHours';
import { HandoffService } from '../../src/services/handoff/handoffService';
import { I18nService } from '../../src/services/i18n/i18nService';
import { createLogger } from '../../src/services/logger';
import { TranscriptStore } from '../../src/services/transcript/transcriptStore';
import { startServiceProcess, ServiceProcess } from '../support/serviceProcess';
import { testMongoUri } from '../support/testDb';
import { startFakeBotConnector } from '../services/handoff/support/fakeBotConnector';
import { ADMIN, api, handoffRequest } from '../services/handoff/support/handoffTestApp';

const i18n = new I18nService('de');
const t = i18n.t('de');
/** The update text up to the position, so the estimate (which moves with every claim) is not compared. */
const updateFor = (position: number) => t('handoff:update', { position, count: 1000 }).split('1000')[0];

describe('waiting customers survive a SIGKILL of the service', () => {
  it('keeps every queued handoff queued in the same order and goes on updating the waiting customers', async () => {
    const connector = await startFakeBotConnector();
    const mongoUri = testMongoUri('handoff_restart');
    const port = await freePort();
    // Open around the clock (in-process and, below, in the service's settings), so the hour of the run does not matter.
    const env = {
      MONGODB_URI: mongoUri,
      ADMIN_API_TOKEN: ADMIN,
      HANDOFF_UPDATE_INTERVAL_SECONDS: '1',
      RATE_LIMIT_PER_MINUTE: '0',
    };
    const logger = createLogger('silent');
    const database = new Database(mongoUri, logger);
    await database.connect();
    const creator = new HandoffService({
      connection: database.connection,
      messenger: { send: async () => undefined },
      settings: { settings: async () => ALWAYS_OPEN },
      transcripts: new TranscriptStore(database.connection),
      i18n,
      logger,
      options: { updateIntervalSeconds: 1 },
    });
    let service: ServiceProcess | undefined;
    try {
      service = await startServiceProcess(env, port);
      // Staffed around the clock: outside business hours nobody is told a countdown.
      const open = await api(service.baseUrl, ADMIN)('/api/admin/settings', {
        method: 'PUT',
        body: { businessHours: ALWAYS_OPEN.businessHours },
      });
      expect(open.status).toBe(200);
      const conversations: string[] = [];
      for (let i = 0; i < 4; i++) {
        const request = handoffRequest(connector.serviceUrl, {
          category: 'lost_or_stolen',
          reason: 'urgent',
          frustration: { level: 0, score: 0 },
        });
        await creator.requestHandoff(request);
        conversations.push(request.conversationReference.conversation!.id);
      }
      const admin = api(service.baseUrl, ADMIN);
      const before = (await admin('/api/handoffs?status=queued')).body.items.map((i: { id: string }) => i.id);
      expect(before).toHaveLength(4);

      await service.kill();
      service = await startServiceProcess(env, port);
      const after = await api(service.baseUrl, ADMIN)('/api/handoffs?status=queued');
      expect(after.body.items.map((i: { id: string }) => i.id)).toEqual(before);
      expect(after.body.items.map((i: { position: number }) => i.position)).toEqual([1, 2, 3, 4]);

      // The first is taken: everybody behind moves up and is told so by the restarted service.
      expect((await api(service.baseUrl, ADMIN)(`/api/handoffs/${before[0]}/claim`, { method: 'POST' })).status).toBe(
        200,
      );
      await connector.waitFor(
        () =>
          [1, 2, 3].every((p) => connector.textsFor(conversations[p]).some((text) => text.startsWith(updateFor(p)))),
        15000,
      );
      // One update per change, not one per instance or per tick.
      for (const p of [1, 2, 3])
        expect(connector.textsFor(conversations[p]).filter((text) => text.startsWith(updateFor(p)))).toHaveLength(1);
      // The bootstrap admin is not shown to customers as "Admin".
      expect(connector.textsFor(conversations[0])).toContain(t('handoff:claimedNoName'));
    } finally {
      await service?.stop();
      await database.close();
      await connector.close();
    }
  }, 120000);
});
