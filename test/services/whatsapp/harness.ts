import type { AddressInfo } from 'node:net';
import type { TurnContext } from 'botbuilder';
import { createTurnErrorHandler } from '../../../src/bots/turnErrorHandler';
import { loadConfig } from '../../../src/config';
import { Database } from '../../../src/services/database/database';
import { I18nService } from '../../../src/services/i18n/i18nService';
import { createLogger } from '../../../src/services/logger';
import { Metrics } from '../../../src/services/metrics';
import { ContactStore } from '../../../src/channels/whatsapp/contactStore';
import { GraphApiClient } from '../../../src/channels/whatsapp/graphApiClient';
import { WhatsAppInboundProcessor } from '../../../src/channels/whatsapp/inboundProcessor';
import { InboundStore } from '../../../src/channels/whatsapp/inboundStore';
import { RecipientPacer } from '../../../src/channels/whatsapp/recipientPacer';
import { StatusStore } from '../../../src/channels/whatsapp/statusStore';
import { WhatsAppAdapter } from '../../../src/channels/whatsapp/whatsappAdapter';
import { WhatsAppRoutes } from '../../../src/http/routes/whatsappRoutes';
import { createServer } from '../../../src/http/server';
import { testMongoUri } from '../../support/testDb';
import { FakeGraphApi, startFakeGraphApi } from './fakeGraphApi';
import { whatsappTestEnv } from './metaPayloads';

export interface WhatsAppHarness {
  baseUrl: string;
  graph: FakeGraphApi;
  inbox: InboundStore;
  contacts: ContactStore;
  statuses: StatusStore;
  adapter: WhatsAppAdapter;
  processor: WhatsAppInboundProcessor;
  i18n: I18nService;
  close(): Promise<void>;
}

/**
 * The WhatsApp channel exactly as index.ts wires it, in front of a scripted bot, so tests can
 * assert the exact Graph API requests without depending on the dialogs' wording.
 */
export async function startWhatsAppHarness(
  bot: { run(context: TurnContext): Promise<void> },
  env: Record<string, string> = {},
  mongoUri = testMongoUri('wa'),
): Promise<WhatsAppHarness> {
  const graph = await startFakeGraphApi();
  const config = loadConfig({
    ...whatsappTestEnv(graph.url),
    ...env,
  });
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const database = new Database(mongoUri, logger);
  await database.connect();
  const i18n = new I18nService('de');
  const inbox = new InboundStore(database.connection);
  const contacts = new ContactStore(database.connection);
  const statuses = new StatusStore(database.connection);
  await database.ensureIndexes();
  const adapter = new WhatsAppAdapter(
    { ...config.whatsapp, botName: config.botName, defaultLocale: 'de-DE' },
    new GraphApiClient({ ...config.whatsapp, maxAttempts: 6, timeoutMs: 2000 }, logger),
    new RecipientPacer({ minGapMs: config.whatsapp.sendSpacingMs, burst: 10, refillMs: 6000 }),
    contacts,
    statuses,
    i18n,
    logger,
  );
  adapter.onTurnError = createTurnErrorHandler(logger, i18n);
  const processor = new WhatsAppInboundProcessor(inbox, contacts, statuses, adapter, bot, i18n, logger, {
    sweepIntervalMs: 200,
    leaseMs: 5000,
  });
  const server = createServer({
    logger,
    metrics: new Metrics(),
    isReady: () => true,
    modules: [new WhatsAppRoutes(config.whatsapp, processor, logger)],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    graph,
    inbox,
    contacts,
    statuses,
    adapter,
    processor,
    i18n,
    async close() {
      await processor.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await graph.close();
      await database.close();
    },
  };
}
