import type { Request, Server } from 'restify';
import { requireRole } from './authRoutes';
import type { AuthService } from '../../services/auth/authService';
import { jsonBody, route, RouteModule } from '../server';
import { requireOneOf } from '../../services/validation/input';
import { CANNED_CATEGORIES } from '../../services/cannedResponses/cannedResponseRules';
import type { CannedResponseService } from '../../services/cannedResponses/cannedResponseService';

/**
 * Canned responses (Textbausteine): agents list them (`GET /api/canned-responses?category=`),
 * admins edit them (`GET/POST /api/admin/canned-responses`, `PUT/DELETE /api/admin/canned-responses/{name}`).
 */
export class CannedResponseRoutes implements RouteModule {
  constructor(
    private readonly auth: AuthService,
    private readonly canned: CannedResponseService,
  ) {}

  register(server: Server): void {
    const agent = requireRole(this.auth, 'agent');
    const admin = requireRole(this.auth, 'admin');
    const name = (req: Request) => String(req.params.name);
    const category = (req: Request) => {
      const value = ((req.query ?? {}) as Record<string, unknown>).category;
      return value === undefined ? undefined : requireOneOf(value, 'category', CANNED_CATEGORIES);
    };

    server.get(
      '/api/canned-responses',
      agent,
      route(async (req) => [200, { items: await this.canned.list(category(req)) }]),
    );
    server.get(
      '/api/admin/canned-responses',
      admin,
      route(async (req) => [200, { items: await this.canned.list(category(req)) }]),
    );
    server.post(
      '/api/admin/canned-responses',
      admin,
      jsonBody,
      route(async (req) => [201, await this.canned.create(req.body)]),
    );
    server.put(
      '/api/admin/canned-responses/:name',
      admin,
      jsonBody,
      route(async (req) => [200, await this.canned.update(name(req), req.body)]),
    );
    server.del(
      '/api/admin/canned-responses/:name',
      admin,
      route(async (req) => {
        await this.canned.remove(name(req));
        return [204, undefined];
      }),
    );
  }
}
