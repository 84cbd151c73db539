/** Workspaces and their members (invitation links: `invitations.ts`). */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles.js';
import { statement, type Db } from './database.js';

export interface WorkspaceRow {
  id: string;
  name: string;
  country: string;
}

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export function createWorkspace(db: Db, name: string, creatorId: string, now: number, country = 'SE'): WorkspaceRow {
  const id = randomUUID();
  db.transaction(() => {
    statement(db, 'INSERT INTO workspaces (id, name, country, created_at) VALUES (?, ?, ?, ?)').run(id, name, country, now);
    statement(db, "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, 'coordinator', ?)").run(id, creatorId, now);
  })();
  return { id, name, country };
}

export function findWorkspace(db: Db, id: string): WorkspaceRow | undefined {
  return statement(db, 'SELECT id, name, country FROM workspaces WHERE id = ?').get(id) as WorkspaceRow | undefined;
}

export function roleOf(db: Db, workspaceId: string, userId: string): Role | null {
  const row = statement(db, 'SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?').get(workspaceId, userId) as
    | { role: Role }
    | undefined;
  return row?.role ?? null;
}

export function workspacesOf(db: Db, userId: string): Array<WorkspaceRow & { role: Role }> {
  return statement(
    db,
    `SELECT w.id, w.name, w.country, m.role FROM workspaces w JOIN memberships m ON m.workspace_id = w.id
     WHERE m.user_id = ? ORDER BY w.name COLLATE NOCASE`,
  ).all(userId) as Array<WorkspaceRow & { role: Role }>;
}

export function membersOf(db: Db, workspaceId: string): MemberRow[] {
  return statement(
    db,
    `SELECT u.id, u.name, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.workspace_id = ? ORDER BY u.name COLLATE NOCASE`,
  ).all(workspaceId) as MemberRow[];
}

export function addMember(db: Db, workspaceId: string, userId: string, role: Role, now: number): void {
  statement(db, 'INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)').run(workspaceId, userId, role, now);
}

export function setMemberRole(db: Db, workspaceId: string, userId: string, role: Role): void {
  statement(db, 'UPDATE memberships SET role = ? WHERE workspace_id = ? AND user_id = ?').run(role, workspaceId, userId);
}

export function removeMember(db: Db, workspaceId: string, userId: string): void {
  statement(db, 'DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?').run(workspaceId, userId);
}

export function countCoordinators(db: Db, workspaceId: string): number {
  return (statement(db, "SELECT COUNT(*) AS n FROM memberships WHERE workspace_id = ? AND role = 'coordinator'").get(workspaceId) as { n: number }).n;
}
