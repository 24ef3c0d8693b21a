import type { ChannelAccount } from 'botbuilder';
import type { Principal } from '../../services/auth/roles';

/**
 * Teams users as agents. A Teams user is identified by their AAD object id (stable across chats
 * and tenants' renames); the role comes from TEAMS_SUPERVISOR_IDS: listed ids are supervisors,
 * everybody else in the agents' team is an agent. With no ids listed (a small team without team
 * leads) everybody with an AAD id may act as a supervisor, so an irate customer's handoff is never
 * left without anyone allowed to take it; the start log warns. Admin rights are never granted
 * through Teams.
 */
export class TeamsAgentDirectory {
  private readonly supervisors: ReadonlySet<string>;

  constructor(supervisorIds: readonly string[]) {
    this.supervisors = new Set(supervisorIds.map((id) => id.toLowerCase()));
  }

  /** True when no supervisors are listed and every agent may take supervisor handoffs. */
  get everyoneSupervises(): boolean {
    return this.supervisors.size === 0;
  }

  /** The principal for a Teams sender, or undefined when the activity carries no usable identity. */
  principalOf(account: Partial<ChannelAccount> | undefined): Principal | undefined {
    const aad =
      typeof account?.aadObjectId === 'string' && account.aadObjectId.trim() !== ''
        ? account.aadObjectId.trim().toLowerCase()
        : undefined;
    // Without an AAD id (local test clients) the channel account id is the next best stable id.
    const key = aad ?? (typeof account?.id === 'string' && account.id.trim() !== '' ? account.id.trim() : undefined);
    if (!key) return undefined;
    const name =
      typeof account?.name === 'string' && account.name.trim() !== '' ? account.name.trim().slice(0, 100) : key;
    return {
      id: `teams:${key}`,
      name,
      role: aad && (this.everyoneSupervises || this.supervisors.has(aad)) ? 'supervisor' : 'agent',
    };
  }
}

/** True for principals that act through Teams (their messages are already in the thread). */
export function isTeamsPrincipalId(id: string | undefined): boolean {
  return typeof id === 'string' && id.startsWith('teams:');
}
