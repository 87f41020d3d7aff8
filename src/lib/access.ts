/** Scopes (SPEC §1) and what each membership role may do. */

export const SCOPES = [
  'candidates.read',
  'candidates.write',
  'candidates.delete',
  'interviews.read',
  'interviews.write',
  'evaluation_templates.read',
  'evaluation_templates.write',
  'webhooks.read',
  'webhooks.write',
] as const;

export type Scope = (typeof SCOPES)[number];

export const ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Owners and admins manage API keys, webhooks and members. */
export const MANAGER_ROLES: readonly Role[] = ['owner', 'admin'];

const MEMBER_SCOPES: readonly Scope[] = [
  'candidates.read',
  'candidates.write',
  'candidates.delete',
  'interviews.read',
  'interviews.write',
  'evaluation_templates.read',
  'evaluation_templates.write',
];

const VIEWER_SCOPES: readonly Scope[] = ['candidates.read', 'interviews.read', 'evaluation_templates.read'];

export function scopesForRole(role: Role): ReadonlySet<Scope> {
  switch (role) {
    case 'owner':
    case 'admin':
      return new Set(SCOPES);
    case 'member':
      return new Set(MEMBER_SCOPES);
    case 'viewer':
      return new Set(VIEWER_SCOPES);
  }
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
