import type { Server } from 'restify';
import type { TeamsSsoSessions } from '../../services/auth/teamsSsoSessions';
import { requireObject, requireString } from '../../services/validation/input';
import { jsonBody, route, RouteModule } from '../server';

/**
 * Teams tab single sign-on: POST /api/auth/teams-sso { "token": <Entra ID token from
 * authentication.getAuthToken()> } -> 200 { token, expiresAt, principal }; the returned token is
 * then used as the bearer token of the desk. 401 for a token that does not verify.
 */
export class TeamsSsoRoutes implements RouteModule {
  constructor(private readonly sessions: TeamsSsoSessions) {}

  register(server: Server): void {
    server.post(
      '/api/auth/teams-sso',
      jsonBody,
      route(async (req) => {
        const token = requireString(requireObject(req.body ?? {}, 'body').token, 'token', { max: 8192 });
        return [200, await this.sessions.exchange(token)];
      }),
    );
  }
}
