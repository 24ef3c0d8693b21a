import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../src/dialogs/clock';
import { loadConfig } from '../../../src/config';
import { buildApp, App } from '../../../src/index';
import { defaultSettings } from '../../../src/services/content/defaultSettings';
import type { BusinessHours, Settings } from '../../../src/services/content/types';
import { isWithinBusinessHours } from '../../../src/services/handoff/businessHours';
import { createLogger } from '../../../src/services/logger';
import { startFakeBotConnector, FakeBotConnector } from '../../services/handoff/support/fakeBotConnector';
import { ADMIN, api, createUser } from '../../services/handoff/support/handoffTestApp';
import type { TimeOfDay } from './script';
import { keepVectors, seedVectors } from './sharedVectors';

/** The instants the scripts meet the bot at (Europe/Berlin, CET, no public holiday near). */
export const TIME_ANCHORS: Record<TimeOfDay, string> = {
  day: '2026-11-18T09:00:00Z', // Wednesday 10:00
  night: '2026-11-18T02:00:00Z', // Wednesday 03:00
  weekend: '2026-11-22T13:00:00Z', // Sunday 14:00
  holiday: '2026-12-25T09:00:00Z', // Friday 10:00, Christmas Day, set as a holiday in the app's settings
};
const HOLIDAY = '2026-12-25';

/**
 * Starts at an anchor and runs with real time from there, so the queue still orders by arrival;
 * `advance` lets a script's pause pass at once (only on an app of its own).
 */
export class ScriptClock implements Clock {
  private readonly startedAt = Date.now();
  private offsetMs = 0;
  constructor(private readonly anchor: Date) {}
  now(): Date {
    return new Date(this.anchor.getTime() + (Date.now() - this.startedAt) + this.offsetMs);
  }
  advance(minutes: number): void {
    this.offsetMs += minutes * 60_000;
  }
}

export interface KnowledgeText {
  key: string;
  de: string;
  en: string;
  category: string;
}

/** The real service at one time of day, with a loopback Bot Connector and an agent and a supervisor. */
export interface ConversationApp {
  time: TimeOfDay;
  app: App;
  baseUrl: string;
  clock: ScriptClock;
  connector: FakeBotConnector;
  tokens: { agent: string; supervisor: string };
  /** True while people are on duty at the app's current time (the business hours setting). */
  onDuty(): boolean;
  /** Every active knowledge answer as stored (the content pack may change it between runs). */
  knowledgeTexts(): Promise<KnowledgeText[]>;
  close(): Promise<void>;
}

export async function startConversationApp(time: TimeOfDay, mongoBase: string): Promise<ConversationApp> {
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ADMIN_API_TOKEN: ADMIN,
    RATE_LIMIT_PER_MINUTE: '0',
    // `eval:conversations -- --model`: the knowledge search with the embedding model, as in production.
    // A generous timeout, so the figures do not depend on how busy the machine is.
    ...(process.env.CONVERSATION_EMBEDDINGS_URL
      ? { EMBEDDINGS_URL: process.env.CONVERSATION_EMBEDDINGS_URL, EMBEDDINGS_TIMEOUT_MS: '5000' }
      : {}),
  });
  const clock = new ScriptClock(new Date(TIME_ANCHORS[time]));
  const connector = await startFakeBotConnector();
  const dbName = `conv_${time}_${randomUUID().slice(0, 8)}`;
  const withModel = Boolean(process.env.CONVERSATION_EMBEDDINGS_URL);
  if (withModel) await seedVectors(mongoBase, dbName);
  const app = buildApp(config, `${mongoBase}/${dbName}`, createLogger(config.logLevel), { clock });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  await app.start();
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // A database that is restarting answers 503 for a moment; wait for readiness instead of failing every script.
  // Indexing the phrasings with the embedding model takes about a minute on a fresh database.
  // On a busy machine the first index of a fresh vector cache took over three minutes.
  const patience = withModel ? 900_000 : 30_000;
  let isReady = false;
  let degraded: string[] = [];
  for (const until = Date.now() + patience; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    const ready = await fetch(`${baseUrl}/readyz`).catch(() => undefined);
    // With the embedding model, "degraded" until its index is built.
    const body = ready?.status === 200 ? ((await ready.json()) as { status: string; degraded?: string[] }) : undefined;
    isReady = body?.status === 'ready';
    degraded = body?.degraded ?? [];
    if (isReady) break;
    // A knowledge pack not stored at start is stored again by a later search, as a customer's would.
    if (degraded.includes('knowledge')) await app.knowledge.search('Hallo', 'de');
  }
  // Scripts would fail one by one for a reason none of them is about.
  if (degraded.includes('knowledge'))
    throw new Error(`the ${time} app's knowledge pack could not be stored in ${patience / 1000} s`);
  // Scripts run without the model's index would be measured words-only under a "--model" label.
  if (withModel && !isReady)
    throw new Error(`the embedding model's index was not ready after ${patience / 1000} s: no figures with the model`);
  if (withModel) await keepVectors(mongoBase, dbName);
  const tokens = {
    agent: await createUser(baseUrl, 'Anna Agentin', 'agent'),
    supervisor: await createUser(baseUrl, 'Sven Supervisor', 'supervisor'),
  };
  const admin = api(baseUrl, ADMIN);
  if (time === 'holiday') {
    const current = (await admin('/api/admin/settings')).body.settings as Settings;
    const saved = await admin('/api/admin/settings', {
      method: 'PUT',
      body: { settings: { ...current, businessHours: { ...current.businessHours, holidays: [HOLIDAY] } } },
    });
    if (saved.status !== 200)
      throw new Error(`the holiday could not be set: ${saved.status} ${JSON.stringify(saved.body)}`);
  }
  // The business hours as the app runs them (shipped defaults, or the holiday just saved).
  const settings =
    ((await admin('/api/admin/settings')).body.settings as Settings | undefined) ?? defaultSettings(config);
  let knowledge: Promise<KnowledgeText[]> | undefined;
  return {
    time,
    app,
    baseUrl,
    clock,
    connector,
    tokens,
    onDuty: () => isWithinBusinessHours(settings.businessHours as BusinessHours, settings.timeZone, clock.now()),
    knowledgeTexts() {
      // Not kept when empty or failed: a later call reads again.
      knowledge ??= app.database.connection
        .collection('faqs')
        .find({ active: { $ne: false } }, { projection: { key: 1, answer: 1, category: 1 } })
        .toArray()
        .then((docs) =>
          docs.map((d) => ({
            key: String(d.key ?? ''),
            de: String(d.answer?.de ?? ''),
            en: String(d.answer?.en ?? ''),
            category: String(d.category ?? ''),
          })),
        );
      const read = knowledge;
      void read.then(
        (texts) => {
          if (texts.length === 0 && knowledge === read) knowledge = undefined;
        },
        () => {
          if (knowledge === read) knowledge = undefined;
        },
      );
      return read;
    },
    async close() {
      await app.stop();
      await connector.close();
    },
  };
}

/**
 * One shared app per time of day, started on first use (concurrent tests may ask before any hook
 * ran). Scripts that let time pass get an app of their own, so no other script sees the jump.
 */
export class AppPool {
  private readonly shared = new Map<TimeOfDay, Promise<ConversationApp>>();

  constructor(private readonly mongoBase: string) {}

  get(time: TimeOfDay): Promise<ConversationApp> {
    let app = this.shared.get(time);
    if (!app) {
      app = startConversationApp(time, this.mongoBase);
      this.shared.set(time, app);
    }
    return app;
  }

  /** An app for one script; the caller closes it. */
  own(time: TimeOfDay): Promise<ConversationApp> {
    return startConversationApp(time, this.mongoBase);
  }

  async close(): Promise<void> {
    await Promise.all([...this.shared.values()].map((p) => p.then((a) => a.close()).catch(() => undefined)));
  }
}
