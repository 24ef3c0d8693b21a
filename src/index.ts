/**
 * Composition root: config -> database -> services -> bots -> http server. The only place that
 * creates and wires objects. Run directly it serves; tests import buildApp.
 */
import { CloudAdapter } from 'botbuilder';
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
  const i18n = new I18nService(config.defaultLanguage);

  const auth = new AuthService(database.connection, config.adminApiToken);
  const customerLinks = new CustomerLinks(database.connection, logger);
  const directLineStore = new DirectLineActivityStore(database.connection);
  // An erased web customer's Direct Line tokens stop working at once.
  const revokeDirectLine = async (customer: { conversationKeys: string[] }) =>
    directLineStore.revoke(customer.conversationKeys.filter((key) => key.startsWith('directline:')).map((key) => key.slice('directline:'.length)));
  const retention = new RetentionService(database.connection, DEFAULT_RETENTION_RULES, { days: config.retentionDays, sweepMinutes: config.retentionSweepMinutes }, logger, [revokeDirectLine]);
  const storage = new MongoStorage(database.connection);
  const conversationState = new TrackedConversationState(storage);
  const userState = new TrackedUserState(storage);
  const handoffMarks = new HandoffMarks(database.connection, conversationState);

  const botAuth = createBotFrameworkAuthentication({ ...config, openIdMetadataUrl: config.botOpenIdMetadataUrl });
  // One ConnectorClient per serviceUrl instead of a new one (and its HTTP pipeline) per activity.
  const adapter = new CloudAdapter(new ReusedConnectorsAuthentication(botAuth));
  adapter.onTurnError = createTurnErrorHandler(logger, i18n);
  // Transcript lines leave in one bulk write every 25 ms at most; no customer waits for them.
  const transcripts = new TranscriptStore(database.connection, 30, 25);
  adapter.use(createTranscriptMiddleware(transcripts, logger));
  adapter.use(customerLinks.middleware());
  adapter.use(webChatTextMiddleware());

  // Admin-edited content (menu, settings, translations) over the shipped defaults, kept in memory.
  const contentStore = new ContentStore(database.connection);
  const content = new MongoContentProvider(contentStore, config);

  // Customer channels of our own: WhatsApp Cloud API and the local Direct Line of the web page.
  const whatsappContacts = new ContactStore(database.connection);
  const whatsappStatuses = new StatusStore(database.connection);
  const whatsappAdapter = new WhatsAppAdapter(
    { ...config.whatsapp, botName: config.botName, defaultLocale: config.defaultLanguage === 'de' ? 'de-DE' : 'en-US' },
    new GraphApiClient({ ...config.whatsapp, maxAttempts: 6, timeoutMs: 15_000 }, logger),
    new RecipientPacer({ minGapMs: config.whatsapp.sendSpacingMs, burst: 10, refillMs: 6000 }),
    whatsappContacts,
    whatsappStatuses,
    i18n,
    logger,
  );
  whatsappAdapter.onTurnError = createTurnErrorHandler(logger, i18n);
  whatsappAdapter.use(createTranscriptMiddleware(transcripts, logger));
  whatsappAdapter.use(customerLinks.middleware());
  const directLine = new DirectLineAdapter(directLineStore, {
    serviceUrl: `${config.publicUrl}/v3/directline`,
    botId: 'lotse-bot',
    botName: config.botName,
    defaultLocale: config.defaultLanguage === 'de' ? 'de-DE' : 'en-US',
  });
  directLine.onTurnError = createTurnErrorHandler(logger, i18n);
  directLine.use(createTranscriptMiddleware(transcripts, logger));
  directLine.use(customerLinks.middleware());
  directLine.use(webChatTextMiddleware());
  const customerMessenger = new ChannelCustomerMessenger({ whatsapp: whatsappAdapter, localDirectLine: directLine, botFramework: adapter }, config.microsoftAppId);
  // One time source for the dialogs and the queue: a test at 3 a.m. must find the desk closed too.
  const clock = overrides.clock ?? systemClock;
  const handoffs = new HandoffService({
    clock: () => clock.now(),
    connection: database.connection,
    messenger: customerMessenger,
    settings: overrides.handoffSettings ?? content,
    transcripts,
    i18n,
    logger,
    marker: handoffMarks,
    options: { updateIntervalSeconds: config.handoffUpdateIntervalSeconds, sweepIntervalMs: Math.min(5000, config.handoffUpdateIntervalSeconds * 500) },
  });

  const knowledge = new KnowledgeBase(database.connection, logger);
  const triage = new TriageService();
  const { bot: customerBot } = buildCustomerConversation({
    i18n,
    content,
    triage,
    knowledge,
    requests: new ServiceRequestService(database.connection, () => clock.now()),
    handoff: handoffs,
    clock,
    logger,
    conversationState,
    userState,
    metrics,
    queue: { handoffs, marks: handoffMarks },
  });
  // Agents in Teams: the card per handoff in the agents' channel, claims, the thread relay.
  const teamsBinding = config.teamsTenantId && config.teamsAgentTeamId ? { tenantId: config.teamsTenantId, teamId: config.teamsAgentTeamId } : undefined;
  const teamsChannels = new TeamsChannelStore(database.connection, config.teamsAgentTeamId);
  const teamsThreads = new TeamsThreadStore(database.connection);
  const teamsNotifier = new TeamsNotifier(adapter, handoffs, teamsChannels, teamsThreads, i18n, logger, {
    botAppId: config.microsoftAppId,
    botName: config.botName,
    language: config.defaultLanguage,
    timeZone: config.timeZone,
  });
  const agentBot = new AgentBot({
    binding: teamsBinding,
    desk: handoffs,
    channels: teamsChannels,
    threads: teamsThreads,
    notifier: teamsNotifier,
    directory: new TeamsAgentDirectory(config.teamsSupervisorIds),
    i18n,
    language: config.defaultLanguage,
    logger,
  });
  const router = new BotRouter(customerBot, agentBot);
  const messages = new MessagesRoute(adapter, router);
  const whatsappInbound = new WhatsAppInboundProcessor(new InboundStore(database.connection, new InboundSealer(database.connection)), whatsappContacts, whatsappStatuses, whatsappAdapter, router, i18n, logger, {
    leaseMs: config.whatsapp.claimLeaseSeconds * 1000,
    sweepIntervalMs: config.whatsapp.sweepSeconds * 1000,
    applied: new AppliedMessages(conversationState),
    onDeadLetter: deadLetterCounter(metrics.registry),
  });
  const customerChannels = [
    new WhatsAppRoutes(config.whatsapp, whatsappInbound, logger),
    new DirectLineRoutes(directLine, directLineStore, new DirectLineTokens(new TokenSecretSource(database.connection, config.directLineTokenSecret), 1800, 7200, Date.now, config.directLineMaxLifetimeSeconds, directLineStore), router),
    new WebChatRoutes(() => content.settings(), i18n, new AzureDirectLineTokenExchange(config.directLineSecret, config.directLineUrl), logger),
  ];

  const liveContent = new LiveContent(contentStore, content, i18n, knowledge, logger, { pollMs: config.adminContentPollMs, fullReloadMs: 60_000 });
  const faqs = new FaqService(database.connection, contentStore, () => content.menus());
  const adminContent = new AdminContentService(contentStore, content, i18n, faqs, liveContent);
  const preview = new PreviewService({ store: contentStore, faqs, content, conversation: previewConversations({ triage, knowledge, clock, logger }), now: () => clock.now(), defaultLanguage: config.defaultLanguage });
  const adminModules = [new AdminRoutes(auth, adminContent, faqs, preview), new AdminPageRoutes(i18n), new MetaRoutes(auth), new OpenApiRoutes()];

  const server = createServer({ logger, metrics, isReady: () => database.isReady(), rateLimitPerMinute: config.rateLimitPerMinute, trustProxy: config.trustProxy, modules: [messages, new AuthRoutes(auth), new RetentionRoutes(auth, retention), new HandoffRoutes(auth, handoffs), new AgentDeskRoutes(i18n), ...adminModules, ...customerChannels] });

  return {
    config,
    server,
    database,
    handoffs,
    customerMessenger,
    knowledge,
    async start() {
      await database.connect();
      await database.ensureIndexes().catch((err: Error) => logger.error({ err }, 'indexes could not be ensured'));
      await knowledge.seed().catch((err: Error) => logger.error({ err }, 'knowledge base could not be seeded'));
      await liveContent.start();
      // Handoffs opened before conversations were marked (an upgrade) must still reach their gate.
      void handoffs.markOpenHandoffs().catch((err: Error) => logger.error({ err }, 'open handoffs could not be marked'));
      whatsappInbound.start();
      handoffs.start();
      // Without the agents' team bound no card goes anywhere.
      if (teamsBinding) teamsNotifier.start();
      retention.start();
    },
    async stop() {
      handoffs.stop();
      teamsNotifier.stop();
      liveContent.stop();
      // Every step is bounded: a shutdown must finish even while the database is away.
      const deadline = Date.now() + config.shutdownGraceSeconds * 1000;
      const remaining = () => Math.max(100, deadline - Date.now());
      await bounded(new Promise<void>((resolve) => server.close(() => resolve())), remaining());
      server.server.closeAllConnections?.();
      while (messages.turnsInFlight + directLine.turnsInFlight + whatsappInbound.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await bounded(whatsappInbound.stop(), remaining());
      await bounded(retention.stop(), remaining());
      // Transcript lines are written behind each answer; they must reach the database before it closes.
      await bounded(transcripts.drain(), remaining());
      await database.close();
    },
  };
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
