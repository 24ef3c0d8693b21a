import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Connection, Model, Schema } from 'mongoose';
import { NotFoundError, ValidationError } from '../errors';
import { Principal, Role, ROLES } from './roles';

interface ApiUserDoc {
  _id: string;
  name: string;
  role: Role;
  tokenHash: string;
  active: boolean;
  createdAt: Date;
  createdBy: string;
}

const apiUserSchema = new Schema<ApiUserDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true, enum: ROLES },
    tokenHash: { type: String, required: true, unique: true },
    active: { type: Boolean, required: true, default: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
  },
  { versionKey: false, collection: 'apiusers' },
);

export interface ApiUserView {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: Date;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(hashToken(a));
  const right = Buffer.from(hashToken(b));
  return timingSafeEqual(left, right);
}

/**
 * API tokens with roles. ADMIN_API_TOKEN bootstraps the first admin; admins issue tokens for
 * agents, supervisors and other admins. Only SHA-256 hashes of tokens are stored.
 */
export class AuthService {
  private readonly model: Model<ApiUserDoc>;
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();
  /** Desk sessions from Teams tab SSO, when configured. */
  private sessions?: { principalFor(token: string): Promise<Principal | null> };

  constructor(
    connection: Connection,
    private readonly bootstrapAdminToken: string,
    private readonly cacheMs = 5000,
  ) {
    this.model = connection.models.ApiUser ?? connection.model<ApiUserDoc>('ApiUser', apiUserSchema);
  }

  async authenticate(token: string | undefined): Promise<Principal | null> {
    if (!token || token.length > 512) return null;
    if (this.bootstrapAdminToken && safeEqual(token, this.bootstrapAdminToken)) {
      return { id: 'bootstrap-admin', name: 'Admin', role: 'admin' };
    }
    if (this.sessions && token.startsWith('lotse_sso_')) return this.sessions.principalFor(token);
    const hash = hashToken(token);
    const cached = this.cache.get(hash);
    if (cached && cached.until > Date.now()) return cached.principal;
    const user = await this.model.findOne({ tokenHash: hash, active: true }).lean();
    const principal = user ? { id: user._id, name: user.name, role: user.role } : null;
    this.cache.set(hash, { principal, until: Date.now() + this.cacheMs });
    if (this.cache.size > 10000) this.cache.clear();
    return principal;
  }

  /** Accepts desk session tokens issued by Teams tab SSO besides API tokens. */
  useSessions(sessions: { principalFor(token: string): Promise<Principal | null> }): void {
    this.sessions = sessions;
  }

  /** Creates a user and returns its token; the token is shown once and never stored in clear. */
  async createUser(name: string, role: Role, createdBy: Principal): Promise<{ user: ApiUserView; token: string }> {
    if (!ROLES.includes(role)) throw new ValidationError('role', `must be one of ${ROLES.join(', ')}`);
    const token = `lotse_${randomBytes(24).toString('base64url')}`;
    const doc = await this.model.create({
      _id: randomBytes(8).toString('hex'),
      name,
      role,
      tokenHash: hashToken(token),
      active: true,
      createdAt: new Date(),
      createdBy: createdBy.id,
    });
    return { user: toView(doc.toObject()), token };
  }

  async listUsers(): Promise<ApiUserView[]> {
    return (await this.model.find().sort({ createdAt: 1 }).lean()).map(toView);
  }

  async deactivateUser(id: string): Promise<void> {
    const result = await this.model.updateOne({ _id: id }, { $set: { active: false } });
    if (result.matchedCount === 0) throw new NotFoundError('user', id);
    this.cache.clear();
  }
}

function toView(doc: ApiUserDoc): ApiUserView {
  return { id: doc._id, name: doc.name, role: doc.role, active: doc.active, createdAt: doc.createdAt };
}
