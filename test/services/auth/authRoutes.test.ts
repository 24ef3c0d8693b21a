import { startTestApp, TestApp } from '../../support/testApp';

describe('API tokens and roles', () => {
  let test: TestApp;
  const ADMIN = 'bootstrap-admin-token-for-tests';

  beforeAll(async () => {
    test = await startTestApp({ ADMIN_API_TOKEN: ADMIN });
  });
  afterAll(() => test.close());

  const call = (path: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${test.baseUrl}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    });

  it('answers 401 without a token and with a wrong one', async () => {
    expect((await call('/api/admin/users')).status).toBe(401);
    expect((await call('/api/admin/users', { token: 'wrong' })).status).toBe(401);
  });

  it('lets the bootstrap admin issue an agent token that works for agent routes and is refused admin routes', async () => {
    const created = await call('/api/admin/users', {
      method: 'POST',
      token: ADMIN,
      body: JSON.stringify({ name: 'Anna Agent', role: 'agent' }),
    });
    expect(created.status).toBe(201);
    const { token, role } = (await created.json()) as { token: string; role: string };
    expect(role).toBe('agent');
    const me = await call('/api/me', { token });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ name: 'Anna Agent', role: 'agent' });
    expect((await call('/api/admin/users', { token })).status).toBe(403);
  });

  it('rejects an unknown role and an operator object instead of a name, naming the field', async () => {
    const badRole = await call('/api/admin/users', {
      method: 'POST',
      token: ADMIN,
      body: JSON.stringify({ name: 'X', role: 'root' }),
    });
    expect(badRole.status).toBe(400);
    expect(JSON.stringify(await badRole.json())).toMatch(/role/);
    const operator = await call('/api/admin/users', {
      method: 'POST',
      token: ADMIN,
      body: JSON.stringify({ name: { $gt: '' }, role: 'agent' }),
    });
    expect(operator.status).toBe(400);
    expect(JSON.stringify(await operator.json())).toMatch(/name/);
  });

  it('stops accepting a deactivated token', async () => {
    const created = (await (
      await call('/api/admin/users', {
        method: 'POST',
        token: ADMIN,
        body: JSON.stringify({ name: 'Bo', role: 'supervisor' }),
      })
    ).json()) as { id: string; token: string };
    expect((await call(`/api/admin/users/${created.id}`, { method: 'DELETE', token: ADMIN })).status).toBe(204);
    expect((await call('/api/me', { token: created.token })).status).toBe(401);
  });
});
