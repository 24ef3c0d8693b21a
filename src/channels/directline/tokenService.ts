import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { Schema } from 'mongoose';
import { DirectLineAuthError, DirectLineTokenMissingError } from './errors';

export interface DirectLineClaims {
  conversationId: string;
  userId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** When the first token of this conversation was issued, seconds since the epoch; refreshes keep it. */
  started: number;
}

/** Conversations whose tokens no longer count (the customer was erased). */
export interface RevocationList {
  isRevoked(conversationId: string): Promise<boolean>;
}

export interface IssuedToken {
  conversationId: string;
  token: string;
  expires_in: number;
}

interface SecretDoc {
  _id: string;
  value: string;
}

const secretSchema = new Schema<SecretDoc>(
  { _id: String, value: { type: String, required: true } },
  { versionKey: false, collection: 'deployment_secrets' },
);

/**
 * The key that signs local Direct Line tokens: DIRECT_LINE_TOKEN_SECRET, or else one random key per
 * deployment kept in MongoDB (the first instance to start creates it, all others read the same).
 */
export class TokenSecretSource {
  private cached?: Promise<Buffer>;
  private readonly model: Model<SecretDoc>;

  constructor(
    connection: Connection,
    private readonly configured: string,
  ) {
    this.model = connection.models.DeploymentSecret ?? connection.model<SecretDoc>('DeploymentSecret', secretSchema);
  }

  get(): Promise<Buffer> {
    if (this.configured) return Promise.resolve(Buffer.from(this.configured, 'utf8'));
    this.cached ??= this.loadOrCreate().catch((err) => {
      this.cached = undefined;
      throw err;
    });
    return this.cached;
  }

  private async loadOrCreate(): Promise<Buffer> {
    const id = 'directline-token-key';
    try {
      await this.model.updateOne(
        { _id: id },
        { $setOnInsert: { value: randomBytes(32).toString('base64') } },
        { upsert: true },
      );
    } catch (err) {
      // Two instances upserting at once: one insert wins, the other collides; both then read it.
      if ((err as { code?: number }).code !== 11000) throw err;
    }
    const doc = await this.model.findById(id).lean<SecretDoc>();
    if (!doc) throw new Error('the Direct Line token key could not be stored');
    return Buffer.from(doc.value, 'base64');
  }
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Long enough to open the WebSocket on a slow network; a reconnect asks for a new stream URL. */
const STREAM_TICKET_SECONDS = 120;

/** The claims in a token's body; undefined when the body is not one of ours. */
function parseClaims(body: string, ttlSeconds: number): DirectLineClaims | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      c: unknown;
      u: unknown;
      e: unknown;
      s?: unknown;
    };
    if (typeof parsed.c !== 'string' || typeof parsed.u !== 'string' || typeof parsed.e !== 'number') return undefined;
    // Tokens from before the lifetime bound carry no start: their own issue time is taken.
    const started = typeof parsed.s === 'number' ? parsed.s : parsed.e - ttlSeconds;
    return { conversationId: parsed.c, userId: parsed.u, exp: parsed.e, started };
  } catch {
    return undefined;
  }
}

/**
 * Tokens of the local Direct Line endpoint: HMAC-signed, scoped to one conversation and one user,
 * expiring. Stateless, so every instance accepts every other instance's tokens.
 */
export class DirectLineTokens {
  constructor(
    private readonly secret: TokenSecretSource,
    private readonly ttlSeconds = 1800,
    /** An expired token may still be traded for a new one this long (a page reload after a break). */
    private readonly refreshGraceSeconds = 7200,
    private readonly now: () => number = Date.now,
    /** No refresh extends a conversation's tokens beyond this many seconds after the first one. */
    private readonly maxLifetimeSeconds = 86_400,
    private readonly revocations?: RevocationList,
  ) {}

  /** A token for the conversation; `started` carries the first token's time through refreshes. */
  async issue(conversationId: string, userId: string, started?: number): Promise<IssuedToken> {
    const nowSeconds = Math.floor(this.now() / 1000);
    const first = started ?? nowSeconds;
    // The last token ends with the conversation's lifetime, however late it is refreshed.
    const exp = Math.min(nowSeconds + this.ttlSeconds, first + this.maxLifetimeSeconds);
    const claims: DirectLineClaims = { conversationId, userId, exp, started: first };
    const body = b64(JSON.stringify({ c: claims.conversationId, u: claims.userId, e: claims.exp, s: claims.started }));
    const signature = await this.sign(`dl1.${body}`);
    return { conversationId, token: `dl1.${body}.${signature}`, expires_in: Math.max(0, exp - nowSeconds) };
  }

  /**
   * A ticket for the stream URL: it travels in the URL (browsers cannot set headers on a WebSocket),
   * so it is good for one conversation and only long enough to connect, never as a bearer token.
   */
  async issueStreamTicket(conversationId: string, userId: string): Promise<string> {
    const exp = Math.floor(this.now() / 1000) + STREAM_TICKET_SECONDS;
    const body = b64(JSON.stringify({ c: conversationId, u: userId, e: exp }));
    return `dls1.${body}.${await this.sign(`dls1.${body}`)}`;
  }

  /** The claims of a stream ticket for this conversation; DirectLineAuthError (403) otherwise. */
  async verifyStreamTicket(ticket: string, conversationId: string): Promise<DirectLineClaims> {
    const match = /^dls1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(ticket);
    if (!match) throw new DirectLineAuthError('The stream URL is not valid');
    const expected = Buffer.from(await this.sign(`dls1.${match[1]}`), 'base64url');
    const given = Buffer.from(match[2], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new DirectLineAuthError('The stream URL is not valid');
    const claims = parseClaims(match[1], this.ttlSeconds);
    if (!claims || claims.conversationId !== conversationId)
      throw new DirectLineAuthError('The stream URL is not valid');
    if (claims.exp < this.now() / 1000) throw new DirectLineAuthError('The stream URL has expired');
    if (this.revocations && (await this.revocations.isRevoked(claims.conversationId)))
      throw new DirectLineAuthError('The Direct Line token has been revoked');
    return claims;
  }

  private async sign(data: string): Promise<string> {
    return b64(
      createHmac('sha256', await this.secret.get())
        .update(data)
        .digest(),
    );
  }

  /** Throws DirectLineTokenMissingError (401) or DirectLineAuthError (403: forged, expired, other conversation). */
  async verify(
    authorization: string | undefined,
    options: { conversationId?: string; forRefresh?: boolean } = {},
  ): Promise<DirectLineClaims> {
    const match = /^Bearer\s+(dl1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i.exec(authorization?.trim() ?? '');
    if (!authorization) throw new DirectLineTokenMissingError();
    if (!match) throw new DirectLineAuthError('The Direct Line token is not valid');
    const [, body, signature] = match[1].split('.');
    const expected = Buffer.from(await this.sign(`dl1.${body}`), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new DirectLineAuthError('The Direct Line token is not valid');
    const claims = parseClaims(body, this.ttlSeconds);
    if (!claims) throw new DirectLineAuthError('The Direct Line token is not valid');
    const grace = options.forRefresh ? this.refreshGraceSeconds : 0;
    const nowSeconds = this.now() / 1000;
    if (claims.exp + grace < nowSeconds) throw new DirectLineAuthError('The Direct Line token has expired');
    if (claims.started + this.maxLifetimeSeconds < nowSeconds)
      throw new DirectLineAuthError('The Direct Line conversation has reached its lifetime; please start a new one');
    if (options.conversationId !== undefined && options.conversationId !== claims.conversationId) {
      throw new DirectLineAuthError('The Direct Line token is for another conversation');
    }
    if (this.revocations && (await this.revocations.isRevoked(claims.conversationId)))
      throw new DirectLineAuthError('The Direct Line token has been revoked');
    return claims;
  }
}
