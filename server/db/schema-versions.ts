/**
 * The tables of versions, visits, dot-vote rounds and the per-field history as Kysely sees
 * them (server/db/schema.ts `Tables`). Times in ms since the epoch (BIGINT on PostgreSQL,
 * read back as numbers); binary columns are Buffers on both dialects.
 */
import type { Generated } from 'kysely';

export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  kind: 'named' | 'auto';
  name: string;
  created_at: number;
  created_by: string | null;
  decision_body: string | null;
  decision_date: string | null;
  decision_reference: string | null;
  data: Uint8Array;
  restore_of: string | null;
  /** Order of making within the document (migration 11): ties of `created_at` on both dialects. */
  seq: Generated<number>;
}

export interface DocumentVisitsTable {
  document_id: string;
  user_id: string;
  visited_at: number;
  data: Uint8Array;
}

export interface VoteRoundsTable {
  id: string;
  document_id: string;
  title: string;
  /** JSON `RoundItem[]`. */
  items: string;
  dots_per_person: number;
  max_per_item: number | null;
  /** 0 or 1. */
  anonymous: number;
  status: 'open' | 'closed';
  created_by: string | null;
  created_at: number;
  closed_at: number | null;
  /** JSON `RoundResult[]` once closed. */
  results: string | null;
}

export interface VoteBallotsTable {
  round_id: string;
  user_id: string;
  /** JSON `Dots`. */
  dots: string;
  updated_at: number;
  /** When the person first voted in the round (migration 12): the ballots' order. */
  first_at: number;
}

export interface DocumentHistoryTable {
  id: Generated<number>;
  document_id: string;
  at: number;
  user_id: string | null;
  op: 'added' | 'removed' | 'changed' | 'moved';
  collection: string;
  item_id: string;
  label: string;
  field: string | null;
  /** JSON value or null. */
  before: string | null;
  after: string | null;
  update_id: number;
}

export interface HistoryCursorTable {
  id: number;
  last_update_id: number;
}

/** Requests per key and fixed window (migration 13; server/http/shared-limit.ts). */
export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
  /** The last failure a throttle row counts, ms (migration 15); 0 on fixed-window rows. */
  last_at: Generated<number>;
}
