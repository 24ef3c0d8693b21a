/**
 * The customer channels: Bot Framework (Teams, Azure Direct Line), WhatsApp Cloud API and the local
 * Direct Line of the web page, each wired the same way, and the messenger that reaches a customer on
 * any of them outside a turn.
 */
import { BotAdapter, CloudAdapter, ShowTypingMiddleware } from 'botbuilder';
import type { Connection } from 'mongoose';
import { ReusedConnectorsAuthentication } from '../bots/reusedConnectors';
import { createTurnErrorHandler } from '../bots/turnErrorHandler';
import { ChannelCustomerMessenger } from '../channels/customerMessenger';
import { DirectLineActivityFeed } from '../channels/directline/activityFeed';
import { DirectLineActivityStore } from '../channels/directline/activityStore';
import { DirectLineAdapter } from '../channels/directline/directLineAdapter';
import { webChatTextMiddleware } from '../channels/webChatText';
import { ContactStore } from '../channels/whatsapp/contactStore';
import { GraphApiClient } from '../channels/whatsapp/graphApiClient';
import { RecipientPacer } from '../channels/whatsapp/recipientPacer';
import { StatusStore } from '../channels/whatsapp/statusStore';
import { WhatsAppAdapter } from '../channels/whatsapp/whatsappAdapter';
import type { Config } from '../config';
import type { I18nService } from '../services/i18n/i18nService';
import type { Logger } from '../services/logger';
import { CustomerLinks } from '../services/retention/customerLinks';
import { createBotFrameworkAuthentication } from '../services/security/botFrameworkAuth';
import { createTranscriptMiddleware } from '../services/transcript/transcriptMiddleware';
import { TranscriptStore } from '../services/transcript/transcriptStore';

export interface CustomerChannels {
  botFramework: CloudAdapter;
  whatsapp: WhatsAppAdapter;
  whatsappContacts: ContactStore;
  whatsappStatuses: StatusStore;
  /** Meta's Graph API, also for fetching the images and documents customers send. */
  whatsappGraph: GraphApiClient;
  directLine: DirectLineAdapter;
  directLineStore: DirectLineActivityStore;
  transcripts: TranscriptStore;
  messenger: ChannelCustomerMessenger;
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

export function buildChannels(
  config: Config,
  connection: Connection,
  i18n: I18nService,
  logger: Logger,
): CustomerChannels {
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
  const whatsappGraph = new GraphApiClient({ ...config.whatsapp, maxAttempts: 6, timeoutMs: 15_000 }, logger);
  const whatsapp = customerFacing(
    new WhatsAppAdapter(
      { ...config.whatsapp, botName: config.botName, defaultLocale },
      whatsappGraph,
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
    new DirectLineAdapter(
      directLineStore,
      {
        serviceUrl: `${config.publicUrl}/v3/directline`,
        botId: 'lotse-bot',
        botName: config.botName,
        defaultLocale,
      },
      new DirectLineActivityFeed(),
    ),
    pipeline,
    { webChat: true },
  );
  // The page shows "typing" while a turn takes longer than a moment (the stream carries it live).
  directLine.use(new ShowTypingMiddleware(500, 2000));
  const messenger = new ChannelCustomerMessenger(
    { whatsapp, localDirectLine: directLine, botFramework },
    config.microsoftAppId,
  );
  return {
    botFramework,
    whatsapp,
    whatsappContacts,
    whatsappStatuses,
    whatsappGraph,
    directLine,
    directLineStore,
    transcripts,
    messenger,
  };
}

/** An erased web customer's Direct Line tokens stop working at once. */
export function revokeDirectLineTokens(store: DirectLineActivityStore) {
  return async (customer: { conversationKeys: string[] }) =>
    store.revoke(
      customer.conversationKeys
        .filter((key) => key.startsWith('directline:'))
        .map((key) => key.slice('directline:'.length)),
    );
}
