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
    const signature = b64(
      createHmac('sha256', await this.secret.get())
        .update(`dl1.${body}`)
        .digest(),
    );
    return { conversationId, token: `dl1.${body}.${signature}`, expires_in: Math.max(0, exp - nowSeconds) };
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
    const expected = createHmac('sha256', await this.secret.get())
      .update(`dl1.${body}`)
      .digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new DirectLineAuthError('The Direct Line token is not valid');
    let claims: DirectLineClaims;
    try {
      const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
        c: unknown;
        u: unknown;
        e: unknown;
        s?: unknown;
      };
      if (typeof parsed.c !== 'string' || typeof parsed.u !== 'string' || typeof parsed.e !== 'number')
        throw new Error('shape');
      // Tokens from before the lifetime bound carry no start: their own issue time is taken.
      const started = typeof parsed.s === 'number' ? parsed.s : parsed.e - this.ttlSeconds;
      claims = { conversationId: parsed.c, userId: parsed.u, exp: parsed.e, started };
    } catch {
      throw new DirectLineAuthError('The Direct Line token is not valid');
    }
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
