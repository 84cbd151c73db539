/**
 * What the server relays of an awareness state. The state is JSON a client wrote; the
 * parts others render are not the client's to choose: `user.id` and `user.name` come
 * from the account, `user.color` must be `#rrggbb` (a colour of
 * `red;position:fixed;inset:0;background:url(…)` landed in every other user's caret style).
 * The fields peers' editors act on are checked for shape: `cursor` (y-codemirror's
 * selection, two Yjs relative positions its remote-caret plugin resolves in every peer's
 * editor) is dropped unless well-formed, and `editing` (the field someone is in) must be
 * a short string. Other fields are relayed as the client wrote them, re-serialised.
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
  const checked: Record<string, unknown> = { ...state, user };
  if ('cursor' in state && state.cursor !== null && !isCursor(state.cursor)) checked.cursor = null;
  if ('editing' in state && !(state.editing === null || (typeof state.editing === 'string' && state.editing.length <= MAX_EDITING_LENGTH))) checked.editing = null;
  return JSON.stringify(checked);
}

const MAX_EDITING_LENGTH = 300;

function isCursor(value: unknown): boolean {
  return isRecord(value) && isRelativePosition(value.anchor) && isRelativePosition(value.head);
}

/** Yjs's `RelativePosition` as JSON: `{type?, tname?, item?, assoc?}` with ids of two naturals. */
function isRelativePosition(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { type, tname, item, assoc } = value;
  return (
    (type == null || isId(type)) &&
    (tname == null || (typeof tname === 'string' && tname.length <= 200)) &&
    (item == null || isId(item)) &&
    (assoc == null || assoc === -1 || assoc === 0 || assoc === 1)
  );
}

function isId(value: unknown): boolean {
  return isRecord(value) && isNatural(value.client) && isNatural(value.clock);
}

function isNatural(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
