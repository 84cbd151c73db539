/**
 * The workspace audit log (DESIGN "Audit and exports": `GET /api/workspaces/:ws/audit`).
 * One row per action a person (or the server, `actorId: null`) took on the workspace's
 * members, invitations, share links, versions, exports and documents. Rows are only added,
 * never changed; they go with their workspace. Actors are kept by id: a deleted account is a
 * tombstone row named "Borttagen användare", so its entries keep an author without a name.
 *
 * Personal data is never copied into the log (GDPR art. 17: an erased account must leave no
 * name or address behind): a member's or an invitation's label is not stored but read at
 * listing time from the account (a tombstone reads "Borttagen användare") or the invitation
 * (whose address is cleared when used, and deleted with the account it was for).
 */
import { sql, type Kysely } from 'kysely';
import { Limits } from '../../shared/limits.js';
import { cutToLength } from '../../shared/strings.js';
import type { Tables } from '../db/schema.js';
import { DELETED_USER_NAME } from '../db/users.js';
import type { AuditActionName, AuditTarget, AuditTargetType } from './actions.js';

/** Small flat facts about an action (`{from: "editor", to: "coordinator"}`, `{format: "xlsx"}`). */
export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditInput {
  workspaceId: string;
  /** Who did it; `null` for the server itself (the trash sweep). */
  actorId: string | null;
  action: AuditActionName;
  target: AuditTarget;
  details?: AuditDetails;
}

export interface AuditEntry {
  /** ISO 8601 UTC. */
  at: string;
  actor: { id: string; name: string } | null;
  action: AuditActionName;
  target: { type: AuditTargetType; id: string; label: string | null };
  details: AuditDetails;
}

/**
 * Appends one entry to the workspace's audit log at `now` (ms since the epoch, the
 * injected clock), on SQLite or PostgreSQL (`kdb`). Cheap (one INSERT), so a route awaits
 * it right after the change it records, inside the same request. Never throws for a
 * well-typed input (but for the database failing).
 *
 * @example await recordAudit(deps.kdb, { workspaceId, actorId: user.id, action: AuditAction.DocumentExported,
 *   target: { type: 'document', id, label: title }, details: { format: 'xlsx' } }, clock.now())
 */
export async function recordAudit(kdb: Kysely<Tables>, input: AuditInput, now: number): Promise<void> {
  const label = PERSONAL_TARGETS.has(input.target.type) ? null : bounded(input.target.label ?? null);
  const details = JSON.stringify(boundedDetails(input.details ?? {}));
  await sql`INSERT INTO audit_log (workspace_id, at, actor_id, action, target_type, target_id, target_label, details)
    VALUES (${input.workspaceId}, ${now}, ${input.actorId}, ${input.action}, ${input.target.type}, ${input.target.id}, ${label}, ${details})`.execute(kdb);
}

/**
 * Every text an entry keeps is cut to a name's length on whole characters: a title set over
 * the websocket can be megabytes, and each export of it would otherwise store it again
 * (red team: 60 exports of a 1 MB title made one audit page 64 MB).
 */
function bounded<T extends string | null>(text: T): T {
  return (typeof text === 'string' ? cutToLength(text, Limits.maxNameLength) : text) as T;
}

function boundedDetails(details: AuditDetails): AuditDetails {
  return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, typeof value === 'string' ? bounded(value) : value])) as AuditDetails;
}

/** Targets whose label is a person's name or address: looked up when listed, never stored. */
const PERSONAL_TARGETS: ReadonlySet<AuditTargetType> = new Set(['member', 'invitation']);

export interface AuditQuery {
  /** At most this many entries (newest first). */
  limit: number;
  /** Inclusive lower bound, ms since the epoch. */
  from?: number;
  /** Inclusive upper bound, ms since the epoch. */
  to?: number;
}

interface AuditRow {
  at: number;
  actorId: string | null;
  actorName: string | null;
  actorDeleted: number | null;
  action: AuditActionName;
  targetType: AuditTargetType;
  targetId: string;
  targetLabel: string | null;
  details: string;
}

/** The workspace's entries, newest first, within `from`–`to` (both inclusive, ms). */
export async function auditEntries(kdb: Kysely<Tables>, workspaceId: string, query: AuditQuery): Promise<AuditEntry[]> {
  // Raw SQL: the invitations table is not among the converted tables' types yet.
  const { rows } = await sql<AuditRow>`SELECT a.at, a.actor_id AS "actorId", u.name AS "actorName", u.deleted_at AS "actorDeleted", a.action,
            a.target_type AS "targetType", a.target_id AS "targetId", a.details,
            COALESCE(a.target_label, CASE WHEN t.deleted_at IS NOT NULL THEN ${DELETED_USER_NAME} ELSE t.name END, NULLIF(i.email, '')) AS "targetLabel"
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       LEFT JOIN users t ON a.target_type = 'member' AND t.id = a.target_id
       LEFT JOIN invitations i ON a.target_type = 'invitation' AND i.id = a.target_id
     WHERE a.workspace_id = ${workspaceId} AND a.at >= ${query.from ?? 0} AND a.at <= ${query.to ?? Number.MAX_SAFE_INTEGER}
     ORDER BY a.at DESC, a.id DESC LIMIT ${query.limit}`.execute(kdb);
  return rows.map(toEntry);
}

function toEntry(row: AuditRow): AuditEntry {
  const actor =
    row.actorId === null
      ? null
      : { id: row.actorId, name: row.actorDeleted !== null || row.actorName === null ? DELETED_USER_NAME : row.actorName };
  return {
    at: new Date(row.at).toISOString(),
    actor,
    action: row.action,
    target: { type: row.targetType, id: row.targetId, label: row.targetLabel },
    details: JSON.parse(row.details) as AuditDetails,
  };
}
