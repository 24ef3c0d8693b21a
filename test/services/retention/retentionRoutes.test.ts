import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { AuthService } from '../../../src/services/auth/authService';
import { Database } from '../../../src/services/database/database';
import { createLogger } from '../../../src/services/logger';
import { Metrics } from '../../../src/services/metrics';
import { DEFAULT_RETENTION_RULES } from '../../../src/services/retention/retentionRules';
import { RetentionRoutes } from '../../../src/http/routes/retentionRoutes';
import { RetentionService } from '../../../src/services/retention/retentionService';
import { createServer } from '../../../src/http/server';
import { testMongoUri } from '../../support/testDb';
import { age, prepareModels, seedWhatsAppCustomer } from './fixtures';

const ADMIN = 'retention-admin-token';
const logger = createLogger('silent');
let database: Database;
let server: Server;
let baseUrl: string;
let agentToken: string;

beforeAll(async () => {
  database = new Database(testMongoUri('retention_api'), logger);
  await database.connect();
  await prepareModels(database.connection);
  const auth = new AuthService(database.connection, ADMIN);
  const retention = new RetentionService(
    database.connection,
    DEFAULT_RETENTION_RULES,
    { days: 90, sweepMinutes: 0 },
    logger,
  );
  server = createServer({
    logger,
    metrics: new Metrics(false),
    isReady: () => true,
    rateLimitPerMinute: 0,
    modules: [new RetentionRoutes(auth, retention)],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  agentToken = (await auth.createUser('Anna Agent', 'agent', { id: 'bootstrap-admin', name: 'Admin', role: 'admin' }))
    .token;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
});

const call = (path: string, method = 'GET', token: string | null = ADMIN) =>
  fetch(`${baseUrl}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('GET /api/admin/customers/{customerId}/export and DELETE /api/admin/customers/{customerId}', () => {
  it('lets an admin export a customer as JSON and then erase them', async () => {
    const erika = await seedWhatsAppCustomer(database.connection, '4917700000001');

    const exported = await call(`/api/admin/customers/${erika.waId}/export`);
    expect(exported.status).toBe(200);
    const body = (await exported.json()) as { customerId: string; data: Record<string, unknown[]> };
    expect(body.customerId).toBe(erika.waId);
    expect(body.data.transcripts).toHaveLength(1);
    expect(body.data.handoffs).toHaveLength(1);

    const erased = await call(`/api/admin/customers/${erika.waId}`, 'DELETE');
    expect(erased.status).toBe(200);
    expect(
      ((await erased.json()) as { collections: Record<string, { deleted: number }> }).collections.transcripts.deleted,
    ).toBe(1);

    const after = await call(`/api/admin/customers/${erika.waId}/export`);
    expect(after.status).toBe(404);
    expect(await after.json()).toMatchObject({ error: { code: 'NotFound' } });
  });

  it('answers 401 without a token and 403 to an agent, and erases nothing then', async () => {
    const erika = await seedWhatsAppCustomer(database.connection, '4917700000002');
    expect((await call(`/api/admin/customers/${erika.waId}/export`, 'GET', null)).status).toBe(401);
    expect((await call(`/api/admin/customers/${erika.waId}`, 'DELETE', null)).status).toBe(401);
    expect((await call(`/api/admin/customers/${erika.waId}/export`, 'GET', agentToken)).status).toBe(403);
    expect((await call(`/api/admin/customers/${erika.waId}`, 'DELETE', agentToken)).status).toBe(403);
    expect((await call(`/api/admin/customers/${erika.waId}/export`)).status).toBe(200);
  });

  it('rejects a customer id that is not a channel user id with 400', async () => {
    const res = await call(`/api/admin/customers/${encodeURIComponent('{"$gt":""}')}/export`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'InvalidInput' } });
  });

  it('answers 404 for a customer nobody knows', async () => {
    expect((await call('/api/admin/customers/4917799999999/export')).status).toBe(404);
  });
});

describe('POST /api/admin/retention/sweep', () => {
  it('runs a sweep now for an admin and reports what it purged', async () => {
    const old = await seedWhatsAppCustomer(database.connection, '4917700000003');
    await age(database.connection, old, 100);
    expect((await call('/api/admin/retention/sweep', 'POST', agentToken)).status).toBe(403);
    const res = await call('/api/admin/retention/sweep', 'POST');
    expect(res.status).toBe(200);
    const report = (await res.json()) as { collections: Record<string, { deleted: number; anonymised: number }> };
    expect(report.collections.transcripts.deleted).toBeGreaterThanOrEqual(1);
    expect(report.collections.handoffs.anonymised).toBeGreaterThanOrEqual(1);
    // Past the retention period nothing personal is left to export.
    expect((await call(`/api/admin/customers/${old.waId}/export`)).status).toBe(404);
  });
});
