import type { Request, Server } from 'restify';
import { requireRole, principalOf } from './authRoutes';
import type { AuthService } from '../../services/auth/authService';
import { jsonBody, route, RouteModule } from '../server';
import { optionalString, requireObject, requireOneOf } from '../../services/validation/input';
import { HANDOFF_STATUSES } from '../../services/handoff/handoffModel';
import { requireHandBackTarget } from '../../services/handoff/handBackTargets';
import type { HandoffService } from '../../services/handoff/handoffService';

/**
 * The handoff API (contract in docs/ARCHITECTURE.md), agents and up on every route:
 * GET /api/handoffs?status=queued, GET /api/handoffs/stats, GET /api/handoffs/{id},
 * POST /api/handoffs/{id}/claim | messages | resolve | transfer | notes.
 */
export class HandoffRoutes implements RouteModule {
  constructor(
    private readonly auth: AuthService,
    private readonly handoffs: HandoffService,
  ) {}

  register(server: Server): void {
    const agent = requireRole(this.auth, 'agent');
    const body = (req: Request) => requireObject(req.body ?? {}, 'body');

    server.get(
      '/api/handoffs',
      agent,
      route(async (req) => {
        const query = (req.query ?? {}) as Record<string, unknown>;
        const status = query.status === undefined ? 'queued' : requireOneOf(query.status, 'status', HANDOFF_STATUSES);
        const limit = query.limit === undefined ? undefined : Number(query.limit);
        return [
          200,
          { items: await this.handoffs.list({ status, limit: Number.isFinite(limit) ? limit : undefined }) },
        ];
      }),
    );
    server.get(
      '/api/handoffs/stats',
      agent,
      route(async () => [200, await this.handoffs.stats()]),
    );
    server.get(
      '/api/handoffs/:id',
      agent,
      route(async (req) => {
        const record = await this.handoffs.get(String(req.params.id));
        return [200, record];
      }),
    );
    server.post(
      '/api/handoffs/:id/claim',
      agent,
      route(async (req) => [200, await this.handoffs.claim(String(req.params.id), principalOf(req))]),
    );
    server.post(
      '/api/handoffs/:id/messages',
      agent,
      jsonBody,
      route(async (req) => [
        201,
        await this.handoffs.sendAgentMessage(String(req.params.id), principalOf(req), body(req).text, body(req).force),
      ]),
    );
    server.post(
      '/api/handoffs/:id/resolve',
      agent,
      jsonBody,
      route(async (req) => {
        const target = requireHandBackTarget(req.body === undefined ? undefined : body(req).target);
        return [200, await this.handoffs.resolve(String(req.params.id), principalOf(req), target)];
      }),
    );
    server.post(
      '/api/handoffs/:id/transfer',
      agent,
      jsonBody,
      route(async (req) => {
        const note = optionalString(req.body === undefined ? undefined : body(req).note, 'note', { max: 4000 });
        return [200, await this.handoffs.transfer(String(req.params.id), principalOf(req), note)];
      }),
    );
    server.post(
      '/api/handoffs/:id/notes',
      agent,
      jsonBody,
      route(async (req) => [201, await this.handoffs.addNote(String(req.params.id), principalOf(req), body(req).text)]),
    );
  }
}
