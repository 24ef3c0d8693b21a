import { startTestApp, TestApp } from '../../support/testApp';
import { api, tokenFor } from './adminClient';
import { buildCannedResponses } from '../../../src/app/buildCannedResponses';
import { loadCannedResponses, validateCannedResponse } from '../../../src/services/cannedResponses/cannedResponseRules';

const ADMIN = 'admin-test-token';
type Item = { name: string; category: string; text: { de: string; en?: string } };

describe('canned responses (Textbausteine)', () => {
  let app: TestApp;
  let agent: string;

  beforeAll(async () => {
    app = await startTestApp({ ADMIN_API_TOKEN: ADMIN, RATE_LIMIT_PER_MINUTE: '0' });
    agent = await tokenFor(app, ADMIN, 'agent');
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it('the default set is valid data and is seeded: agents list it by category', async () => {
    const defaults = loadCannedResponses();
    expect(defaults.length).toBeGreaterThanOrEqual(5);
    const billing = await api<{ items: Item[] }>(app, 'GET', '/api/canned-responses?category=billing', agent);
    expect(billing.status).toBe(200);
    expect(billing.body.items.map((i) => i.name)).toEqual(
      expect.arrayContaining(defaults.filter((d) => d.category === 'billing').map((d) => d.name)),
    );
    expect(billing.body.items.every((i) => i.category === 'billing' || i.category === 'all')).toBe(true);
    expect((await api(app, 'GET', '/api/canned-responses?category=mond', agent)).status).toBe(400);
  });

  it('admins create, change and delete one with clear 400s; agents may not edit', async () => {
    const body = { name: 'wartung', category: 'technical', text: { de: 'Heute Nacht finden Wartungsarbeiten statt.' } };
    expect((await api(app, 'POST', '/api/admin/canned-responses', agent, body)).status).toBe(403);
    const created = await api(app, 'POST', '/api/admin/canned-responses', ADMIN, body);
    expect(created.status).toBe(201);
    expect((await api(app, 'POST', '/api/admin/canned-responses', ADMIN, body)).status).toBe(409);

    const bad = await api<{ error: { message: string } }>(app, 'POST', '/api/admin/canned-responses', ADMIN, {
      name: 'x y',
      text: { de: 'Text' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/name/);
    const noText = await api<{ error: { message: string } }>(app, 'POST', '/api/admin/canned-responses', ADMIN, {
      name: 'leer',
      category: 'billing',
    });
    expect(noText.status).toBe(400);
    expect(noText.body.error.message).toMatch(/text/);

    const changed = await api(app, 'PUT', '/api/admin/canned-responses/WARTUNG', ADMIN, {
      category: 'technical',
      text: { de: 'Heute Nacht von 1 bis 3 Uhr finden Wartungsarbeiten statt.' },
    });
    expect(changed.status).toBe(200);
    const technical = await api<{ items: Item[] }>(app, 'GET', '/api/canned-responses?category=technical', agent);
    expect(technical.body.items.find((i) => i.name === 'wartung')?.text.de).toContain('1 bis 3 Uhr');

    expect((await api(app, 'DELETE', '/api/admin/canned-responses/wartung', ADMIN)).status).toBe(204);
    expect((await api(app, 'DELETE', '/api/admin/canned-responses/wartung', ADMIN)).status).toBe(404);
  });

  it('names are found case-insensitive and umlaut-tolerant', async () => {
    const service = buildCannedResponses(app.app.database.connection);
    for (const typed of ['rückruf', 'Rueckruf', 'RUCKRUF']) expect((await service.find(typed))?.name).toBe('rückruf');
    expect(await service.find('gibtsnicht')).toBeUndefined();
  });

  it('validation names the field', () => {
    expect(() => validateCannedResponse({ name: 'ok', category: 'mond', text: { de: 'a' } })).toThrow(/category/);
  });
});
