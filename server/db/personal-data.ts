/**
 * Every personal datum held on one account, for `GET /api/me/export` (DESIGN "Accounts,
 * sessions": GDPR art. 15 and 20). The known tables are read by name; any other table with
 * a column pointing at users (a foreign key to `users`, or a column named `user_id` or
 * `*_by`) is found in the schema and its rows are included as stored, so a table added
 * later is exported without anyone remembering to add it here. Times are ISO 8601 UTC.
 */
import { statement, type Db } from './database.js';

/** Tables read by name below (or holding secrets: `sessions` ids are token hashes). */
const KNOWN_TABLES = new Set(['users', 'sessions', 'memberships', 'invitations', 'documents', 'document_edits', 'document_updates', 'schema_migrations']);

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface ExportSession {
  createdAt: number;
  lastUsedAt: number;
  expiresAt: number;
  current: boolean;
}

/** The export body; `sessions` come from the session store (server/auth/sessions.ts). */
export function personalData(db: Db, userId: string, sessions: ExportSession[], now: number) {
  const account = statement(db, 'SELECT id, email, name, created_at AS createdAt FROM users WHERE id = ?').get(userId) as
    | { id: string; email: string; name: string; createdAt: number }
    | undefined;
  if (!account) return null;
  return {
    exportedAt: iso(now),
    account: { ...account, createdAt: iso(account.createdAt) },
    memberships: memberships(db, userId),
    sessions: sessions.map((s) => ({ createdAt: iso(s.createdAt), lastUsedAt: iso(s.lastUsedAt), expiresAt: iso(s.expiresAt), current: s.current })),
    invitationsSent: invitations(db, 'i.invited_by = ?', [userId], now),
    invitationsReceived: invitations(db, "i.accepted_by = ? OR (i.email = ? AND i.email <> '')", [userId, account.email], now),
    documentsCreated: (
      statement(db, 'SELECT id, workspace_id AS workspaceId, kind, title, created_at AS createdAt FROM documents WHERE created_by = ? ORDER BY created_at').all(userId) as Array<{
        createdAt: number;
      }>
    ).map((d) => ({ ...d, createdAt: iso(d.createdAt) })),
    edits: edits(db, userId),
    otherRecords: otherRecords(db, userId),
  };
}

function memberships(db: Db, userId: string) {
  const rows = statement(
    db,
    `SELECT w.id, w.name, m.role, m.created_at AS since FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
     WHERE m.user_id = ? ORDER BY w.name`,
  ).all(userId) as Array<{ id: string; name: string; role: string; since: number }>;
  return rows.map((r) => ({ workspace: { id: r.id, name: r.name }, role: r.role, since: iso(r.since) }));
}

interface InvitationRow {
  id: string;
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: string;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  revokedAt: number | null;
}

function invitations(db: Db, where: string, params: string[], now: number) {
  const rows = statement(
    db,
    `SELECT i.id, i.workspace_id AS workspaceId, w.name AS workspaceName, i.email, i.role, i.created_at AS createdAt,
            i.expires_at AS expiresAt, i.accepted_at AS acceptedAt, i.revoked_at AS revokedAt
     FROM invitations i JOIN workspaces w ON w.id = i.workspace_id WHERE ${where} ORDER BY i.created_at`,
  ).all(...params) as InvitationRow[];
  return rows.map((r) => ({
    id: r.id,
    workspace: { id: r.workspaceId, name: r.workspaceName },
    email: r.email,
    role: r.role,
    createdAt: iso(r.createdAt),
    expiresAt: iso(r.expiresAt),
    status: r.acceptedAt !== null ? 'used' : r.revokedAt !== null ? 'revoked' : r.expiresAt <= now ? 'expired' : 'pending',
  }));
}

/** Edits per document: the compacted counts plus the update log not yet compacted. */
function edits(db: Db, userId: string) {
  const rows = statement(
    db,
    `SELECT e.document_id AS id, d.title, SUM(e.updates) AS updates, MIN(e.first_at) AS firstAt, MAX(e.last_at) AS lastAt FROM (
       SELECT document_id, updates, first_at, last_at FROM document_edits WHERE user_id = ?
       UNION ALL SELECT document_id, 1, created_at, created_at FROM document_updates WHERE user_id = ?
     ) e JOIN documents d ON d.id = e.document_id GROUP BY e.document_id ORDER BY d.title`,
  ).all(userId, userId) as Array<{ id: string; title: string; updates: number; firstAt: number; lastAt: number }>;
  return rows.map((r) => ({ document: { id: r.id, title: r.title }, updates: r.updates, firstAt: iso(r.firstAt), lastAt: iso(r.lastAt) }));
}

/** The columns of every other table that point at a user: `[table, column]`. */
export function userColumns(db: Db): Array<[string, string]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
  const found: Array<[string, string]> = [];
  for (const { name } of tables) {
    if (KNOWN_TABLES.has(name)) continue;
    const keys = db.prepare(`PRAGMA foreign_key_list(${quote(name)})`).all() as Array<{ table: string; from: string }>;
    const columns = db.prepare(`PRAGMA table_info(${quote(name)})`).all() as Array<{ name: string }>;
    const pointing = new Set(keys.filter((k) => k.table === 'users').map((k) => k.from));
    for (const c of columns) if (c.name === 'user_id' || c.name.endsWith('_by')) pointing.add(c.name);
    for (const column of pointing) found.push([name, column]);
  }
  return found;
}

/** Rows of other tables that point at the user, as stored; binary cells become their size. */
function otherRecords(db: Db, userId: string): Record<string, unknown[]> {
  const byTable = new Map<string, string[]>();
  for (const [table, column] of userColumns(db)) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  const records: Record<string, unknown[]> = {};
  for (const [table, columns] of byTable) {
    const where = columns.map((column) => `${quote(column)} = ?`).join(' OR ');
    const rows = db.prepare(`SELECT * FROM ${quote(table)} WHERE ${where}`).all(...columns.map(() => userId)) as Array<Record<string, unknown>>;
    if (rows.length > 0) records[table] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? { bytes: v.length } : v])));
  }
  return records;
}

/** An SQL identifier from the schema, quoted. */
export function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
