/**
 * Every personal datum held on one account, for `GET /api/me/export` (DESIGN "Accounts,
 * sessions": GDPR art. 15 and 20). The known tables are read by name; any other table with
 * a column pointing at users (a foreign key to `users`, or a column named `user_id` or
 * `*_by`) is found in the schema and its rows are included as stored, so a table added
 * later is exported without anyone remembering to add it here (read from SQLite's pragmas or
 * PostgreSQL's catalog, the one dialect-specific part). Times are ISO 8601 UTC. On the async
 * layer: the document tables are read with raw SQL both dialects accept.
 */
import { sql } from 'kysely';
import { dialectOf, type Kdb } from './kysely.js';

/** Tables read by name below (or holding secrets: `sessions` ids are token hashes). */
const KNOWN_TABLES = new Set(['users', 'sessions', 'memberships', 'invitations', 'documents', 'document_edits', 'document_updates', 'schema_migrations']);

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface ExportSession {
  createdAt: number;
  lastUsedAt: number;
  expiresAt: number;
  current: boolean;
}

/** The export body; `sessions` come from the session store (server/auth/sessions.ts). Null for an unknown user. */
export async function personalData(kdb: Kdb, userId: string, sessions: ExportSession[], now: number) {
  const account = await kdb.selectFrom('users').select(['id', 'email', 'name', 'created_at as createdAt']).where('id', '=', userId).executeTakeFirst();
  if (!account) return null;
  const documents = await sql<{ id: string; workspaceId: string; kind: string; title: string; createdAt: number }>`
    SELECT id, workspace_id AS "workspaceId", kind, title, created_at AS "createdAt" FROM documents WHERE created_by = ${userId} ORDER BY created_at, id`.execute(kdb);
  return {
    exportedAt: iso(now),
    account: { ...account, createdAt: iso(account.createdAt) },
    memberships: await memberships(kdb, userId),
    sessions: sessions.map((s) => ({ createdAt: iso(s.createdAt), lastUsedAt: iso(s.lastUsedAt), expiresAt: iso(s.expiresAt), current: s.current })),
    invitationsSent: await invitations(kdb, sql`i.invited_by = ${userId}`, now),
    invitationsReceived: await invitations(kdb, sql`(i.accepted_by = ${userId} OR (i.email = ${account.email} AND i.email <> ''))`, now),
    documentsCreated: documents.rows.map((d) => ({ ...d, createdAt: iso(d.createdAt) })),
    edits: await edits(kdb, userId),
    otherRecords: await otherRecords(kdb, userId),
  };
}

async function memberships(kdb: Kdb, userId: string) {
  const rows = await kdb
    .selectFrom('memberships as m')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .select(['w.id', 'w.name', 'm.role', 'm.created_at as since'])
    .where('m.user_id', '=', userId)
    .orderBy('w.name')
    .orderBy('w.id')
    .execute();
  return rows.map((r) => ({ workspace: { id: r.id, name: r.name }, role: r.role, since: iso(r.since) }));
}

async function invitations(kdb: Kdb, where: ReturnType<typeof sql>, now: number) {
  const rows = await kdb
    .selectFrom('invitations as i')
    .innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
    .select(['i.id', 'i.workspace_id as workspaceId', 'w.name as workspaceName', 'i.email', 'i.role', 'i.created_at as createdAt', 'i.expires_at as expiresAt', 'i.accepted_at as acceptedAt', 'i.revoked_at as revokedAt'])
    .where(where.$castTo<boolean>())
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute();
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
async function edits(kdb: Kdb, userId: string) {
  // SUM is NUMERIC on PostgreSQL (read as a string): cast back to an integer on both.
  const { rows } = await sql<{ id: string; title: string; updates: number; firstAt: number; lastAt: number }>`
    SELECT e.document_id AS id, d.title, CAST(SUM(e.updates) AS BIGINT) AS updates, MIN(e.first_at) AS "firstAt", MAX(e.last_at) AS "lastAt" FROM (
      SELECT document_id, updates, first_at, last_at FROM document_edits WHERE user_id = ${userId}
      UNION ALL SELECT document_id, 1, created_at, created_at FROM document_updates WHERE user_id = ${userId}
    ) e JOIN documents d ON d.id = e.document_id GROUP BY e.document_id, d.title ORDER BY d.title, e.document_id`.execute(kdb);
  return rows.map((r) => ({ document: { id: r.id, title: r.title }, updates: r.updates, firstAt: iso(r.firstAt), lastAt: iso(r.lastAt) }));
}

/** Every column that points at users: a foreign key to `users`, or named `user_id` / `*_by`; tables in the order they were created. */
async function pointingColumns(kdb: Kdb): Promise<Array<{ table: string; column: string }>> {
  const query =
    dialectOf(kdb) === 'sqlite'
      ? sql<{ table: string; column: string }>`
          SELECT m.name AS "table", c.name AS "column" FROM sqlite_master m JOIN pragma_table_info(m.name) c
          WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            AND (c.name = 'user_id' OR substr(c.name, -3) = '_by'
                 OR c.name IN (SELECT k."from" FROM pragma_foreign_key_list(m.name) k WHERE k."table" = 'users'))
          ORDER BY m.rowid, c.cid`
      : sql<{ table: string; column: string }>`
          SELECT c.table_name AS "table", c.column_name AS "column" FROM information_schema.columns c
          WHERE c.table_schema = current_schema()
            AND (c.column_name = 'user_id' OR right(c.column_name, 3) = '_by'
                 OR EXISTS (SELECT 1 FROM pg_constraint k WHERE k.contype = 'f' AND k.conrelid = to_regclass(quote_ident(c.table_name))
                            AND k.confrelid = 'users'::regclass AND c.ordinal_position = ANY (k.conkey)))
          ORDER BY to_regclass(quote_ident(c.table_name))::oid, c.ordinal_position`;
  return (await query.execute(kdb)).rows;
}

/** The columns of every other table that point at a user: `[table, column]`. */
export async function userColumns(kdb: Kdb): Promise<Array<[string, string]>> {
  return (await pointingColumns(kdb)).filter((c) => !KNOWN_TABLES.has(c.table)).map((c): [string, string] => [c.table, c.column]);
}

/** Rows of other tables that point at the user, as stored; binary cells become their size. */
async function otherRecords(kdb: Kdb, userId: string): Promise<Record<string, unknown[]>> {
  const byTable = new Map<string, string[]>();
  for (const [table, column] of await userColumns(kdb)) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  const records: Record<string, unknown[]> = {};
  for (const [table, columns] of byTable) {
    const where = sql.join(columns.map((column) => sql`${sql.ref(column)} = ${userId}`), sql` OR `);
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} WHERE ${where}`.execute(kdb);
    if (rows.length > 0) records[table] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Uint8Array ? { bytes: v.length } : v])));
  }
  return records;
}
