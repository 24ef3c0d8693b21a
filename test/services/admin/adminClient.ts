import type { TestApp } from '../../support/testApp';

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** Calls the service's API as a script would: JSON in, JSON out, with an optional bearer token. */
export async function api<T = Record<string, unknown>>(
  app: TestApp,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
}

/** Issues an API token with the given role through the admin API. */
export async function tokenFor(
  app: TestApp,
  adminToken: string,
  role: 'agent' | 'supervisor' | 'admin',
): Promise<string> {
  const created = await api<{ token: string }>(app, 'POST', '/api/admin/users', adminToken, {
    name: `Test ${role}`,
    role,
  });
  if (created.status !== 201) throw new Error(`could not create a ${role}: ${JSON.stringify(created.body)}`);
  return created.body.token;
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
