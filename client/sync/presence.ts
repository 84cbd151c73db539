/**
 * Who is in the document and which field each person is editing, from Yjs awareness.
 * `user` ({ name, color, colorLight }) is also what the text binding draws remote carets with.
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

const COLORS = ['#1f6feb', '#b3261e', '#0f7b3f', '#8a3ffc', '#b35900', '#00707a', '#a3195b', '#4b5563'];

/** A stable colour per user, so people keep their colour across sessions. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length] ?? '#1f6feb';
}

export function announce(awareness: Awareness, user: { id: string; name: string }): void {
  const color = colorFor(user.id);
  awareness.setLocalStateField('user', { id: user.id, name: user.name, color, colorLight: `${color}33` });
}

export function setEditing(awareness: Awareness, field: string | null): void {
  if (awareness.getLocalState()?.editing !== field) awareness.setLocalStateField('editing', field);
}

export function createPresence(awareness: Awareness): Accessor<Peer[]> {
  const read = (): Peer[] =>
    [...awareness.getStates().entries()]
      .filter(([, state]) => state.user)
      .map(([clientId, state]) => ({
        clientId,
        name: String(state.user.name ?? '?'),
        color: String(state.user.color ?? '#4b5563'),
        editing: typeof state.editing === 'string' ? state.editing : null,
        self: clientId === awareness.clientID,
      }))
      .sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
  const [peers, setPeers] = createSignal(read());
  const onChange = () => setPeers(read());
  awareness.on('change', onChange);
  onCleanup(() => awareness.off('change', onChange));
  return peers;
}
