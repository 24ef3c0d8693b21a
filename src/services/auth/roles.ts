export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: an API token's owner, the bootstrap admin, or a Teams user. */
export interface Principal {
  id: string;
  name: string;
  role: Role;
}

const RANK: Record<Role, number> = { agent: 1, supervisor: 2, admin: 3 };

/** admin > supervisor > agent: a higher role may do everything a lower one may. */
export function hasRole(principal: Principal, required: Role): boolean {
  return RANK[principal.role] >= RANK[required];
}
