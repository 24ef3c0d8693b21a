import { createHash, randomBytes } from 'node:crypto';
import { Connection, Model, Schema } from 'mongoose';
import type { EntraTokenVerifier } from './entraTokenVerifier';
import type { Principal, Role } from './roles';

/** Desk session tokens issued for a Teams SSO sign-in start with this; API tokens never do. */
export const SSO_TOKEN_PREFIX = 'lotse_sso_';
/** A desk session lasts as long as the Entra ID token, and never longer than this. */
const MAX_SESSION_SECONDS = 8 * 3600;

interface SsoSessionDoc {
  _id: string;
  principalId: string;
  name: string;
  role: Role;
  expiresAt: Date;
}

const sessionSchema = new Schema<SsoSessionDoc>(
  {
    _id: { type: String, required: true },
    principalId: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'ssosessions' },
);
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

/** Maps a Teams user (AAD object id) to a desk role: supervisors by list, everyone else agent. */
export type TeamsRoleOf = (objectId: string, name: string) => Principal;

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Tab SSO: a verified Entra ID token of the agents' tenant is exchanged for a desk session token
 * that the API accepts like an API token (stored as a SHA-256 hash, shared by every instance).
 */
export class TeamsSsoSessions {
  private readonly model: Model<SsoSessionDoc>;

  constructor(
    connection: Connection,
    private readonly verifier: EntraTokenVerifier,
    private readonly roleOf: TeamsRoleOf,
    private readonly now: () => number = Date.now,
  ) {
    this.model =
      (connection.models.SsoSession as Model<SsoSessionDoc> | undefined) ??
      connection.model<SsoSessionDoc>('SsoSession', sessionSchema);
  }

  async exchange(entraToken: string): Promise<{ token: string; expiresAt: Date; principal: Principal }> {
    const identity = await this.verifier.verify(entraToken);
    const principal = this.roleOf(identity.objectId, identity.name);
    const expiresAt = new Date(Math.min(identity.expiresAt * 1000, this.now() + MAX_SESSION_SECONDS * 1000));
    const token = `${SSO_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
    await this.model.create({
      _id: hash(token),
      principalId: principal.id,
      name: principal.name,
      role: principal.role,
      expiresAt,
    });
    return { token, expiresAt, principal };
  }

  /** The principal of a live session token, or null. */
  async principalFor(token: string): Promise<Principal | null> {
    if (!token.startsWith(SSO_TOKEN_PREFIX)) return null;
    const session = await this.model.findOne({ _id: hash(token) }).lean();
    if (!session || session.expiresAt.getTime() <= this.now()) return null;
    return { id: session.principalId, name: session.name, role: session.role };
  }
}
