import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import {
  Activity,
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationReference,
} from 'botbuilder';
import type { Server } from 'restify';
import { AgentBot } from '../../../src/bots/agentBot';
import { BotRouter } from '../../../src/bots/botRouter';
import { MessagesRoute } from '../../../src/http/routes/messagesRoute';
import { createTurnErrorHandler } from '../../../src/bots/turnErrorHandler';
import { AgentDeskRoutes } from '../../../src/http/routes/agentDeskRoutes';
import { AuthRoutes } from '../../../src/http/routes/authRoutes';
import { AuthService } from '../../../src/services/auth/authService';
import { Database } from '../../../src/services/database/database';
import { ALWAYS_OPEN } from '../../../src/services/handoff/businessHours';
import { CannedResponseService } from '../../../src/services/cannedResponses/cannedResponseService';
import { loadCannedResponses } from '../../../src/services/cannedResponses/cannedResponseRules';
import { CannedResponseRoutes } from '../../../src/http/routes/cannedResponseRoutes';
import { AgentToolRoutes } from '../../../src/http/routes/agentToolRoutes';
import { HandoffRoutes } from '../../../src/http/routes/handoffRoutes';
import { HandoffService } from '../../../src/services/handoff/handoffService';
import type { HandoffRequest } from '../../../src/services/handoff/types';
import { I18nService } from '../../../src/services/i18n/i18nService';
import { createLogger } from '../../../src/services/logger';
import { Metrics } from '../../../src/services/metrics';
import { TeamsAgentDirectory } from '../../../src/channels/teams/teamsAgentDirectory';
import { TeamsChannelStore } from '../../../src/channels/teams/teamsChannelStore';
import { TeamsNotifier } from '../../../src/channels/teams/teamsNotifier';
import { TeamsThreadStore } from '../../../src/channels/teams/teamsThreadStore';
import { TranscriptStore } from '../../../src/services/transcript/transcriptStore';
import { createServer } from '../../../src/http/server';
import { testMongoUri } from '../../support/testDb';
import { FileRoutes } from '../../../src/http/routes/fileRoutes';
import { FileLinks } from '../../../src/services/files/fileLinks';
import { FileStore } from '../../../src/services/files/fileStore';
import { FakeConnector } from './fakeConnector';

export const TEAM_ID = '19:team-general@thread.tacv2';
export const AGENTS_CHANNEL_ID = '19:agents@thread.tacv2';
export const BOT = { id: '28:lotse-bot', name: 'Lotse' };
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const SUPERVISOR_AAD = '0000aaaa-1111-2222-3333-supervisor01';
export const TENANT_ID = 'tenant-1';

export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
}

export const ANNA: TeamsUser = {
  id: '29:anna',
  name: 'Anna Berger',
  aadObjectId: '0000aaaa-1111-2222-3333-anna00000001',
};
export const BEN: TeamsUser = { id: '29:ben', name: 'Ben Schulz', aadObjectId: '0000aaaa-1111-2222-3333-ben000000001' };
export const SVEN: TeamsUser = { id: '29:sven', name: 'Sven Supervisor', aadObjectId: SUPERVISOR_AAD };

export interface CustomerSend {
  reference: Partial<ConversationReference>;
  activities: Partial<Activity>[];
}

/**
 * The agent side as index.ts wires it, on a free port, against its own database and a fake Bot
 * Connector; the customer's channel is a recording messenger.
 */
export class TeamsHarness {
  readonly connector = new FakeConnector();
  readonly customerSends: CustomerSend[] = [];
  readonly i18n = new I18nService('de');
  readonly t = this.i18n.t('de');
  connectorUrl = '';
  baseUrl = '';
  database!: Database;
  handoffs!: HandoffService;
  channels!: TeamsChannelStore;
  threads!: TeamsThreadStore;
  notifier!: TeamsNotifier;
  auth!: AuthService;
  private server!: Server;
  private extraNotifiers: TeamsNotifier[] = [];
  canned!: CannedResponseService;
  /** The files customers sent (the desk lists them for the open case). */
  files!: FileStore;

  async start(): Promise<this> {
    this.connectorUrl = await this.connector.start();
    const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
    this.database = new Database(testMongoUri('teams'), logger);
    await this.database.connect();
    const connection = this.database.connection;
    this.files = new FileStore(connection, 1024 * 1024);
    const links = new FileLinks('http://127.0.0.1', async () => Buffer.from('teams-harness-file-links'));
    this.handoffs = new HandoffService({
      files: { put: (file) => this.files.put(file), link: (id) => links.link(id) },
      connection,
      messenger: { send: async (reference, activities) => void this.customerSends.push({ reference, activities }) },
      settings: { settings: async () => ALWAYS_OPEN },
      transcripts: new TranscriptStore(connection),
      i18n: this.i18n,
      logger,
      options: { eventPollMs: 200, sweepIntervalMs: 60000 },
    });
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    adapter.onTurnError = createTurnErrorHandler(logger, this.i18n);
    this.channels = new TeamsChannelStore(connection, TEAM_ID);
    this.threads = new TeamsThreadStore(connection);
    this.notifier = this.newNotifier(adapter, logger);
    this.canned = new CannedResponseService(connection, loadCannedResponses());
    const agentBot = new AgentBot({
      binding: { tenantId: TENANT_ID, teamId: TEAM_ID },
      desk: this.handoffs,
      canned: this.canned,
      channels: this.channels,
      threads: this.threads,
      notifier: this.notifier,
      directory: new TeamsAgentDirectory([SUPERVISOR_AAD]),
      i18n: this.i18n,
      language: 'de',
      logger,
    });
    const messages = new MessagesRoute(adapter, new BotRouter(new ActivityHandler(), agentBot));
    this.auth = new AuthService(connection, ADMIN_TOKEN, 0);
    const modules = [
      messages,
      new AuthRoutes(this.auth),
      new HandoffRoutes(this.auth, this.handoffs),
      new AgentToolRoutes(this.auth, this.handoffs, this.i18n),
      new CannedResponseRoutes(this.auth, this.canned),
      new FileRoutes(this.auth, this.files, this.handoffs, links, 1024 * 1024),
      new AgentDeskRoutes(this.i18n),
    ];
    // Every model exists now; the local test server can fail a write racing a first index build.
    await this.database.ensureIndexes();
    this.notifier.start();
    this.server = createServer({
      logger,
      metrics: new Metrics(false),
      isReady: () => true,
      modules,
      rateLimitPerMinute: 0,
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** A second notifier as another instance would run it (same database, own instance id). */
  anotherInstance(): TeamsNotifier {
    const logger = createLogger('silent');
    const notifier = this.newNotifier(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), logger);
    this.extraNotifiers.push(notifier);
    return notifier;
  }

  private newNotifier(adapter: CloudAdapter, logger: ReturnType<typeof createLogger>): TeamsNotifier {
    return new TeamsNotifier(adapter, this.handoffs, this.channels, this.threads, this.i18n, logger, {
      botAppId: '',
      botName: BOT.name,
      language: 'de',
      timeZone: 'Europe/Berlin',
      catchUpMs: 0,
    });
  }

  async stop(): Promise<void> {
    this.notifier?.stop();
    for (const n of this.extraNotifiers) n.stop();
    this.handoffs?.stop();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await this.connector.stop();
    await this.database?.close();
  }

  /** POSTs a Teams-shaped activity to /api/messages and returns the HTTP answer. */
  async post(activity: Partial<Activity>): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  teamsActivity(from: TeamsUser, conversationId: string, extra: Partial<Activity>): Partial<Activity> {
    return {
      channelId: 'msteams',
      serviceUrl: this.connectorUrl,
      id: randomUUID(),
      timestamp: new Date().toISOString() as unknown as Date,
      locale: 'de-DE',
      from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
      recipient: BOT,
      conversation: {
        id: conversationId,
        conversationType: 'channel',
        isGroup: true,
        tenantId: 'tenant-1',
      } as Activity['conversation'],
      channelData: {
        team: { id: TEAM_ID, name: 'Kundenservice' },
        channel: { id: AGENTS_CHANNEL_ID, name: 'Übergaben' },
        tenant: { id: 'tenant-1' },
      },
      ...extra,
    };
  }

  /** The install event: the bot added to a team, with channelData.team. */
  install(): Promise<{ status: number; body: unknown }> {
    return this.post(
      this.teamsActivity(ANNA, AGENTS_CHANNEL_ID, {
        type: 'conversationUpdate',
        membersAdded: [{ id: BOT.id, name: BOT.name }],
        channelData: {
          team: { id: TEAM_ID, name: 'Kundenservice' },
          channel: { id: AGENTS_CHANNEL_ID, name: 'Übergaben' },
          eventType: 'teamMemberAdded',
          tenant: { id: 'tenant-1' },
        },
      }),
    );
  }

  /** A message in a thread that @mentions the bot, as Teams sends it. */
  threadMessage(
    from: TeamsUser,
    threadId: string,
    text: string,
    mention = true,
  ): Promise<{ status: number; body: unknown }> {
    const at = `<at>${BOT.name}</at>`;
    return this.post(
      this.teamsActivity(from, threadId, {
        type: 'message',
        text: mention ? `${at} ${text}` : text,
        entities: mention ? [{ type: 'mention', text: at, mentioned: { id: BOT.id, name: BOT.name } }] : [],
      }),
    );
  }

  /** Action.Execute on the card: an invoke named adaptiveCard/action. */
  invokeClaim(
    from: TeamsUser,
    threadId: string,
    handoffId: string,
    verb = 'claim',
  ): Promise<{ status: number; body: unknown }> {
    return this.post(
      this.teamsActivity(from, threadId, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data: { handoffId } }, trigger: 'manual' },
      }),
    );
  }

  /** Action.Submit (fallback): a message with value and replyToId. */
  submitClaim(
    from: TeamsUser,
    threadId: string,
    cardActivityId: string,
    handoffId: string,
  ): Promise<{ status: number; body: unknown }> {
    return this.post(
      this.teamsActivity(from, threadId, {
        type: 'message',
        value: { verb: 'claim', handoffId },
        replyToId: cardActivityId,
      }),
    );
  }

  async newHandoff(overrides: Partial<HandoffRequest> = {}): Promise<string> {
    const conversationId = `cust-${randomUUID()}`;
    const ticket = await this.handoffs.requestHandoff({
      conversationReference: {
        channelId: 'directline',
        serviceUrl: 'http://127.0.0.1:9',
        conversation: { id: conversationId } as ConversationReference['conversation'],
        user: { id: 'kunde-1', name: 'Kunde' },
        bot: { id: 'lotse', name: 'Lotse' },
      },
      channel: 'directline',
      customerName: 'Erika Muster',
      language: 'de',
      category: 'billing',
      reason: 'explicit_request',
      frustration: { level: 1, score: 0.5 },
      summary: { menuPath: ['Rechnung'], facts: ['Rechnung zu hoch'], references: [] },
      ...overrides,
    });
    return ticket.handoffId;
  }

  /** Waits until the handoff's card is posted and its thread stored. */
  async threadOf(handoffId: string, timeoutMs = 5000): Promise<{ conversationId: string; activityId: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const thread = await this.threads.byHandoff(handoffId);
      if (thread) return thread;
      if (Date.now() > deadline) throw new Error(`no Teams thread for handoff ${handoffId}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  customerTexts(): string[] {
    return this.customerSends.flatMap((s) => s.activities.map((a) => a.text ?? ''));
  }
}

/** Every TextBlock text of a card, joined. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj.type === 'TextBlock' && typeof obj.text === 'string') texts.push(obj.text);
    if (obj.type === 'FactSet' && Array.isArray(obj.facts))
      for (const f of obj.facts as { title: string; value: string }[]) texts.push(`${f.title}: ${f.value}`);
    Object.values(obj).forEach(walk);
  };
  walk(card);
  return texts.join('\n');
}

export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
