import type { AddressInfo } from 'node:net';
import type { ConversationReference } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../../../src/config';
import { AppOverrides, buildApp } from '../../../../src/index';
import { ALWAYS_OPEN } from '../../../../src/services/handoff/businessHours';
import type { HandoffRequest } from '../../../../src/services/handoff/types';
import { createLogger } from '../../../../src/services/logger';
import type { TestApp } from '../../../support/testApp';
import { testMongoUri } from '../../../support/testDb';

export const ADMIN = 'handoff-admin-token-for-tests';

/** startTestApp with the queue open around the clock, so results do not depend on the hour. */
export async function startHandoffTestApp(
  env: Record<string, string> = {},
  mongoUri = testMongoUri('handoff'),
  overrides: AppOverrides = {},
): Promise<TestApp> {
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ADMIN_API_TOKEN: ADMIN,
    RATE_LIMIT_PER_MINUTE: '0',
    ...env,
  });
  const app = buildApp(config, mongoUri, createLogger(config.logLevel), {
    handoffSettings: { settings: async () => ALWAYS_OPEN },
    ...overrides,
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  await app.start();
  const { port } = app.server.address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, mongoUri, close: () => app.stop() };
}

export function api(baseUrl: string, token: string) {
  return async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary JSON
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, any> };
  };
}

export async function createUser(
  baseUrl: string,
  name: string,
  role: 'agent' | 'supervisor' | 'admin',
): Promise<string> {
  const res = await api(baseUrl, ADMIN)('/api/admin/users', { method: 'POST', body: { name, role } });
  if (res.status !== 201) throw new Error(`creating ${name} answered ${res.status}`);
  return res.body.token as string;
}

/** A handoff request as the dialogs would make it, for a conversation on the given channel. */
export function handoffRequest(
  serviceUrl: string,
  overrides: Partial<HandoffRequest> & { conversationId?: string; channel?: string } = {},
): HandoffRequest {
  const conversationId = overrides.conversationId ?? `conv-${randomUUID()}`;
  const channel = overrides.channel ?? 'webchat';
  const reference: Partial<ConversationReference> = {
    channelId: channel,
    serviceUrl,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    user: { id: `user-${conversationId}`, name: 'Kunde' },
    bot: { id: 'lotse-bot', name: 'Lotse' },
  };
  return {
    conversationReference: reference,
    channel,
    language: 'de',
    category: 'complaint',
    reason: 'explicit_request',
    frustration: { level: 0, score: 0.1 },
    summary: { menuPath: ['Hauptmenü', 'Beschwerde'], facts: [], references: [] },
    ...overrides,
  };
}
