/**
 * The workspace tables as Kysely sees them (server/db/schema.ts `Tables`): workspaces, their
 * members and invitation links. Times in ms since the epoch (BIGINT on PostgreSQL, read back
 * as numbers); roles are checked by the tables' CHECK constraints.
 */
import type { Role } from '../../shared/roles.js';

export interface WorkspacesTable {
  id: string;
  name: string;
  country: string;
  created_at: number;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: number;
}

/** One invitation link; its token is stored only as a SHA-256 (`token_hash`). */
export interface InvitationsTable {
  id: string;
  workspace_id: string;
  /** Compared case-insensitively (NOCASE / the `nocase` collation); '' once accepted. */
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  accepted_by: string | null;
  revoked_at: number | null;
}
