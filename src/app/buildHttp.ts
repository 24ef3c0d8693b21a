/** The HTTP server and its route modules; routes stay thin and hand over to adapters, bots and services. */
import type { Connection } from 'mongoose';
import type { Server } from 'restify';
import type { BotRouter } from '../bots/botRouter';
import { AzureDirectLineTokenExchange } from '../channels/directline/azureTokenExchange';
import { DirectLineStreams } from '../channels/directline/directLineStreams';
import { DirectLineTokens, TokenSecretSource } from '../channels/directline/tokenService';
import type { WhatsAppInboundProcessor } from '../channels/whatsapp/inboundProcessor';
import type { Config } from '../config';
import { AdminPageRoutes } from '../http/routes/adminPageRoutes';
import { AdminRoutes } from '../http/routes/adminRoutes';
import { AgentDeskRoutes } from '../http/routes/agentDeskRoutes';
import { AuthRoutes } from '../http/routes/authRoutes';
import { CustomerPresenceRoutes } from '../http/routes/customerPresenceRoutes';
import { DirectLineRoutes } from '../http/routes/directLineRoutes';
import { DirectLineStreamRoutes } from '../http/routes/directLineStreamRoutes';
import { HandoffRoutes } from '../http/routes/handoffRoutes';
import { AgentToolRoutes } from '../http/routes/agentToolRoutes';
import { CannedResponseRoutes } from '../http/routes/cannedResponseRoutes';
import { buildCannedResponses } from './buildCannedResponses';
import { MessagesRoute } from '../http/routes/messagesRoute';
import { MetaRoutes } from '../http/routes/metaRoutes';
import { OpenApiRoutes } from '../http/routes/openApiRoutes';
import { ReportRoutes } from '../http/routes/reportRoutes';
import { FileRoutes } from '../http/routes/fileRoutes';
import { DirectLineUploadRoutes } from '../http/routes/directLineUploadRoutes';
import type { FileStore } from '../services/files/fileStore';
import type { FileLinks } from '../services/files/fileLinks';
import { DeskPageRoutes, REPORTS_PAGE, TRAINING_PAGE } from '../http/routes/deskPageRoutes';
import { RetentionRoutes } from '../http/routes/retentionRoutes';
import { TrainingRoutes } from '../http/routes/trainingRoutes';
import { WebChatRoutes } from '../http/routes/webChatRoutes';
import { WhatsAppRoutes } from '../http/routes/whatsappRoutes';
import { checkServerErrorsAgainst } from '../http/errorPolicy';
import { createServer } from '../http/server';
import type { AuthService } from '../services/auth/authService';
import type { MongoContentProvider } from '../services/content/mongoContentProvider';
import type { Database } from '../services/database/database';
import type { HandoffService } from '../services/handoff/handoffService';
import type { I18nService } from '../services/i18n/i18nService';
import type { Logger } from '../services/logger';
import type { Metrics } from '../services/metrics';
import { HandoffRows } from '../services/reports/handoffRows';
import { ReportService } from '../services/reports/reportService';
import { recordHandoffMetrics } from '../services/monitoring/handoffMetrics';
import type { RetentionService } from '../services/retention/retentionService';
import type { AdminSide } from './buildAdmin';
import type { CustomerChannels } from './buildChannels';
import { buildAbandonment } from './buildAbandonment';
import { buildTeamsSso } from './buildTeamsSso';
import { buildTraining } from './buildTraining';

export interface HttpParts {
  config: Config;
  /** Reduced parts for /readyz. */
  degraded?: () => string[];
  connection: Connection;
  database: Database;
  logger: Logger;
  metrics: Metrics;
  i18n: I18nService;
  auth: AuthService;
  content: MongoContentProvider;
  retention: RetentionService;
  handoffs: HandoffService;
  admin: AdminSide;
  channels: CustomerChannels;
  whatsappInbound: WhatsAppInboundProcessor;
  router: BotRouter;
  files: FileStore;
  fileLinks: FileLinks;
}

export interface Http {
  server: Server;
  /** The Bot Framework endpoint; shutdown waits for its turns in flight. */
  messages: MessagesRoute;
  /** Open Direct Line WebSocket streams; a shutdown closes them first (the pages reconnect elsewhere). */
  directLineStreams: DirectLineStreams;
}

export function buildHttp(parts: HttpParts): Http {
  const { config, connection, database, logger, metrics, i18n, auth, content, channels, router } = parts;
  const messages = new MessagesRoute(channels.botFramework, router);
  const directLineTokens = new DirectLineTokens(
    new TokenSecretSource(connection, config.directLineTokenSecret),
    1800,
    7200,
    Date.now,
    config.directLineMaxLifetimeSeconds,
    channels.directLineStore,
  );
  // lotse_database_up follows the database's own ping loop; the handoff figures follow the queue's events.
  metrics.followDatabase(() => database.isReady());
  checkServerErrorsAgainst(() => database.ping(1000));
  recordHandoffMetrics(parts.handoffs.events, metrics);
  const abandonment = buildAbandonment(config, connection, parts.handoffs, logger);
  const directLineStreams = new DirectLineStreams(channels.directLineStore, channels.directLine.feed, logger, {
    lookEveryMs: 2000,
    pingEveryMs: 30_000,
    // An open stream is an open page, like a poll: abandonment counts it as the customer being there.
    onPresence: (conversationId) =>
      void abandonment.presence
        .noteRead(`directline:${conversationId}`)
        .catch((err: unknown) => logger.warn({ err, conversationId }, 'read not noted')),
  });
  const streamRoutes = new DirectLineStreamRoutes(directLineTokens, directLineStreams, logger, {
    publicUrl: config.publicUrl,
    trustForwardedProto: config.trustProxy.kind !== 'none',
  });
  const server = createServer({
    logger,
    metrics,
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
    isReady: () => database.isReady(),
    ...(parts.degraded ? { degraded: parts.degraded } : {}),
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustProxy: config.trustProxy,
    modules: [
      messages,
      new AuthRoutes(auth),
      new RetentionRoutes(auth, parts.retention),
      new HandoffRoutes(auth, parts.handoffs),
      new FileRoutes(auth, parts.files, parts.handoffs, parts.fileLinks, config.fileMaxBytes),
      new AgentToolRoutes(auth, parts.handoffs, i18n),
      new CannedResponseRoutes(auth, buildCannedResponses(connection)),
      new ReportRoutes(auth, new ReportService(connection, config.timeZone), new HandoffRows(connection)),
      new DeskPageRoutes(i18n, REPORTS_PAGE),
      new AgentDeskRoutes(i18n),
      new TrainingRoutes(auth, buildTraining(config, connection, i18n)),
      new DeskPageRoutes(i18n, TRAINING_PAGE),
      ...buildTeamsSso(config, connection, auth),
      new CustomerPresenceRoutes(abandonment.presence, logger),
      new AdminRoutes(auth, parts.admin.adminContent, parts.admin.faqs, parts.admin.preview),
      new AdminPageRoutes(i18n),
      new MetaRoutes(auth),
      new OpenApiRoutes(),
      new WhatsAppRoutes(config.whatsapp, parts.whatsappInbound, logger),
      new DirectLineRoutes(channels.directLine, channels.directLineStore, directLineTokens, router, streamRoutes),
      new DirectLineUploadRoutes(
        channels.directLine,
        channels.directLineStore,
        directLineTokens,
        router,
        parts.files,
        config.fileMaxBytes,
      ),
      streamRoutes,
      new WebChatRoutes(
        () => content.settings(),
        i18n,
        new AzureDirectLineTokenExchange(config.directLineSecret, config.directLineUrl),
        logger,
        { imprintUrl: config.imprintUrl, privacyUrl: config.privacyUrl },
      ),
    ],
  });
  return { server, messages, directLineStreams };
}
