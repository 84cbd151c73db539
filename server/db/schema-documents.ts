/**
 * The document tables as Kysely sees them (server/db/schema.ts `Tables`): the document rows,
 * the update log, snapshots and the edit summaries compaction keeps. Times in ms since the
 * epoch; binary columns are BLOB on SQLite, BYTEA on PostgreSQL (read back as Buffers).
 */
import type { Generated } from 'kysely';

export interface DocumentsTable {
  id: string;
  workspace_id: string;
  kind: 'action-plan' | 'strategy' | 'agenda';
  title: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
  archived_by: string | null;
  deleted_at: number | null;
  deleted_by: string | null;
}

/** The update log: one Yjs update per row, ids increasing in commit order per document. */
export interface DocumentUpdatesTable {
  id: Generated<number>;
  document_id: string;
  data: Uint8Array;
  user_id: string | null;
  created_at: number;
}

export interface DocumentSnapshotsTable {
  document_id: string;
  data: Uint8Array;
  /** The newest update id the snapshot covers: the log keeps only later ones. */
  last_update_id: number;
  updated_at: number;
  schema_version: number | null;
}

/** Who edited when, summarised from the log rows a compaction drops. */
export interface DocumentEditsTable {
  document_id: string;
  user_id: string | null;
  first_at: number;
  last_at: number;
  updates: number;
}

/** Share links (DESIGN "Share links"): the token is kept only as its SHA-256. */
export interface ShareLinksTable {
  id: string;
  document_id: string;
  label: string;
  token_hash: string;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
}
