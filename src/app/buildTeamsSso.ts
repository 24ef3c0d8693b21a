/** Teams tab SSO, on when the agents' tenant and the bot's app id are set. */
import type { Connection } from 'mongoose';
import { TeamsAgentDirectory } from '../channels/teams/teamsAgentDirectory';
import type { Config } from '../config';
import type { AuthService } from '../services/auth/authService';
import { EntraTokenVerifier } from '../services/auth/entraTokenVerifier';
import { TeamsSsoSessions } from '../services/auth/teamsSsoSessions';
import { TeamsSsoRoutes } from '../http/routes/teamsSsoRoutes';
import type { RouteModule } from '../http/server';

export function buildTeamsSso(config: Config, connection: Connection, auth: AuthService): RouteModule[] {
  if (!config.microsoftAppId || !config.teamsTenantId) return [];
  const host = new URL(config.publicUrl).host;
  const verifier = new EntraTokenVerifier({
    metadataUrl:
      config.teamsSsoOpenIdMetadataUrl ||
      `https://login.microsoftonline.com/${config.teamsTenantId}/v2.0/.well-known/openid-configuration`,
    audiences: [`api://${host}/${config.microsoftAppId}`, config.microsoftAppId],
    tenantId: config.teamsTenantId,
  });
  // The same rule as in the agents' channel: listed supervisors, everyone else of the tenant an agent.
  const directory = new TeamsAgentDirectory(config.teamsSupervisorIds);
  const sessions = new TeamsSsoSessions(connection, verifier, (objectId, name) => {
    const principal = directory.principalOf({ aadObjectId: objectId, id: objectId, name });
    if (!principal) throw new Error('a verified token always names a user');
    return principal;
  });
  auth.useSessions(sessions);
  return [new TeamsSsoRoutes(sessions)];
}
