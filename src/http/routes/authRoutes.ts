import type { Next, Request, Response, Server } from 'restify';
import { jsonBody, requestLimits, route, RouteModule, sendServiceError } from '../server';
import { requireId, requireOneOf, requireString } from '../../services/validation/input';
import type { AuthService } from '../../services/auth/authService';
import { hasRole, Principal, Role, ROLES } from '../../services/auth/roles';

const PRINCIPAL = Symbol('lotse.principal');

/** The authenticated caller of a request that passed requireRole. */
export function principalOf(req: Request): Principal {
  const principal = (req as unknown as Record<symbol, Principal | undefined>)[PRINCIPAL];
  if (!principal) throw new Error('principalOf called on a route without requireRole');
  return principal;
}

/** Route middleware: 401 without a valid bearer token, 403 when the role is too low. */
export function requireRole(auth: AuthService, role: Role) {
  // Callback style on purpose: restify lets only callback middleware end the chain (next(false)).
  return (req: Request, res: Response, next: Next): void => {
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    (match ? auth.authenticate(match[1]) : Promise.resolve(null)).then(
      (principal) => {
        const limits = requestLimits(req);
        // The limit answered 429 already.
        if (limits && !(principal ? limits.principal(principal.id) : limits.anonymous())) return next(false);
        if (!principal) {
          res.header('WWW-Authenticate', 'Bearer');
          res.send(401, { error: { code: 'Unauthorized', message: 'A valid bearer token is required' } });
          return next(false);
        }
        if (!hasRole(principal, role)) {
          res.send(403, { error: { code: 'Forbidden', message: `This needs the ${role} role` } });
          return next(false);
        }
        (req as unknown as Record<symbol, Principal>)[PRINCIPAL] = principal;
        return next();
      },
      (err: unknown) => {
        sendServiceError(res, err);
        next(false);
      },
    );
  };
}

/** Admins manage API users: GET/POST /api/admin/users, DELETE /api/admin/users/{id}; GET /api/me. */
export class AuthRoutes implements RouteModule {
  constructor(private readonly auth: AuthService) {}

  register(server: Server): void {
    const admin = requireRole(this.auth, 'admin');
    server.get('/api/me', requireRole(this.auth, 'agent'), async (req: Request, res: Response) => {
      res.send(200, principalOf(req));
    });
    server.get(
      '/api/admin/users',
      admin,
      route(async () => [200, { items: await this.auth.listUsers() }]),
    );
    server.post(
      '/api/admin/users',
      admin,
      jsonBody,
      route(async (req) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const name = requireString(body.name, 'name', { max: 100 });
        const role = requireOneOf(body.role, 'role', ROLES);
        const created = await this.auth.createUser(name, role, principalOf(req));
        return [201, { ...created.user, token: created.token }];
      }),
    );
    server.del(
      '/api/admin/users/:id',
      admin,
      route(async (req) => {
        await this.auth.deactivateUser(requireId(req.params.id));
        return [204, undefined];
      }),
    );
  }
}
