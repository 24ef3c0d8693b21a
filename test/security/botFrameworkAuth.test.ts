/**
 * With MicrosoftAppId set, POST /api/messages accepts only Bot Framework channel tokens: signed by
 * a key from the OpenID metadata, issued by Bot Framework, for our app id and the activity's
 * serviceUrl, and not expired. The metadata and keys are served here on loopback.
 */
import { generateKeyPairSync, KeyObject, randomUUID, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from '../support/testApp';

const APP_ID = '6f1c0c8e-2b0e-4c84-9a43-3c6a3d8f0b11';
const ISSUER = 'https://api.botframework.com';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const TRUSTED_KID = 'lotse-test-key';

const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

let metadata: http.Server;
let service: TestApp;
let metadataRequests = 0;

function jwt(claims: Record<string, unknown>, key: KeyObject = trusted.privateKey, kid = TRUSTED_KID): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid, x5t: kid })}.${encode(claims)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
}

function channelClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: ISSUER,
    aud: APP_ID,
    serviceurl: SERVICE_URL,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...overrides,
  };
}

async function postMessage(
  authorization?: string,
  activity: Record<string, unknown> = {},
): Promise<{ status: number; body: string }> {
  const res = await fetch(`${service.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({
      type: 'message',
      channelId: 'directline',
      serviceUrl: SERVICE_URL,
      conversation: { id: `conv-${randomUUID()}` },
      from: { id: 'kunde-1', name: 'Kunde' },
      recipient: { id: APP_ID, name: 'Lotse' },
      locale: 'de-DE',
      id: randomUUID(),
      deliveryMode: 'expectReplies',
      text: 'Hallo',
      ...activity,
    }),
  });
  return { status: res.status, body: await res.text() };
}

beforeAll(async () => {
  const jwk = trusted.publicKey.export({ format: 'jwk' });
  metadata = http.createServer((req, res) => {
    metadataRequests++;
    const base = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(
        JSON.stringify({
          issuer: ISSUER,
          jwks_uri: `${base}/v1/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    } else if (req.url === '/v1/keys') {
      res.end(
        JSON.stringify({
          keys: [
            {
              kty: 'RSA',
              use: 'sig',
              kid: TRUSTED_KID,
              n: jwk.n,
              e: jwk.e,
              endorsements: ['directline', 'webchat', 'msteams'],
            },
          ],
        }),
      );
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', () => resolve()));
  const port = (metadata.address() as AddressInfo).port;
  service = await startTestApp({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-by-expect-replies',
    BOT_OPENID_METADATA_URL: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
  });
  // botbuilder logs every rejected request with console.error; the assertions below say enough.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterAll(async () => {
  await service?.close();
  await new Promise((resolve) => metadata?.close(resolve));
  jest.restoreAllMocks();
});

describe('POST /api/messages with MicrosoftAppId set', () => {
  it('accepts a valid Bot Framework token and the bot answers', async () => {
    const res = await postMessage(`Bearer ${jwt(channelClaims())}`);
    expect(res.status).toBe(200);
    const replies = (JSON.parse(res.body) as { activities: { type: string }[] }).activities;
    expect(replies.some((a) => a.type === 'message')).toBe(true);
    expect(metadataRequests).toBeGreaterThan(0);
  });

  it('rejects a request without a token with 401', async () => {
    expect((await postMessage()).status).toBe(401);
  });

  it('rejects a token that is not a bearer token with 401', async () => {
    expect((await postMessage(`Basic ${Buffer.from('lotse:secret').toString('base64')}`)).status).toBe(401);
  });

  it('rejects a token signed by a key the metadata does not list with 401', async () => {
    expect((await postMessage(`Bearer ${jwt(channelClaims(), stranger.privateKey, 'someone-elses-key')}`)).status).toBe(
      401,
    );
  });

  it('rejects a forged token that names our key id but is signed by another key with 401', async () => {
    expect((await postMessage(`Bearer ${jwt(channelClaims(), stranger.privateKey, TRUSTED_KID)}`)).status).toBe(401);
  });

  it('rejects a token for another app id (wrong audience) with 401', async () => {
    expect((await postMessage(`Bearer ${jwt(channelClaims({ aud: 'another-bot-app-id' }))}`)).status).toBe(401);
  });

  it('rejects an expired token with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    // Well past botbuilder's five minutes of clock tolerance.
    const expired = channelClaims({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 });
    expect((await postMessage(`Bearer ${jwt(expired)}`)).status).toBe(401);
  });

  it('rejects a token from another issuer with 401', async () => {
    expect((await postMessage(`Bearer ${jwt(channelClaims({ iss: 'https://evil.example.com' }))}`)).status).toBe(401);
  });

  it('rejects a token issued for another serviceUrl with 401', async () => {
    expect(
      (await postMessage(`Bearer ${jwt(channelClaims({ serviceurl: 'https://attacker.example.com/' }))}`)).status,
    ).toBe(401);
  });

  it('rejects a token whose key is not endorsed for the activity channel with 401', async () => {
    expect((await postMessage(`Bearer ${jwt(channelClaims())}`, { channelId: 'whatsapp-elsewhere' })).status).toBe(401);
  });
});

describe('POST /api/messages without MicrosoftAppId (local use)', () => {
  it('needs no token', async () => {
    const local = await startTestApp();
    try {
      const res = await fetch(`${local.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          channelId: 'directline',
          serviceUrl: 'http://127.0.0.1:9',
          conversation: { id: `conv-${randomUUID()}` },
          from: { id: 'kunde-2' },
          recipient: { id: 'lotse' },
          deliveryMode: 'expectReplies',
          text: 'Hallo',
        }),
      });
      expect(res.status).toBe(200);
    } finally {
      await local.close();
    }
  });
});
