/**
 * The audit log's store on both dialects (server/audit/store.ts; DESIGN "Audit and
 * exports"): entries newest first (same time: the later one first), `from`/`to` inclusive,
 * `limit`; details as given; a member's or an invitation's label read at listing time, never
 * stored (an erased account reads "Borttagen användare", as does an erased actor); the server
 * as actor is `null`.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditAction, auditEntries, recordAudit } from '../../server/audit/index.js';
import { DELETED_USER_NAME } from '../../server/db/users.js';
import { STORE_FACTORIES, type StoreFixture } from '../support/document-stores.js';

describe.each(STORE_FACTORIES)('the audit log on $name', ({ open }) => {
  let f: StoreFixture;
  beforeAll(async () => {
    f = await open();
    await sql`INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'ann@x.se', 'Ann', 'x', 0), ('u2', 'bo@x.se', 'Bo', 'x', 0)`.execute(f.kdb);
    await sql`INSERT INTO invitations (id, workspace_id, email, role, token_hash, created_at, expires_at) VALUES ('i1', 'w1', 'cia@x.se', 'editor', 'h', 0, 9)`.execute(f.kdb);
    const entries: Array<[number, string | null, Parameters<typeof recordAudit>[1]['action'], Parameters<typeof recordAudit>[1]['target'], Record<string, string | number | boolean | null>?]> = [
      [100, 'u1', AuditAction.DocumentExported, { type: 'document', id: 'd1', label: 'Plan' }, { format: 'xlsx', n: 2, ok: true, none: null }],
      [200, 'u1', AuditAction.MemberRoleChanged, { type: 'member', id: 'u2', label: 'Bo stored?' }, { from: 'viewer', to: 'editor' }],
      [200, 'u2', AuditAction.InvitationCreated, { type: 'invitation', id: 'i1', label: 'cia@x.se' }],
      [300, null, AuditAction.DocumentPurged, { type: 'document', id: 'd2', label: 'Gammal' }],
    ];
    for (const [at, actorId, action, target, details] of entries) await recordAudit(f.kdb, { workspaceId: 'w1', actorId, action, target, details }, at);
  }, 60_000);
  afterAll(() => f?.close());

  const list = (query: { limit: number; from?: number; to?: number }) => auditEntries(f.kdb, 'w1', query);

  it('lists newest first, the later of one time first, with details and labels as they are now', async () => {
    const entries = await list({ limit: 10 });
    expect(entries.map((e) => [e.at, e.action, e.actor?.name ?? null, e.target.label])).toEqual([
      [new Date(300).toISOString(), AuditAction.DocumentPurged, null, 'Gammal'],
      [new Date(200).toISOString(), AuditAction.InvitationCreated, 'Bo', 'cia@x.se'],
      [new Date(200).toISOString(), AuditAction.MemberRoleChanged, 'Ann', 'Bo'],
      [new Date(100).toISOString(), AuditAction.DocumentExported, 'Ann', 'Plan'],
    ]);
    expect(entries[3]?.details).toEqual({ format: 'xlsx', n: 2, ok: true, none: null });
    expect(entries[0]?.actor).toBeNull();
  });

  it('keeps to from/to (inclusive) and the limit', async () => {
    expect((await list({ limit: 10, from: 200, to: 200 })).map((e) => e.action)).toEqual([AuditAction.InvitationCreated, AuditAction.MemberRoleChanged]);
    expect((await list({ limit: 1, to: 250 })).map((e) => e.action)).toEqual([AuditAction.InvitationCreated]);
  });

  it('an erased account reads as deleted, as actor and as member; personal labels were never stored', async () => {
    await sql`UPDATE users SET name = ${DELETED_USER_NAME}, deleted_at = 1 WHERE id = 'u2'`.execute(f.kdb);
    const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM audit_log WHERE target_label IS NOT NULL AND target_type IN ('member', 'invitation')`.execute(f.kdb);
    expect(Number(rows[0]?.n)).toBe(0);
    const entries = await list({ limit: 10, from: 200, to: 200 });
    expect(entries.map((e) => [e.actor?.name, e.target.label])).toEqual([
      [DELETED_USER_NAME, 'cia@x.se'],
      ['Ann', DELETED_USER_NAME],
    ]);
  });
});
