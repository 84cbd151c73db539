/**
 * What the server relays of an awareness state (DESIGN "Limits every boundary enforces",
 * awareness row: "the server rewrites or drops it; never relays it raw"). The state is JSON
 * a client wrote; every field of it is checked, one at a time, so a bad field goes and the
 * person's presence stays:
 * - `user` is rewritten: `id` and `name` come from the account, `user.color` must be
 *   `#rrggbb` (a colour of `red;position:fixed;inset:0;background:url(…)` landed in every
 *   other user's caret style).
 * - The fields this app's client writes (KNOWN_FIELDS: `cursor`, `editing`, `following`,
 *   `handRaisedAt`, `lowerHands`, `votingRound`) are checked for the shape peers act on;
 *   one that is not that shape is relayed as `null`, which every reader takes as absent.
 * - Any other field (another Yjs tool's) is relayed only when it is plain JSON whose keys
 *   and strings hold no character no text may hold (shared/strings.ts
 *   `hasForbiddenCharacter`: controls but TAB/LF/CR, DEL, C1, bidi overrides, lone
 *   surrogates — the rule document content follows, struct-content.ts) nested at most
 *   MAX_NESTING deep; otherwise it is dropped. Known fields must pass the same rule.
 * The whole state is at most `maxBytes` (MAX_AWARENESS_BYTES) or it is dropped.
 */
import { z } from 'zod';
import { colorFor, isPresenceColor, lightColorOf } from '../../shared/presence.js';
import { fitsLength, hasForbiddenCharacter } from '../../shared/strings.js';

export interface Account {
  userId: string;
  name: string;
}

/** Containers (objects, arrays) one field's value may nest: `{}` is 1, `{"a":[]}` is 2. */
export const MAX_NESTING = 8;
const MAX_EDITING_LENGTH = 300;

/**
 * The relayed state's JSON text, "null" for a goodbye, or null when the state is dropped
 * (over `maxBytes` UTF-8 bytes, or not an object). Throws on text that is not JSON.
 */
export function sanitizeAwarenessState(json: string, account: Account, maxBytes: number): string | null {
  // JSON text is at least as long in UTF-8 bytes as in UTF-16 units; check units first.
  if (json.length > maxBytes || Buffer.byteLength(json) > maxBytes) return null;
  const state: unknown = JSON.parse(json);
  if (state === null) return 'null';
  if (!isRecord(state)) return null;
  const checked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    if (key === 'user' || !isPlainKey(key)) continue;
    const check = KNOWN_FIELDS.get(key);
    if (check) checked[key] = isPlain(value, 0) ? check(value) : null;
    else if (isPlain(value, 0)) checked[key] = value;
  }
  checked.user = userOf(state.user, account);
  return JSON.stringify(checked);
}

function userOf(claimed: unknown, account: Account) {
  const wanted = isRecord(claimed) ? claimed.color : undefined;
  const color = isPresenceColor(wanted) ? wanted.toLowerCase() : colorFor(account.userId);
  return { id: account.userId, name: account.name, color, colorLight: lightColorOf(color) };
}

/** A key a peer may receive: no forbidden character, and not one that JSON readers treat as the prototype. */
function isPlainKey(key: string): boolean {
  return key !== '__proto__' && !hasForbiddenCharacter(key);
}

/**
 * Whether a parsed JSON value holds no forbidden character in any key or string and nests
 * at most MAX_NESTING containers from `depth`. Stops at the first container past the
 * limit, so its recursion is bounded however deep the client nested.
 */
export function isPlain(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return !hasForbiddenCharacter(value);
  if (value === null || typeof value !== 'object') return true;
  if (depth >= MAX_NESTING) return false;
  if (Array.isArray(value)) return value.every((item) => isPlain(item, depth + 1));
  return Object.entries(value).every(([key, item]) => isPlainKey(key) && isPlain(item, depth + 1));
}

/** A field's check: the value to relay (the value itself, or zod's parse of it), or null. */
type FieldCheck = (value: unknown) => unknown;

/** A zod schema as a field check: what parses is relayed as parsed (unknown keys stripped). */
const bySchema =
  (schema: z.ZodType): FieldCheck =>
  (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };

/** What client/components/facilitation/round-setup.ts publishes (`votingRound`), within routes/rounds.ts's limits. */
const RoundSetup = z.object({
  id: z.string().min(1).max(100),
  title: z.string().refine((title) => fitsLength(title, 200)),
  items: z.array(z.object({ collection: z.string().max(50), id: z.string().max(100) })).max(500),
  dotsPerPerson: z.number().int().min(1).max(20),
  maxPerItem: z.number().int().min(1).max(20).nullable(),
});

/** `userId@raisedAt` keys of hands a facilitator lowered (client/sync/session.ts `lowerHand`). */
const LoweredHands = z.array(z.string().max(300)).max(500);

/**
 * Every awareness field this app's client writes (grep `setLocalStateField` in client/),
 * with the shape its readers act on. `user` is rewritten apart (userOf).
 */
const KNOWN_FIELDS: ReadonlyMap<string, FieldCheck> = new Map<string, FieldCheck>([
  // y-codemirror's selection (caret-frame.ts): two Yjs relative positions every peer's editor resolves.
  ['cursor', (value) => (isCursor(value) ? value : null)],
  // The field someone is in (presence.ts setEditing).
  ['editing', (value) => (typeof value === 'string' && value.length <= MAX_EDITING_LENGTH ? value : null)],
  // Following the spotlight (session.ts setFollowing); absent or null reads as following.
  ['following', (value) => (typeof value === 'boolean' ? value : null)],
  // When the hand went up, server time as toISOString (session.ts setHand).
  ['handRaisedAt', bySchema(z.iso.datetime())],
  ['lowerHands', bySchema(LoweredHands)],
  ['votingRound', bySchema(RoundSetup)],
]);

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
