/**
 * What the server relays of an awareness state. The state is JSON a client wrote; the
 * parts others render are not the client's to choose: `user.id` and `user.name` come
 * from the account, `user.color` must be `#rrggbb` (a colour of
 * `red;position:fixed;inset:0;background:url(…)` landed in every other user's caret style).
 * Everything else (cursor, selection, the field being edited) is relayed as sent.
 */
import { colorFor, isPresenceColor, lightColorOf } from '../../shared/presence.js';

export interface Account {
  userId: string;
  name: string;
}

/** The relayed state's JSON text, "null" for a goodbye, or null when the state is dropped. */
export function sanitizeAwarenessState(json: string, account: Account, maxBytes: number): string | null {
  // JSON text is at least as long in UTF-8 bytes as in UTF-16 units; check units first.
  if (json.length > maxBytes || Buffer.byteLength(json) > maxBytes) return null;
  const state: unknown = JSON.parse(json);
  if (state === null) return 'null';
  if (!isRecord(state)) return null;
  const claimed = isRecord(state.user) ? state.user : {};
  const color = isPresenceColor(claimed.color) ? claimed.color.toLowerCase() : colorFor(account.userId);
  const user = { id: account.userId, name: account.name, color, colorLight: lightColorOf(color) };
  return JSON.stringify({ ...state, user });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
