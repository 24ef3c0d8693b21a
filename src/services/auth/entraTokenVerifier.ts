import { createPublicKey, JsonWebKey, KeyObject, verify } from 'node:crypto';
import { UnauthorizedError } from '../errors';

export interface EntraIdentity {
  /** The user's AAD object id, lowercase. */
  objectId: string;
  tenantId: string;
  name: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export interface EntraVerifierOptions {
  /** The OpenID configuration document (…/v2.0/.well-known/openid-configuration). */
  metadataUrl: string;
  /** Accepted "aud" values: api://<host>/<appId> and the app id itself (v2 tokens). */
  audiences: string[];
  /** The only tenant whose users may sign in. */
  tenantId: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** How long metadata and keys are trusted before they are fetched again. */
  cacheMs?: number;
}

interface Keys {
  issuer: string;
  keys: Map<string, KeyObject>;
  until: number;
}

const CLOCK_SKEW_SECONDS = 300;
/** A token with an unknown key id refreshes the keys at most this often (keys rotate rarely). */
const REFRESH_AFTER_UNKNOWN_KID_MS = 5 * 60_000;

function decodePart(part: string | undefined): Record<string, unknown> {
  if (!part) throw new UnauthorizedError('malformed token');
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new UnauthorizedError('malformed token');
  }
}

/**
 * Checks a Microsoft Entra ID access token as Teams tab SSO hands it out (getAuthToken): RS256
 * signature by a key of the tenant's published key set, issuer, audience, tenant, expiry.
 */
export class EntraTokenVerifier {
  private cached?: Keys;
  private loading?: Promise<Keys>;
  private lastUnknownKidRefresh = 0;
  private readonly fetcher: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: EntraVerifierOptions) {
    this.fetcher = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
  }

  async verify(token: string): Promise<EntraIdentity> {
    if (token.length > 8192) throw new UnauthorizedError('token too long');
    const parts = token.split('.');
    if (parts.length !== 3) throw new UnauthorizedError('malformed token');
    const header = decodePart(parts[0]);
    const claims = decodePart(parts[1]);
    if (header.alg !== 'RS256') throw new UnauthorizedError('unexpected signing algorithm');
    const kid = typeof header.kid === 'string' ? header.kid : '';
    const keys = await this.keysFor(kid);
    const key = keys.keys.get(kid);
    if (!key) throw new UnauthorizedError('unknown signing key');
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    if (!verify('RSA-SHA256', signed, key, Buffer.from(parts[2], 'base64url')))
      throw new UnauthorizedError('bad signature');

    const tenantId = typeof claims.tid === 'string' ? claims.tid.toLowerCase() : '';
    if (!tenantId || tenantId !== this.options.tenantId.toLowerCase()) throw new UnauthorizedError('other tenant');
    const issuers = [keys.issuer.replace('{tenantid}', tenantId), `https://sts.windows.net/${tenantId}/`];
    if (typeof claims.iss !== 'string' || !issuers.includes(claims.iss))
      throw new UnauthorizedError('unexpected issuer');
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.some((aud) => typeof aud === 'string' && this.options.audiences.includes(aud)))
      throw new UnauthorizedError('token is for another application');
    const nowSeconds = Math.floor(this.now() / 1000);
    if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_SECONDS < nowSeconds)
      throw new UnauthorizedError('token expired');
    if (typeof claims.nbf === 'number' && claims.nbf - CLOCK_SKEW_SECONDS > nowSeconds)
      throw new UnauthorizedError('token not yet valid');
    const objectId = typeof claims.oid === 'string' ? claims.oid.toLowerCase() : '';
    if (!objectId) throw new UnauthorizedError('token names no user');
    const name =
      typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim().slice(0, 100) : objectId;
    return { objectId, tenantId, name, expiresAt: claims.exp };
  }

  private async keysFor(kid: string): Promise<Keys> {
    const now = this.now();
    if (this.cached && this.cached.until > now) {
      if (this.cached.keys.has(kid) || now - this.lastUnknownKidRefresh < REFRESH_AFTER_UNKNOWN_KID_MS)
        return this.cached;
      this.lastUnknownKidRefresh = now;
    }
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    this.cached = await this.loading;
    return this.cached;
  }

  private async load(): Promise<Keys> {
    const metadata = await this.json(this.options.metadataUrl);
    const issuer = typeof metadata.issuer === 'string' ? metadata.issuer : '';
    const jwksUri = typeof metadata.jwks_uri === 'string' ? metadata.jwks_uri : '';
    if (!issuer || !jwksUri) throw new UnauthorizedError('OpenID metadata without issuer or jwks_uri');
    const set = await this.json(jwksUri);
    const keys = new Map<string, KeyObject>();
    for (const jwk of Array.isArray(set.keys) ? (set.keys as Record<string, unknown>[]) : []) {
      if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
      try {
        keys.set(jwk.kid, createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e } as JsonWebKey, format: 'jwk' }));
      } catch {
        // A key this runtime cannot read is skipped; the others still work.
      }
    }
    return { issuer, keys, until: this.now() + (this.options.cacheMs ?? 24 * 3600_000) };
  }

  private async json(url: string): Promise<Record<string, unknown>> {
    const res = await this.fetcher(url, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new UnauthorizedError(`key set unavailable (${res.status})`);
    return (await res.json()) as Record<string, unknown>;
  }
}
