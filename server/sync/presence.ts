/**
 * Who is in a room and where their cursor is: the awareness states of y-protocols, kept
 * as JSON text (the server only relays presence, so it never keeps parsed objects).
 *
 * Two rules go beyond y-protocols':
 * - **Ids belong to their first user.** An awareness id is owned by the account that first
 *   set it in this room, also while that person is away for a moment; nobody else may set it.
 * - **The server numbers what it relays.** Each relayed entry gets the room's next clock
 *   (never below the wall clock in ms), not the client's. A client that reconnects sends
 *   its state with the clock it had; peers that saw it leave still hold that clock and
 *   ignored the "new" state until its 15-second renewal. A server clock is always newer,
 *   also after a server restart, so presence comes back at once.
 */
import type { AwarenessEntry } from './protocol.js';

/** A state not renewed for this long is not sent to new joiners (y-protocols' outdatedTimeout). */
export const OUTDATED_MS = 30_000;
/** How long an id stays with its owner after they left (a reconnect, a moment offline). */
export const OWNERSHIP_MS = 10 * 60_000;
const NULL_STATE = 'null';

interface Stored {
  owner: string;
  /** The clock the client sent last: which of its updates is newer. */
  clientClock: number;
  /** The clock this entry was last relayed with. */
  clock: number;
  /** JSON text, or null once the client has left. */
  state: string | null;
  updatedAt: number;
}

export class Presence {
  private readonly entries = new Map<number, Stored>();
  private lastClock = 0;

  /** Whether `owner` may set the state of awareness id `clientId`. */
  mayUse(clientId: number, owner: string, now: number): boolean {
    const stored = this.entries.get(clientId);
    if (!stored || stored.owner === owner) return true;
    return stored.state === null && now - stored.updatedAt > OWNERSHIP_MS;
  }

  /**
   * Applies a client's own entries (states already sanitised) as y-protocols does and
   * returns those that changed something, numbered for relaying.
   */
  apply(entries: readonly AwarenessEntry[], owner: string, now: number): AwarenessEntry[] {
    const relay: AwarenessEntry[] = [];
    for (const entry of entries) {
      const current = this.entries.get(entry.clientId);
      const leaving = entry.state === NULL_STATE;
      // y-protocols counts an unknown id as clock 0; a new owner (after `mayUse`) starts afresh.
      const newer = current === undefined ? entry.clock > 0 : current.owner !== owner || isNewer(current, entry.clock, leaving);
      if (!newer) continue;
      const clock = this.nextClock(now);
      this.entries.set(entry.clientId, { owner, clientClock: entry.clock, clock, state: leaving ? null : entry.state, updatedAt: now });
      // A first sighting that is already a goodbye changes nothing anyone shows.
      if (leaving && current === undefined) continue;
      relay.push({ clientId: entry.clientId, clock, state: entry.state });
    }
    return relay;
  }

  /** Removes the states of clients that left; returns the removals to relay. */
  remove(clientIds: Iterable<number>, now: number): AwarenessEntry[] {
    const removed: AwarenessEntry[] = [];
    for (const clientId of clientIds) {
      const current = this.entries.get(clientId);
      if (!current || current.state === null) continue;
      const clock = this.nextClock(now);
      this.entries.set(clientId, { ...current, clock, state: null, updatedAt: now });
      removed.push({ clientId, clock, state: NULL_STATE });
    }
    return removed;
  }

  /**
   * Every present, recently renewed state but `except`'s: what a joiner (or a query) is
   * sent. Renumbered, since the receiver may still hold the clock it was last relayed with
   * from before it reconnected, and would ignore it.
   */
  current(now: number, except?: ReadonlySet<number>): AwarenessEntry[] {
    const states: AwarenessEntry[] = [];
    for (const [clientId, stored] of this.entries) {
      if (stored.state === null) {
        if (now - stored.updatedAt > OWNERSHIP_MS) this.entries.delete(clientId);
        continue;
      }
      if (now - stored.updatedAt >= OUTDATED_MS || except?.has(clientId)) continue;
      stored.clock = this.nextClock(now);
      states.push({ clientId, clock: stored.clock, state: stored.state });
    }
    return states;
  }

  private nextClock(now: number): number {
    this.lastClock = Math.max(this.lastClock + 1, Math.floor(now));
    return this.lastClock;
  }
}

/** y-protocols' rule: a higher clock wins; at the same clock a goodbye wins over a state. */
function isNewer(current: Stored, clock: number, leaving: boolean): boolean {
  if (clock > current.clientClock) return true;
  if (clock < current.clientClock) return false;
  // Same clock: a goodbye for a present state, or the same state again after a goodbye
  // (a reconnect: y-websocket resends its state unchanged).
  return leaving ? current.state !== null : current.state === null;
}
