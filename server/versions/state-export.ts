/**
 * A version's and a guest's `export.json` (DESIGN "Versions, changes, the live draft",
 * "Share links"): the same body as the live `GET …/export.json` (`{id, …document, totals?,
 * issues}`, server/export/build-export.ts), built through the server's export pool, so a
 * 20 000-item state is decoded and validated in an export thread, not on the event loop
 * the rooms share, and within the pool's bounds (503 `export.busy`, 429 per person).
 */
import { isLocale } from '../../shared/locale.js';
import type { ExportPool } from '../export/export-pool.js';

export interface StateExport {
  documentId: string;
  /** The state as a Yjs update, or a snapshot and the updates after it (the store's order). */
  updates: Uint8Array[];
  /** `YYYY-MM-DD`, for the deadline rules of `issues`. */
  today: string;
  /** ms since the epoch. */
  now: number;
  /** `?locale=` as sent: sv, nb or en; anything else is sv. */
  localeQuery: string | undefined;
}

/**
 * The export.json text of `state`, with `extra` members appended (a version's `version`).
 * `key` is whom the pool counts it for (a user id, or `share:<link>` for guests). Throws the
 * pool's AppErrors (429, 503, 413) and 500 `internal` for a state that holds no document.
 */
export async function stateExportJson(exports: ExportPool, state: StateExport, key: string, extra: Record<string, unknown> = {}): Promise<string> {
  const locale = isLocale(state.localeQuery) ? state.localeQuery : 'sv';
  const { body } = await exports.run({ documentId: state.documentId, updates: state.updates, format: 'json', today: state.today, now: state.now, locale }, key);
  const json = typeof body === 'string' ? body : new TextDecoder().decode(body);
  const members = Object.entries(extra).map(([name, value]) => `,${JSON.stringify(name)}:${JSON.stringify(value)}`).join('');
  // The body is one JSON object: its members go before the closing brace.
  return json.slice(0, json.lastIndexOf('}')) + members + '}';
}
