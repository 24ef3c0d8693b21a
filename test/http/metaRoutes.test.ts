import { INTENTS } from '../../src/services/nlu/types';
import { startTestApp, TestApp } from '../support/testApp';
import { api, tokenFor } from '../services/admin/adminClient';

const ADMIN = 'meta-admin-token';

describe('GET /api/admin/meta: the enumerations the admin pages offer', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ ADMIN_API_TOKEN: ADMIN, RATE_LIMIT_PER_MINUTE: '0' });
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it('lists every intent the server knows, so a page cannot offer fewer or made-up ones', async () => {
    const res = await api<{ intents: string[]; handoffStatuses: string[] }>(app, 'GET', '/api/admin/meta', ADMIN);
    expect(res.status).toBe(200);
    expect(res.body.intents).toEqual([...INTENTS]);
    expect(res.body.handoffStatuses).toContain('queued');
  });

  it('refuses a request without a token and an agent', async () => {
    const anonymous = await fetch(`${app.baseUrl}/api/admin/meta`);
    expect(anonymous.status).toBe(401);
    const agent = await tokenFor(app, ADMIN, 'agent');
    expect((await api(app, 'GET', '/api/admin/meta', agent)).status).toBe(403);
  });
});
