/**
 * The per-field history call (DESIGN "Audit and exports", first bullet; docs/history.md):
 * `GET /api/documents/:doc/history` with its filters.
 */
import type { ChangeOp, ChangeValue } from '../../../shared/compare/types.js';
import { call } from '../../api.js';

/** One entry, newest first; `user` null: a change the server made (a migration, a restore). */
export interface HistoryEntry {
  /** ISO 8601 UTC. */
  at: string;
  user: { id: string; name: string } | null;
  op: ChangeOp;
  collection: string;
  id: string;
  label: string;
  /** Null for an added or removed item (its fields in `after`/`before`). */
  field: string | null;
  before: ChangeValue | null;
  after: ChangeValue | null;
}

/** The filters the route takes; `from`/`to` ISO 8601 times, `limit` 1–500 (100). */
export interface HistoryFilter {
  collection?: string;
  id?: string;
  field?: string;
  user?: string;
  from?: string;
  to?: string;
  limit?: number;
}

/** `?collection=…&…` for the filters that are set (empty strings are unset). */
export function historyQuery(filter: HistoryFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const historyApi = {
  entries: (documentId: string, filter: HistoryFilter = {}) =>
    call<{ entries: HistoryEntry[] }>('GET', `/documents/${encodeURIComponent(documentId)}/history${historyQuery(filter)}`),
};
