/**
 * Composition root: config -> database -> services -> bots -> http server, in that order. The
 * builders under src/app/ wire one part each (channels, agent side, admin, HTTP); this file decides
 * the order, starts and stops. Run directly it serves; tests import buildApp.
 */
import type { Server } from 'restify';
import { buildAdmin } from './app/buildAdmin';
import { buildAgentSide } from './app/buildAgentSide';
import { buildChannels, revokeDirectLineTokens } from './app/buildChannels';
import { buildAbandonment } from './app/buildAbandonment';
import { buildHttp } from './app/buildHttp';
import { loadDotEnv } from './app/loadDotEnv';
import { buildWhatsAppInbound } from './app/buildWhatsAppInbound';
import { bounded } from './app/bounded';
import { BotRouter } from './bots/botRouter';
import { buildCustomerConversation } from './bots/customerConversation';
import { Config, ConfigError, loadConfig } from './config';
import { systemClock, Clock } from './dialogs/clock';
import { handBackQuestion } from './dialogs/handBack';
import { ContentStore } from './services/admin/contentStore';
import { AuthService } from './services/auth/authService';
import type { CustomerMessenger } from './services/channels/types';
import { MongoContentProvider } from './services/content/mongoContentProvider';
import { Database } from './services/database/database';
import { resolveDatabase } from './services/database/resolveDatabase';
import { buildEmbeddingServices, resolveEmbeddings } from './app/buildEmbeddings';
import type { HandoffSettingsSource } from './services/handoff/businessHours';
import { FileStore } from './services/files/fileStore';
import { FileLinks } from './services/files/fileLinks';
import { TokenSecretSource } from './channels/directline/tokenService';
import { HandoffService } from './services/handoff/handoffService';
import { I18nService } from './services/i18n/i18nService';
import { KnowledgeBase } from './services/knowledge/knowledgeBase';
import { createLogger, Logger } from './services/logger';
import { Metrics } from './services/metrics';
import { intentModelCorpus, toneModelCorpus } from './services/nlu/corpus';
import { TriageService } from './services/nlu/triageService';
import { maskingDestination } from './services/privacy/logMasking';
import { ServiceRequestService } from './services/requests/serviceRequestService';
import { DEFAULT_RETENTION_RULES } from './services/retention/retentionRules';
import { RetentionService } from './services/retention/retentionService';
import { HandoffMarks } from './services/state/handoffMarks';
import { MongoStorage } from './services/state/mongoStorage';
import { TrackedConversationState, TrackedUserState } from './services/state/trackedState';

export interface App {
  config: Config;
  server: Server;
  database: Database;
  /** The supervisor queue (tests create handoffs and subscribe to its events directly). */
  handoffs: HandoffService;
  /** Proactive sends to customers on any channel (WhatsApp, the web page, Bot Framework). */
  customerMessenger: CustomerMessenger;
  /** Routine answers; reload() after an admin changed entries. */
  knowledge: KnowledgeBase;
  /** Starts background work (database connection, pollers). */
  start(): Promise<void>;
  /** Stops accepting, waits for turns in flight, closes the database. */
  stop(): Promise<void>;
}

/** Collaborators a test may replace; production passes none. */
export interface AppOverrides {
  /** Business hours and callback settings of the queue (default: the content provider's). */
  handoffSettings?: HandoffSettingsSource;
  /** The conversation's time (greeting by time of day, deadlines); tests meet the bot at 3 a.m. */
  clock?: Clock;
}

export function buildApp(config: Config, mongoUri: string, logger: Logger, overrides: AppOverrides = {}): App {
  const metrics = new Metrics();
  const database = new Database(mongoUri, logger, { operationTimeoutMs: config.mongodbTimeoutMs });
  const connection = database.connection;
  const i18n = new I18nService(config.defaultLanguage);
  // One time source for the dialogs and the queue: a test at 3 a.m. must find the desk closed too.
  const clock = overrides.clock ?? systemClock;
  const auth = new AuthService(connection, config.adminApiToken);
  const storage = new MongoStorage(connection);
  const conversationState = new TrackedConversationState(storage);
  const userState = new TrackedUserState(storage);
  const handoffMarks = new HandoffMarks(connection, conversationState);
  // Admin-edited content (menu, settings, translations) over the shipped defaults, kept in memory.
  const contentStore = new ContentStore(connection);
  const content = new MongoContentProvider(contentStore, config);

  const channels = buildChannels(config, connection, i18n, logger);
  const files = new FileStore(connection, config.fileMaxBytes);
  // The deployment's shared secret (configured, or made once and kept in MongoDB) also signs file links.
  const deploymentSecret = new TokenSecretSource(connection, config.directLineTokenSecret);
  const fileLinks = new FileLinks(config.publicUrl, () => deploymentSecret.get());
  const retention = new RetentionService(
    connection,
    DEFAULT_RETENTION_RULES,
    {
      days: config.retentionDays,
      sweepMinutes: config.retentionSweepMinutes,
      beforeErase: () => channels.transcripts.drain(),
      afterSweep: () => files.removeOrphans(),
    },
    logger,
    [revokeDirectLineTokens(channels.directLineStore), () => files.removeOrphans().then(() => undefined)],
  );
  const handoffs = new HandoffService({
    clock: () => clock.now(),
    connection,
    messenger: channels.messenger,
    settings: overrides.handoffSettings ?? content,
    transcripts: channels.transcripts,
    i18n,
    logger,
    marker: handoffMarks,
    handBackQuestion: handBackQuestion(content, i18n),
    files: { put: (file) => files.put(file), link: (id) => fileLinks.link(id) },
    options: {
      updateIntervalSeconds: config.handoffUpdateIntervalSeconds,
      sweepIntervalMs: Math.min(5000, config.handoffUpdateIntervalSeconds * 500),
    },
  });
  const { semantic, intents, tone } = buildEmbeddingServices(config, connection, logger);
  const knowledge = new KnowledgeBase(connection, logger, semantic ? { semantic } : {});
  const triage = new TriageService(undefined, undefined, intents, (text) => knowledge.isOffTopic(text), tone);
  const requests = new ServiceRequestService(connection, () => clock.now());
  const { bot: customerBot } = buildCustomerConversation({
    i18n,
    content,
    triage,
    knowledge,
    requests,
    handoff: handoffs,
    clock,
    logger,
    conversationState,
    userState,
    metrics,
    queue: { handoffs, marks: handoffMarks },
  });
  const agents = buildAgentSide(config, connection, channels.botFramework, handoffs, i18n, logger);
  const router = new BotRouter(customerBot, agents.bot);

  const whatsappInbound = buildWhatsAppInbound(
    config,
    connection,
    channels,
    router,
    conversationState,
    userState,
    metrics,
    i18n,
    logger,
    files,
  );
  const admin = buildAdmin({ config, connection, contentStore, content, i18n, knowledge, triage, clock, logger });
  const { liveContent } = admin;
  const abandonment = buildAbandonment(config, connection, handoffs, logger);
  const { server, messages, directLineStreams } = buildHttp({
    config,
    // Without the model the knowledge search answers classically: reduced, not down.
    // A knowledge pack that could not be stored answers fewer questions until a later search stores it.
    degraded: () => [
      ...(semantic && !(semantic.ready && intents?.ready !== false && tone?.ready !== false) ? ['embeddings'] : []),
      ...(knowledge.seedFailed ? ['knowledge'] : []),
    ],
    connection,
    database,
    logger,
    metrics,
    i18n,
    auth,
    content,
    retention,
    handoffs,
    admin,
    channels,
    whatsappInbound,
    router,
    files,
    fileLinks,
  });

  return {
    config,
    server,
    database,
    handoffs,
    customerMessenger: channels.messenger,
    knowledge,
    async start() {
      await database.connect();
      // Started at once: a knowledge search waits for this seed rather than read a half-seeded pack.
      const seeded = knowledge
        .seed()
        .catch((err: Error) => logger.error({ err }, 'knowledge base could not be seeded'));
      await database.ensureIndexes().catch((err: Error) => logger.error({ err }, 'indexes could not be ensured'));
      await seeded;
      // In the background, one after the other, as customers' messages share the model: a first start
      // embeds some 13,000 texts (minutes on two cores), so the knowledge index, which answers routine
      // questions, comes first, then the intent model, then the tone model.
      void (semantic?.indexed() ?? Promise.resolve())
        .then(() => intents?.train(intentModelCorpus()))
        .then(() => tone?.train(toneModelCorpus()));
      await liveContent.start();
      // Handoffs opened before conversations were marked (an upgrade) must still reach their gate.
      void handoffs
        .markOpenHandoffs()
        .catch((err: Error) => logger.error({ err }, 'open handoffs could not be marked'));
      whatsappInbound.start();
      handoffs.start();
      abandonment.sweeper.start();
      // Without the agents' team bound no card goes anywhere.
      if (agents.bound) agents.notifier.start();
      retention.start();
    },
    async stop() {
      handoffs.stop();
      abandonment.sweeper.stop();
      agents.notifier.stop();
      liveContent.stop();
      // Every step is bounded: a shutdown must finish even while the database is away.
      const deadline = Date.now() + config.shutdownGraceSeconds * 1000;
      const remaining = () => Math.max(100, deadline - Date.now());
      // Upgraded sockets are no longer the HTTP server's: closed here, or close() would wait for them.
      directLineStreams.closeAll();
      await bounded(new Promise<void>((resolve) => server.close(() => resolve())), remaining());
      server.server.closeAllConnections?.();
      while (
        messages.turnsInFlight + channels.directLine.turnsInFlight + whatsappInbound.inFlight > 0 &&
        Date.now() < deadline
      )
        await new Promise((r) => setTimeout(r, 50));
      await bounded(whatsappInbound.stop(), remaining());
      await bounded(retention.stop(), remaining());
      // Transcript lines are written behind each answer; they must reach the database before it closes.
      await bounded(channels.transcripts.drain(), remaining());
      await database.close();
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  // WhatsApp conversation ids are phone numbers; no log line leaves the process with one in clear.
  const logger = createLogger(config.logLevel, maskingDestination(process.stdout));
  const db = await resolveDatabase(config.mongodbUri, config.dataDir, logger);
  const model = await resolveEmbeddings(config, logger);
  const app = buildApp(model.config, db.uri, logger);
  await new Promise<void>((resolve) => app.server.listen(config.port, config.host, () => resolve()));
  logger.info({ port: config.port, host: config.host, url: config.publicUrl }, 'Lotse is listening');
  for (const warning of config.startWarnings) {
    logger.warn(warning);
    process.stderr.write(`WARNING: ${warning}\n`);
  }
  void app.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.stop();
    await model.stop();
    await db.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`Lotse failed to start: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
