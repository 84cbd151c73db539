/**
 * Who is in a room and where their cursor is: the awareness states of y-protocols, kept
 * as the JSON text clients sent. The server only relays presence, so it never needs the
 * parsed objects; y-protocols' `Awareness` parsed every update into an object tree that
 * lived about a second (one update per client per second), long enough to be copied by the
 * young-generation GC, and re-encoded each one for the broadcast. Here a state is checked
 * to be JSON, stored as its text, and relayed as the bytes that came in. The rules for
 * which update wins are y-protocols' own (`applyAwarenessUpdate`).
 */
import type { AwarenessEntry } from './protocol.js';

/** A state not renewed for this long is not sent to new joiners (y-protocols' outdatedTimeout). */
export const OUTDATED_MS = 30_000;
const NULL_STATE = 'null';

interface Stored {
  clock: number;
  /** JSON text, or null once the client has left. */
  state: string | null;
  updatedAt: number;
}

export class Presence {
  private readonly entries = new Map<number, Stored>();

  /**
   * Applies entries as y-protocols does and returns those that changed something, to be
   * relayed. Throws when a state is not JSON (the caller closes that client).
   */
  apply(entries: readonly AwarenessEntry[], now: number): AwarenessEntry[] {
    for (const entry of entries) JSON.parse(entry.state);
    const relay: AwarenessEntry[] = [];
    for (const entry of entries) {
      const current = this.entries.get(entry.clientId);
      const leaving = entry.state === NULL_STATE;
      const currentClock = current?.clock ?? 0;
      const newer = currentClock < entry.clock || (currentClock === entry.clock && leaving && current?.state != null);
      if (!newer) continue;
      this.entries.set(entry.clientId, { clock: entry.clock, state: leaving ? null : entry.state, updatedAt: now });
      // A first sighting that is already a goodbye changes nothing anyone shows.
      if (current === undefined && leaving) continue;
      relay.push(entry);
    }
    return relay;
  }

  /** Removes the states of clients that left; returns the removals to relay. */
  remove(clientIds: Iterable<number>, now: number): AwarenessEntry[] {
    const removed: AwarenessEntry[] = [];
    for (const clientId of clientIds) {
      const current = this.entries.get(clientId);
      if (!current || current.state === null) continue;
      this.entries.set(clientId, { clock: current.clock, state: null, updatedAt: now });
      removed.push({ clientId, clock: current.clock, state: NULL_STATE });
    }
    return removed;
  }

  /** Every present, recently renewed state: what a joiner is sent. */
  current(now: number): AwarenessEntry[] {
    const states: AwarenessEntry[] = [];
    for (const [clientId, stored] of this.entries) {
      if (stored.state !== null && now - stored.updatedAt < OUTDATED_MS) states.push({ clientId, clock: stored.clock, state: stored.state });
    }
    return states;
  }
}
