import type { AddressInfo } from 'node:net';
import { Activity } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { buildApp, App } from '../../src/index';
import { Config, loadConfig } from '../../src/config';
import { createLogger } from '../../src/services/logger';
import { testMongoUri } from './testDb';

export interface TestApp {
  app: App;
  baseUrl: string;
  mongoUri: string;
  close(): Promise<void>;
}

/** The real service in this process on a free port, against its own test database. */
export async function startTestApp(env: Record<string, string> = {}, mongoUri = testMongoUri('app')): Promise<TestApp> {
  const config: Config = loadConfig({ PORT: '0', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  const app = buildApp(config, mongoUri, createLogger(config.logLevel));
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  await app.start();
  const { port } = app.server.address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, mongoUri, close: () => app.stop() };
}

export interface Conversation {
  id: string;
  /** Sends a message with deliveryMode expectReplies and returns the bot's replies. */
  say(text: string, extra?: Partial<Activity>): Promise<Partial<Activity>[]>;
  /** Sends any activity with expectReplies. */
  send(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
}

export function conversation(
  baseUrl: string,
  options: { channelId?: string; locale?: string; userId?: string; id?: string } = {},
): Conversation {
  const id = options.id ?? `conv-${randomUUID()}`;
  const userId = options.userId ?? `user-${randomUUID().slice(0, 8)}`;
  const send = async (activity: Partial<Activity>) => {
    const body = {
      channelId: options.channelId ?? 'directline',
      serviceUrl: 'http://127.0.0.1:9',
      conversation: { id },
      from: { id: userId, name: 'Kunde' },
      recipient: { id: 'lotse-bot', name: 'Lotse' },
      locale: options.locale ?? 'de-DE',
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      deliveryMode: 'expectReplies',
      ...activity,
    };
    const res = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}: ${await res.text()}`);
    const json = (await res.json()) as { activities?: Partial<Activity>[] };
    return json.activities ?? [];
  };
  return {
    id,
    send,
    say: (text, extra = {}) => send({ type: 'message', text, ...extra }),
  };
}

/** All message texts of a list of replies, joined for easy matching. */
export function texts(replies: Partial<Activity>[]): string {
  return replies
    .filter((a) => a.type === 'message')
    .map((a) => a.text ?? '')
    .join('\n');
}
