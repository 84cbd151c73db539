/**
 * The tables as Kysely sees them (server/db/kysely.ts), added as modules move to the async
 * layer (docs/database.md "Conversion plan"). Times are integers in ms since the epoch on
 * both dialects (BIGINT on PostgreSQL, read back as numbers).
 */
import type { DocumentEditsTable, DocumentSnapshotsTable, DocumentsTable, DocumentUpdatesTable, ShareLinksTable } from './schema-documents.js';

export interface UsersTable {
  id: string;
  /** Compared case-insensitively: COLLATE NOCASE on SQLite, the `nocase` ICU collation on PostgreSQL. */
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
  /** Set when the account was deleted at its owner's request (the row stays as a tombstone). */
  deleted_at: number | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token. */
  id: string;
  user_id: string;
  created_at: number;
  last_used_at: number;
}

export interface SchemaMigrationsTable {
  version: number;
  applied_at: number;
}

import type { InvitationsTable, MembershipsTable, WorkspacesTable } from './schema-workspaces.js';
import type { DocumentHistoryTable, DocumentVersionsTable, DocumentVisitsTable, HistoryCursorTable, RateLimitsTable, VoteBallotsTable, VoteRoundsTable } from './schema-versions.js';

/** Every table converted so far. */
export interface Tables {
  documents: DocumentsTable;
  document_updates: DocumentUpdatesTable;
  document_snapshots: DocumentSnapshotsTable;
  document_edits: DocumentEditsTable;
  share_links: ShareLinksTable;
  users: UsersTable;
  sessions: SessionsTable;
  schema_migrations: SchemaMigrationsTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  document_versions: DocumentVersionsTable;
  document_visits: DocumentVisitsTable;
  vote_rounds: VoteRoundsTable;
  vote_ballots: VoteBallotsTable;
  document_history: DocumentHistoryTable;
  history_cursor: HistoryCursorTable;
  rate_limits: RateLimitsTable;
  websocket_tickets: WebsocketTicketsTable;
}

/** Tickets shared by every process (issue 21; server/cluster/shared-tickets.ts); the key is the ticket's SHA-256. */
export interface WebsocketTicketsTable {
  hash: string;
  user_id: string;
  document_id: string;
  session_id: string | null;
  expires_at: number;
}
