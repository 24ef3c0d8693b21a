/**
 * Composition root: config -> database -> services -> bots -> http server. The only place that
 * creates and wires objects. Run directly it serves; tests import buildApp.
 */
import { BotAdapter, CloudAdapter } from 'botbuilder';
import type { Connection } from 'mongoose';
import type { Server } from 'restify';
import { AgentBot } from './bots/agentBot';
import { BotRouter } from './bots/botRouter';
import { buildCustomerConversation, previewConversations } from './bots/customerConversation';
import { MessagesRoute } from './http/routes/messagesRoute';
import { createTurnErrorHandler } from './bots/turnErrorHandler';
import { Config, ConfigError, loadConfig } from './config';
import { WebChatRoutes } from './http/routes/webChatRoutes';
import { systemClock, Clock } from './dialogs/clock';
import { AgentDeskRoutes } from './http/routes/agentDeskRoutes';
import { AuthRoutes } from './http/routes/authRoutes';
import { AuthService } from './services/auth/authService';
import { ChannelCustomerMessenger } from './channels/customerMessenger';
import { webChatTextMiddleware } from './channels/webChatText';
import type { CustomerMessenger } from './services/channels/types';
import { Database } from './services/database/database';
import { resolveDatabase } from './services/database/resolveDatabase';
import { DirectLineActivityStore } from './channels/directline/activityStore';
import { AzureDirectLineTokenExchange } from './channels/directline/azureTokenExchange';
import { DirectLineAdapter } from './channels/directline/directLineAdapter';
import { DirectLineRoutes } from './http/routes/directLineRoutes';
import { DirectLineTokens, TokenSecretSource } from './channels/directline/tokenService';
import { MongoContentProvider } from './services/content/mongoContentProvider';
import { AdminPageRoutes } from './http/routes/adminPageRoutes';
import { AdminRoutes } from './http/routes/adminRoutes';
import { MetaRoutes } from './http/routes/metaRoutes';
import { AdminContentService } from './services/admin/adminService';
import { ContentStore } from './services/admin/contentStore';
import { FaqService } from './services/admin/faqService';
import { LiveContent } from './services/admin/liveContent';
import { OpenApiRoutes } from './http/routes/openApiRoutes';
import { PreviewService } from './services/admin/previewService';
import type { HandoffSettingsSource } from './services/handoff/businessHours';
import { HandoffRoutes } from './http/routes/handoffRoutes';
import { HandoffService } from './services/handoff/handoffService';
import { I18nService } from './services/i18n/i18nService';
import { KnowledgeBase } from './services/knowledge/knowledgeBase';
import { TriageService } from './services/nlu/triageService';
import { ServiceRequestService } from './services/requests/serviceRequestService';
import { createLogger, Logger } from './services/logger';
import { Metrics } from './services/metrics';
import { createBotFrameworkAuthentication } from './services/security/botFrameworkAuth';
import { ReusedConnectorsAuthentication } from './bots/reusedConnectors';
import { DEFAULT_RETENTION_RULES } from './services/retention/retentionRules';
import { RetentionRoutes } from './http/routes/retentionRoutes';
import { RetentionService } from './services/retention/retentionService';
import { CustomerLinks } from './services/retention/customerLinks';
import { HandoffMarks } from './services/state/handoffMarks';
import { MongoStorage } from './services/state/mongoStorage';
import { TrackedConversationState, TrackedUserState } from './services/state/trackedState';
import { TeamsAgentDirectory } from './channels/teams/teamsAgentDirectory';
import { TeamsChannelStore } from './channels/teams/teamsChannelStore';
import { TeamsNotifier } from './channels/teams/teamsNotifier';
import { TeamsThreadStore } from './channels/teams/teamsThreadStore';
import { createTranscriptMiddleware } from './services/transcript/transcriptMiddleware';
import { TranscriptStore } from './services/transcript/transcriptStore';
import { ContactStore } from './channels/whatsapp/contactStore';
import { GraphApiClient } from './channels/whatsapp/graphApiClient';
import { deadLetterCounter, WhatsAppInboundProcessor } from './channels/whatsapp/inboundProcessor';
import { AppliedMessages } from './channels/whatsapp/appliedMessages';
import { InboundSealer } from './channels/whatsapp/sealedText';
import { maskingDestination } from './services/privacy/logMasking';
import { InboundStore } from './channels/whatsapp/inboundStore';
import { RecipientPacer } from './channels/whatsapp/recipientPacer';
import { StatusStore } from './channels/whatsapp/statusStore';
import { WhatsAppAdapter } from './channels/whatsapp/whatsappAdapter';
import { WhatsAppRoutes } from './http/routes/whatsappRoutes';
import { createServer } from './http/server';

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
  const database = new Database(mongoUri, logger);
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

  const channels = customerChannels(config, connection, i18n, logger);
  const retention = new RetentionService(
    connection,
    DEFAULT_RETENTION_RULES,
    {
      days: config.retentionDays,
      sweepMinutes: config.retentionSweepMinutes,
      beforeErase: () => channels.transcripts.drain(),
    },
    logger,
    [revokeDirectLineTokens(channels.directLineStore)],
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
    options: {
      updateIntervalSeconds: config.handoffUpdateIntervalSeconds,
      sweepIntervalMs: Math.min(5000, config.handoffUpdateIntervalSeconds * 500),
    },
  });
  const knowledge = new KnowledgeBase(connection, logger);
  const triage = new TriageService();
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
  const agents = agentSide(config, connection, channels.botFramework, handoffs, i18n, logger);
  const router = new BotRouter(customerBot, agents.bot);

  const messages = new MessagesRoute(channels.botFramework, router);
  const whatsappInbound = new WhatsAppInboundProcessor(
    new InboundStore(connection, new InboundSealer(connection)),
    channels.whatsappContacts,
    channels.whatsappStatuses,
    channels.whatsapp,
    router,
    i18n,
    logger,
    {
      leaseMs: config.whatsapp.claimLeaseSeconds * 1000,
      sweepIntervalMs: config.whatsapp.sweepSeconds * 1000,
      applied: new AppliedMessages(conversationState),
      onDeadLetter: deadLetterCounter(metrics.registry),
    },
  );
  const directLineTokens = new DirectLineTokens(
    new TokenSecretSource(connection, config.directLineTokenSecret),
    1800,
    7200,
    Date.now,
    config.directLineMaxLifetimeSeconds,
    channels.directLineStore,
  );
  const liveContent = new LiveContent(contentStore, content, i18n, knowledge, logger, {
    pollMs: config.adminContentPollMs,
    fullReloadMs: 60_000,
  });
  const faqs = new FaqService(connection, contentStore, () => content.menus());
  const adminContent = new AdminContentService(contentStore, content, i18n, faqs, liveContent);
  const preview = new PreviewService({
    store: contentStore,
    faqs,
    content,
    conversation: previewConversations({ triage, knowledge, clock, logger }),
    now: () => clock.now(),
    defaultLanguage: config.defaultLanguage,
  });

  const server = createServer({
    logger,
    metrics,
    isReady: () => database.isReady(),
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustProxy: config.trustProxy,
    modules: [
      messages,
      new AuthRoutes(auth),
      new RetentionRoutes(auth, retention),
      new HandoffRoutes(auth, handoffs),
      new AgentDeskRoutes(i18n),
      new AdminRoutes(auth, adminContent, faqs, preview),
      new AdminPageRoutes(i18n),
      new MetaRoutes(auth),
      new OpenApiRoutes(),
      new WhatsAppRoutes(config.whatsapp, whatsappInbound, logger),
      new DirectLineRoutes(channels.directLine, channels.directLineStore, directLineTokens, router),
      new WebChatRoutes(
        () => content.settings(),
        i18n,
        new AzureDirectLineTokenExchange(config.directLineSecret, config.directLineUrl),
        logger,
      ),
    ],
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
      await database.ensureIndexes().catch((err: Error) => logger.error({ err }, 'indexes could not be ensured'));
      await knowledge.seed().catch((err: Error) => logger.error({ err }, 'knowledge base could not be seeded'));
      await liveContent.start();
      // Handoffs opened before conversations were marked (an upgrade) must still reach their gate.
      void handoffs
        .markOpenHandoffs()
        .catch((err: Error) => logger.error({ err }, 'open handoffs could not be marked'));
      whatsappInbound.start();
      handoffs.start();
      // Without the agents' team bound no card goes anywhere.
      if (agents.bound) agents.notifier.start();
      retention.start();
    },
    async stop() {
      handoffs.stop();
      agents.notifier.stop();
      liveContent.stop();
      // Every step is bounded: a shutdown must finish even while the database is away.
      const deadline = Date.now() + config.shutdownGraceSeconds * 1000;
      const remaining = () => Math.max(100, deadline - Date.now());
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

/** What every customer-facing adapter runs around a turn. */
interface TurnPipeline {
  onTurnError: ReturnType<typeof createTurnErrorHandler>;
  transcripts: TranscriptStore;
  customerLinks: CustomerLinks;
  logger: Logger;
}

/**
 * Wires a customer-facing adapter: the apology when a turn fails, the transcript, the link from
 * conversation to customer (for export and erasure), and Web Chat's text clean-up where customers
 * write through Web Chat.
 */
function customerFacing<T extends BotAdapter>(adapter: T, pipeline: TurnPipeline, options: { webChat: boolean }): T {
  adapter.onTurnError = pipeline.onTurnError;
  adapter.use(createTranscriptMiddleware(pipeline.transcripts, pipeline.logger));
  adapter.use(pipeline.customerLinks.middleware());
  if (options.webChat) adapter.use(webChatTextMiddleware());
  return adapter;
}

/**
 * The customer channels: Bot Framework (Teams, Azure Direct Line), WhatsApp Cloud API and the local
 * Direct Line of the web page, each wired the same way, and the messenger that reaches a customer
 * on any of them outside a turn.
 */
function customerChannels(config: Config, connection: Connection, i18n: I18nService, logger: Logger) {
  // Transcript lines leave in one bulk write every 25 ms at most; no customer waits for them.
  const transcripts = new TranscriptStore(connection, 30, 25);
  const pipeline: TurnPipeline = {
    onTurnError: createTurnErrorHandler(logger, i18n),
    transcripts,
    customerLinks: new CustomerLinks(connection, logger),
    logger,
  };
  const defaultLocale = config.defaultLanguage === 'de' ? 'de-DE' : 'en-US';

  const botAuth = createBotFrameworkAuthentication({ ...config, openIdMetadataUrl: config.botOpenIdMetadataUrl });
  // One ConnectorClient per serviceUrl instead of a new one (and its HTTP pipeline) per activity.
  const botFramework = customerFacing(new CloudAdapter(new ReusedConnectorsAuthentication(botAuth)), pipeline, {
    webChat: true,
  });
  const whatsappContacts = new ContactStore(connection);
  const whatsappStatuses = new StatusStore(connection);
  const whatsapp = customerFacing(
    new WhatsAppAdapter(
      { ...config.whatsapp, botName: config.botName, defaultLocale },
      new GraphApiClient({ ...config.whatsapp, maxAttempts: 6, timeoutMs: 15_000 }, logger),
      new RecipientPacer({ minGapMs: config.whatsapp.sendSpacingMs, burst: 10, refillMs: 6000 }),
      whatsappContacts,
      whatsappStatuses,
      i18n,
      logger,
    ),
    pipeline,
    { webChat: false },
  );
  const directLineStore = new DirectLineActivityStore(connection);
  const directLine = customerFacing(
    new DirectLineAdapter(directLineStore, {
      serviceUrl: `${config.publicUrl}/v3/directline`,
      botId: 'lotse-bot',
      botName: config.botName,
      defaultLocale,
    }),
    pipeline,
    { webChat: true },
  );
  const messenger = new ChannelCustomerMessenger(
    { whatsapp, localDirectLine: directLine, botFramework },
    config.microsoftAppId,
  );
  return {
    botFramework,
    whatsapp,
    whatsappContacts,
    whatsappStatuses,
    directLine,
    directLineStore,
    transcripts,
    messenger,
  };
}

/** An erased web customer's Direct Line tokens stop working at once. */
function revokeDirectLineTokens(store: DirectLineActivityStore) {
  return async (customer: { conversationKeys: string[] }) =>
    store.revoke(
      customer.conversationKeys
        .filter((key) => key.startsWith('directline:'))
        .map((key) => key.slice('directline:'.length)),
    );
}

/** Agents in Teams: the card per handoff in the agents' channel, claims, the thread relay. */
function agentSide(
  config: Config,
  connection: Connection,
  adapter: CloudAdapter,
  handoffs: HandoffService,
  i18n: I18nService,
  logger: Logger,
) {
  const binding =
    config.teamsTenantId && config.teamsAgentTeamId
      ? { tenantId: config.teamsTenantId, teamId: config.teamsAgentTeamId }
      : undefined;
  const channels = new TeamsChannelStore(connection, config.teamsAgentTeamId);
  const threads = new TeamsThreadStore(connection);
  const notifier = new TeamsNotifier(adapter, handoffs, channels, threads, i18n, logger, {
    botAppId: config.microsoftAppId,
    botName: config.botName,
    language: config.defaultLanguage,
    timeZone: config.timeZone,
  });
  const bot = new AgentBot({
    binding,
    desk: handoffs,
    channels,
    threads,
    notifier,
    directory: new TeamsAgentDirectory(config.teamsSupervisorIds),
    i18n,
    language: config.defaultLanguage,
    logger,
  });
  return { bot, notifier, bound: binding !== undefined };
}

/** Waits for the promise, but never longer than ms; a step that times out is abandoned. */
async function bounded(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

async function main(): Promise<void> {
  let config: Config;
  try {
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
  const app = buildApp(config, db.uri, logger);
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
