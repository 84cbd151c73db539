/**
 * Numbered schema migrations, run in order at start-up inside one transaction each.
 * Never edit a published migration: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: accounts, sessions (Lucia's shape), workspaces, documents and their storage.
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT NOT NULL DEFAULT 'SE',
    created_at INTEGER NOT NULL
  );
  CREATE TABLE memberships (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('coordinator', 'editor', 'viewer')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
  );
  CREATE INDEX memberships_user ON memberships(user_id);
  CREATE TABLE invitations (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    email TEXT NOT NULL COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('coordinator', 'editor', 'viewer')),
    invited_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, email)
  );
  CREATE INDEX invitations_email ON invitations(email);
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('action-plan', 'strategy', 'agenda')),
    title TEXT NOT NULL,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX documents_workspace ON documents(workspace_id);
  -- The update log: every Yjs update, who made it and when, until compacted into a snapshot.
  CREATE TABLE document_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    user_id TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX document_updates_document ON document_updates(document_id, id);
  CREATE TABLE document_snapshots (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    last_update_id INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  -- Who edited when, kept when the update log is compacted away.
  CREATE TABLE document_edits (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    user_id TEXT,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    updates INTEGER NOT NULL
  );
  CREATE INDEX document_edits_document ON document_edits(document_id);
  CREATE TABLE tickets (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
  );
  `,
  // The schema version of the code that wrote a snapshot (after migrating the document).
  // A snapshot at the current version can be served to joiners as it is stored.
  `ALTER TABLE document_snapshots ADD COLUMN schema_version INTEGER;`,
  // Websocket tickets live in the server's memory now (server/auth/tickets.ts).
  `DROP TABLE tickets;`,
  // Invitations are links (DESIGN "Invitations are links"): a random token, stored hashed,
  // accepted once by whoever holds it. The old rows were keyed by email alone and joined
  // whoever signed up with that string; no one holds a link to them, so they cannot be
  // carried over: they are dropped, and coordinators invite again. A used, revoked or
  // expired row is kept, so its link answers 410 rather than 404.
  `
  DROP TABLE invitations;
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    email TEXT NOT NULL COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('coordinator', 'editor', 'viewer')),
    token_hash TEXT NOT NULL UNIQUE,
    invited_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accepted_at INTEGER,
    accepted_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    revoked_at INTEGER
  );
  CREATE INDEX invitations_workspace ON invitations(workspace_id);
  `,
  // Sessions with an absolute and an idle limit (DESIGN "Accounts, sessions"; issue 16
  // item 8), checked against the injected clock, in milliseconds like every other time.
  // Lucia kept one sliding `expires_at` in seconds, 30 days after the session's last
  // extension: that moment becomes both its start and its last use, so no carried-over
  // session lives longer than it would have. `deleted_at` marks an account deleted at its
  // owner's request: the row stays as an anonymous tombstone so edits keep an author.
  `
  CREATE TABLE sessions_v5 (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL
  );
  INSERT INTO sessions_v5 (id, user_id, created_at, last_used_at)
    SELECT id, user_id, (expires_at - 2592000) * 1000, (expires_at - 2592000) * 1000 FROM sessions;
  DROP TABLE sessions;
  ALTER TABLE sessions_v5 RENAME TO sessions;
  CREATE INDEX sessions_user ON sessions(user_id);
  ALTER TABLE users ADD COLUMN deleted_at INTEGER;
  `,
  // Versions, visits and share links (DESIGN "Versions, changes, the live draft", "Share
  // links"; docs/versions.md). A version holds the document's full state, compacted when
  // it was made, so it opens without any other row. A visit holds the state the member
  // saw last (one row per member and document, replaced on each visit). Share-link tokens
  // are stored as SHA-256 only; a revoked or expired row stays so its link answers 410.
  `
  CREATE TABLE document_versions (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('named', 'auto')),
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    decision_body TEXT,
    decision_date TEXT,
    decision_reference TEXT,
    data BLOB NOT NULL
  );
  CREATE INDEX document_versions_document ON document_versions(document_id, created_at);
  CREATE TABLE document_visits (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    visited_at INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (document_id, user_id)
  );
  CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER,
    last_used_at INTEGER
  );
  CREATE INDEX share_links_document ON share_links(document_id);
  `,
  // Workspace audit log and the document lifecycle (DESIGN "Audit and exports";
  // docs/lifecycle.md). Audit rows keep the actor by id (accounts are tombstoned, never
  // deleted) and a target label as it was. A document is archived (read-only, listed apart)
  // or deleted (404 for everyone, restorable for 30 days, then purged) by marking its row.
  `
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    actor_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    target_label TEXT,
    details TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX audit_log_workspace ON audit_log(workspace_id, at);
  ALTER TABLE documents ADD COLUMN archived_at INTEGER;
  ALTER TABLE documents ADD COLUMN archived_by TEXT REFERENCES users(id) ON DELETE SET NULL;
  ALTER TABLE documents ADD COLUMN deleted_at INTEGER;
  ALTER TABLE documents ADD COLUMN deleted_by TEXT REFERENCES users(id) ON DELETE SET NULL;
  CREATE INDEX documents_deleted ON documents(deleted_at) WHERE deleted_at IS NOT NULL;
  `,
  // Per-field history (DESIGN "Audit and exports"; docs/history.md): one row per change of
  // one field (or one added/removed item), derived off the edit path from the update log
  // by server/history/deriver.ts, kept when the log is compacted. history_cursor is the
  // newest update id derived: it starts at the log's newest update, so history begins now.
  `
  CREATE TABLE document_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    user_id TEXT,
    op TEXT NOT NULL CHECK (op IN ('added', 'removed', 'changed', 'moved')),
    collection TEXT NOT NULL,
    item_id TEXT NOT NULL,
    label TEXT NOT NULL,
    field TEXT,
    before TEXT,
    after TEXT,
    update_id INTEGER NOT NULL
  );
  CREATE INDEX document_history_time ON document_history(document_id, at, id);
  CREATE INDEX document_history_item ON document_history(document_id, collection, item_id, field, id);
  CREATE INDEX document_history_user ON document_history(document_id, user_id, at);
  CREATE TABLE history_cursor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_update_id INTEGER NOT NULL
  );
  INSERT INTO history_cursor (id, last_update_id) SELECT 1, COALESCE(MAX(id), 0) FROM document_updates;
  `,
  // Dot-vote rounds (DESIGN "Facilitation"; docs/facilitation.md): the round's set-up and,
  // once closed, its ranked results; one ballot per person per round, replaced on each vote.
  // Ballots live here only, never in the shared document.
  `
  CREATE TABLE vote_rounds (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    items TEXT NOT NULL,
    dots_per_person INTEGER NOT NULL,
    max_per_item INTEGER,
    anonymous INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    closed_at INTEGER,
    results TEXT
  );
  CREATE INDEX vote_rounds_document ON vote_rounds(document_id, created_at);
  CREATE TABLE vote_ballots (
    round_id TEXT NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    dots TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (round_id, user_id)
  );
  `,
  // Issue 18 follow-up: a "Före återställning" version names the version that was restored
  // over it, so other members can be told "återställdes till … av …".
  `ALTER TABLE document_versions ADD COLUMN restore_of TEXT;`,
  // Issue 21 (docs/database.md): versions made in the same millisecond keep the order they
  // were made in on PostgreSQL too, which has no rowid: a per-document sequence number,
  // set by the insert itself. Existing rows take their rowid (same order as before).
  `
  ALTER TABLE document_versions ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
  UPDATE document_versions SET seq = rowid;
  `,
  // Issue 21: ballots list in the order people first voted on PostgreSQL too (no rowid):
  // the time of the first vote, kept when a ballot is replaced; ties by user id.
  // Existing rows keep their last vote's time (the nearest that is known).
  `
  ALTER TABLE vote_ballots ADD COLUMN first_at INTEGER NOT NULL DEFAULT 0;
  UPDATE vote_ballots SET first_at = updated_at;
  `,
  // Issue 21: per-address limits shared by every process on PostgreSQL (docs/database.md
  // "Rate limits"): one row per key and fixed window, counted with an atomic upsert.
  `
  CREATE TABLE rate_limits (
    key TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
  );
  CREATE INDEX rate_limits_window ON rate_limits(window_start);
  `,
  // Issue 21 (docs/cluster.md): websocket tickets shared by every process on PostgreSQL, since
  // a ticket asked of one process is redeemed at the document's owner. Redeeming deletes the
  // row (DELETE … RETURNING: single use). One process keeps them in memory (auth/tickets.ts).
  `
  CREATE TABLE websocket_tickets (
    hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL,
    session_id TEXT,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX websocket_tickets_user ON websocket_tickets(user_id, expires_at);
  CREATE INDEX websocket_tickets_expiry ON websocket_tickets(expires_at);
  `,
  // Issue 21: the log-in throttle shared by every process on PostgreSQL (docs/database.md
  // "Rate limits across processes"): its delay runs from the last failure, so a count row
  // keeps when that was (ms; 0 for the fixed-window limits, which do not need it).
  `
  ALTER TABLE rate_limits ADD COLUMN last_at INTEGER NOT NULL DEFAULT 0;
  `,
];
