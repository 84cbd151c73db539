/** Roles in a workspace, strongest first: `coordinator` > `editor` > `viewer`. */
export const ROLES = ['coordinator', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { coordinator: 3, editor: 2, viewer: 1 };

/** True when `role` is at least `needed`. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export function isRole(value: unknown): value is Role {
  return ROLES.some((role) => role === value);
}
