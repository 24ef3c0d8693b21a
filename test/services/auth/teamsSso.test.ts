/**
 * Teams tab SSO: the desk sends the Entra ID token from authentication.getAuthToken() and gets a
 * desk session token. The tenant's OpenID metadata and key set are served here on loopback.
 */
import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from '../../support/testApp';

const APP_ID = '0d5e6f70-8192-4a3b-9c4d-5e6f708192a3';
const TENANT = '11111111-2222-4333-8444-555555555555';
const SUPERVISOR = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const AGENT = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';
const KID = 'entra-test-key';
const HOST = 'lotse.example.com';

const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
let metadata: http.Server;
let issuer = '';
let service: TestApp;

function jwt(claims: Record<string, unknown>, key: KeyObject = trusted.privateKey, alg = 'RS256'): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg, typ: 'JWT', kid: KID })}.${encode(claims)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: issuer,
    aud: `api://${HOST}/${APP_ID}`,
    tid: TENANT,
    oid: AGENT,
    name: 'Anna Agentin',
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...overrides,
  };
}

async function exchange(token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${service.baseUrl}/api/auth/teams-sso`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const me = async (token: string) =>
  fetch(`${service.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  metadata = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === `/${TENANT}/v2.0/.well-known/openid-configuration`) {
      res.end(JSON.stringify({ issuer: `${base}/{tenantid}/v2.0`, jwks_uri: `${base}/keys` }));
    } else if (req.url === '/keys') {
      res.end(JSON.stringify({ keys: [{ ...trusted.publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig' }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
  issuer = `${base}/${TENANT}/v2.0`;
  service = await startTestApp({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'test-secret',
    PUBLIC_URL: `https://${HOST}`,
    TEAMS_TENANT_ID: TENANT,
    TEAMS_AGENT_TEAM_ID: '19:agents@thread.tacv2',
    TEAMS_SUPERVISOR_IDS: SUPERVISOR,
    TEAMS_SSO_OPENID_METADATA_URL: `${base}/${TENANT}/v2.0/.well-known/openid-configuration`,
    ADMIN_API_TOKEN: 'bootstrap-admin-for-sso',
  });
});

afterAll(async () => {
  await service?.close();
  await new Promise((resolve) => metadata.close(resolve));
});

describe('Teams tab single sign-on', () => {
  it('signs an agent of the tenant in; the session token works on the agent API', async () => {
    const { status, body } = await exchange(jwt(claims()));
    expect(status).toBe(200);
    expect(body.principal).toEqual({ id: `teams:${AGENT}`, name: 'Anna Agentin', role: 'agent' });
    const res = await me(String(body.token));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: `teams:${AGENT}`, role: 'agent' });
  });

  it('maps a listed AAD object id to supervisor, and accepts the v1 issuer and the app id as audience', async () => {
    const v1 = await exchange(jwt(claims({ oid: SUPERVISOR, iss: `https://sts.windows.net/${TENANT}/` })));
    expect(v1.status).toBe(200);
    expect((v1.body.principal as { role: string }).role).toBe('supervisor');
    expect((await exchange(jwt(claims({ aud: APP_ID })))).status).toBe(200);
  });

  it.each([
    ['signed by a stranger key', () => jwt(claims(), stranger.privateKey)],
    ['for another application', () => jwt(claims({ aud: 'api://evil.example.com/other' }))],
    ['from another tenant', () => jwt(claims({ tid: '99999999-2222-4333-8444-555555555555' }))],
    ['from another issuer', () => jwt(claims({ iss: 'https://login.example.com/x' }))],
    ['expired', () => jwt(claims({ exp: Math.floor(Date.now() / 1000) - 3600 }))],
    ['without a user', () => jwt(claims({ oid: undefined }))],
    ['with the "none" algorithm', () => jwt(claims(), trusted.privateKey, 'none')],
    ['not a token at all', () => 'abc.def'],
  ])('refuses a token %s with 401', async (_label, token) => {
    const { status } = await exchange(token());
    expect(status).toBe(401);
  });

  it('refuses a made-up session token; API keys keep working', async () => {
    expect((await me('lotse_sso_madeup')).status).toBe(401);
    expect((await me('bootstrap-admin-for-sso')).status).toBe(200);
  });
});
