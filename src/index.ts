/**
 * Composition root: config -> database -> services -> bots -> http server. The only place that
 * creates and wires objects. Run directly it serves; tests import buildApp.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, UserState } from 'botbuilder';
import type { Server } from 'restify';
import { BotRouter } from './bots/botRouter';
import { CustomerBot } from './bots/customerBot';
import { MessagesRoute } from './bots/messagesRoute';
import { createTurnErrorHandler } from './bots/turnErrorHandler';
import { Config, ConfigError, loadConfig } from './config';
import { MainDialog } from './dialogs/mainDialog';
import { AuthRoutes } from './services/auth/authRoutes';
import { AuthService } from './services/auth/authService';
import { Database } from './services/database/database';
import { resolveDatabase } from './services/database/resolveDatabase';
import { I18nService } from './services/i18n/i18nService';
import { createLogger, Logger } from './services/logger';
import { Metrics } from './services/metrics';
import { MongoStorage } from './services/state/mongoStorage';
import { createServer } from './server';

export interface App {
  config: Config;
  server: Server;
  database: Database;
  /** Starts background work (database connection, pollers). */
  start(): Promise<void>;
  /** Stops accepting, waits for turns in flight, closes the database. */
  stop(): Promise<void>;
}

export function buildApp(config: Config, mongoUri: string, logger: Logger): App {
  const metrics = new Metrics();
  const database = new Database(mongoUri, logger);
  const i18n = new I18nService(config.defaultLanguage);

  const auth = new AuthService(database.connection, config.adminApiToken);
  const storage = new MongoStorage(database.connection);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);

  const botAuth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppTenantId: config.microsoftAppTenantId,
    MicrosoftAppType: config.microsoftAppType,
  });
  const adapter = new CloudAdapter(botAuth);
  adapter.onTurnError = createTurnErrorHandler(logger, i18n);

  const customerBot = new CustomerBot(conversationState, userState, new MainDialog(i18n), logger, metrics);
  const router = new BotRouter(customerBot);
  const messages = new MessagesRoute(adapter, router);

  const server = createServer({ logger, metrics, isReady: () => database.isReady(), rateLimitPerMinute: config.rateLimitPerMinute, modules: [messages, new AuthRoutes(auth)] });

  return {
    config,
    server,
    database,
    async start() {
      await database.connect();
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + config.shutdownGraceSeconds * 1000;
      while (messages.turnsInFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await database.close();
    },
  };
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
  const logger = createLogger(config.logLevel);
  const db = await resolveDatabase(config.mongodbUri, config.dataDir, logger);
  const app = buildApp(config, db.uri, logger);
  await new Promise<void>((resolve) => app.server.listen(config.port, config.host, () => resolve()));
  logger.info({ port: config.port, url: config.publicUrl }, 'Lotse is listening');
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
