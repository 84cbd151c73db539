/**
 * Who is in the document and which field each person is editing, from Yjs awareness.
 * `user` ({ name, color, colorLight }) is also what the text binding draws remote carets with.
 *
 * Awareness is whatever a peer sent (issue 15 item 4): a `color` of
 * `red;position:fixed;inset:0;background:url(…)` would become a full-screen overlay and a
 * request to a foreign host wherever it reaches a style. So every value read from a remote
 * state passes `safeColor` / `safeName` here, before any component or the text binding
 * sees it; names are only ever rendered as text.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';

export interface Peer {
  clientId: number;
  name: string;
  color: string;
  /** The field this person is in, as `collection:id:field`, or null. */
  editing: string | null;
  self: boolean;
}

/** The colour shown for a peer whose colour is not `#rrggbb`. */
export const FALLBACK_COLOR = '#4b5563';
const MAX_NAME_LENGTH = 80;

const COLORS = ['#1f6feb', '#b3261e', '#0f7b3f', '#8a3ffc', '#b35900', '#00707a', '#a3195b', '#4b5563'];

/** A stable colour per user, so people keep their colour across sessions. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length] ?? '#1f6feb';
}

/** `value` if it is exactly `#rrggbb`, else the fallback colour: nothing else may reach a style. */
export function safeColor(value: unknown): string {
  return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? value : FALLBACK_COLOR;
}

/** A peer's name as plain text: no control or direction-override characters, at most 80 characters, '?' if none. */
export function safeName(value: unknown): string {
  if (typeof value !== 'string') return '?';
  const text = value.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
  return Array.from(text).slice(0, MAX_NAME_LENGTH).join('') || '?';
}

/** The `user` of an awareness state as the text binding draws it: a safe name and colours derived from a safe colour. */
export function safeUser(user: unknown): { name: string; color: string; colorLight: string } {
  const fields = typeof user === 'object' && user !== null ? (user as Record<string, unknown>) : {};
  const color = safeColor(fields.color);
  return { name: safeName(fields.name), color, colorLight: `${color}33` };
}

/**
 * What y-codemirror.next reads of the awareness, with every state's `user` sanitized: it
 * builds `style` strings from `user.color` and `user.colorLight`. Local writes (the cursor)
 * and change events go to the real awareness.
 */
export function caretAwareness(awareness: Awareness) {
  return {
    get doc() {
      return awareness.doc;
    },
    get clientID() {
      return awareness.clientID;
    },
    getLocalState: () => awareness.getLocalState(),
    setLocalStateField: (field: string, value: unknown) => awareness.setLocalStateField(field, value),
    getStates: (): Map<number, Record<string, unknown>> => new Map([...awareness.getStates()].map(([clientId, state]) => [clientId, { ...state, user: safeUser(state.user) }])),
    on: (...args: Parameters<Awareness['on']>) => awareness.on(...args),
    off: (...args: Parameters<Awareness['off']>) => awareness.off(...args),
  };
}

export function announce(awareness: Awareness, user: { id: string; name: string }): void {
  const color = colorFor(user.id);
  awareness.setLocalStateField('user', { id: user.id, name: user.name, color, colorLight: `${color}33` });
}

export function setEditing(awareness: Awareness, field: string | null): void {
  if (awareness.getLocalState()?.editing !== field) awareness.setLocalStateField('editing', field);
}

/** Two peer lists that show the same: same people, names, colours and fields, in order. */
export function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  return a.length === b.length && a.every((p, i) => {
    const q = b[i];
    return q !== undefined && p.clientId === q.clientId && p.name === q.name && p.color === q.color && p.editing === q.editing && p.self === q.self;
  });
}

export function createPresence(awareness: Awareness): Accessor<Peer[]> {
  const read = (): Peer[] =>
    [...awareness.getStates().entries()]
      .filter(([, state]) => state.user)
      .map(([clientId, state]) => ({
        clientId,
        name: safeName(state.user.name),
        color: safeColor(state.user.color),
        editing: typeof state.editing === 'string' ? state.editing : null,
        self: clientId === awareness.clientID,
      }))
      .sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
  // Awareness changes with every caret move; every field reads this list, so it only
  // changes when who is here, their name, colour or field does (issue 17 item 14).
  const [peers, setPeers] = createSignal(read(), { equals: samePeers });
  const onChange = () => setPeers(read());
  awareness.on('change', onChange);
  onCleanup(() => awareness.off('change', onChange));
  return peers;
}
