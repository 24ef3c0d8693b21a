import type { Request, Server } from 'restify';
import { principalOf, requireRole } from './authRoutes';
import type { AuthService } from '../../services/auth/authService';
import { optionalString, requireId, requireObject, requireString } from '../../services/validation/input';
import type { TrainingService } from '../../services/training/trainingService';
import { jsonBody, route, RouteModule } from '../server';

/**
 * Practice for agents, agents and up on every route: GET /api/training/scenarios,
 * POST /api/training/sessions, POST /api/training/sessions/{id}/replies, GET /api/training/sessions/{id}.
 * A session belongs to whoever started it.
 */
export class TrainingRoutes implements RouteModule {
  constructor(
    private readonly auth: AuthService,
    private readonly training: TrainingService,
  ) {}

  register(server: Server): void {
    const agent = requireRole(this.auth, 'agent');
    const body = (req: Request) => requireObject(req.body ?? {}, 'body');

    server.get(
      '/api/training/scenarios',
      agent,
      route(async () => [200, { items: this.training.catalogue() }]),
    );
    server.post(
      '/api/training/sessions',
      agent,
      jsonBody,
      route(async (req) => {
        const scenario = optionalString(req.body === undefined ? undefined : body(req).scenario, 'scenario', {
          max: 40,
        });
        const started = await this.training.start(principalOf(req).id, scenario || undefined);
        return [201, started];
      }),
    );
    server.post(
      '/api/training/sessions/:id/replies',
      agent,
      jsonBody,
      route(async (req) => {
        const text = requireString(body(req).text, 'text', { max: 4000 });
        return [200, await this.training.reply(requireId(req.params.id), principalOf(req).id, text)];
      }),
    );
    server.get(
      '/api/training/sessions/:id',
      agent,
      route(async (req) => [200, await this.training.get(requireId(req.params.id), principalOf(req).id)]),
    );
  }
}
