/**
 * A room's awareness traffic: what a client may say about itself, what others are sent.
 * The states are kept and numbered by `Presence`; this checks and relays them.
 */
import type { RoomClient } from './client.js';
import { frame } from './frame.js';
import { TokenBucket, type SyncLimits } from './limits.js';
import { Presence } from './presence.js';
import { awarenessEntryCount, awarenessMessage, decodeAwarenessEntries, encodeAwarenessEntries, type AwarenessEntry } from './protocol.js';
import { sanitizeAwarenessState } from './awareness-state.js';

/**
 * States one awareness message may name (red team x14 (3)). A client names its own, and
 * y-websocket's also echo the states of others they were sent, so a message names at most
 * about the people in the room; one naming more is dropped unread.
 */
export const MAX_AWARENESS_ENTRIES = 1_000;
/** States a socket may name a second (burst: twice that); past it its messages are dropped unread. */
const AWARENESS_ENTRIES_PER_SECOND = 2_000;

export interface RoomPresenceOptions {
  now: () => number;
  limits: SyncLimits;
}

export class RoomPresence {
  private readonly presence = new Presence();
  /** States each socket may still name (`AWARENESS_ENTRIES_PER_SECOND`). */
  private readonly entryBudgets = new WeakMap<RoomClient, TokenBucket>();

  constructor(
    private readonly clients: ReadonlySet<RoomClient>,
    private readonly options: RoomPresenceOptions,
  ) {}

  /**
   * An awareness update from `client`. It may only set its own id (the first it uses, if no
   * one else owns it); y-websocket clients also echo the states of others they received,
   * and those entries are dropped, not treated as an attack. States are sanitised
   * (awareness-state.ts); one over the size limit is dropped. Throws on malformed bytes.
   */
  receive(client: RoomClient, update: Uint8Array): void {
    const now = this.options.now();
    const count = awarenessEntryCount(update);
    if (count > MAX_AWARENESS_ENTRIES || !this.entryBudgetOf(client, now).take(now, count)) return;
    const own = decodeAwarenessEntries(update, (clientId) => this.claim(client, clientId, now));
    if (own.length === 0 || !client.awarenessBudget.take(now)) return;
    const account = { userId: client.userId, name: client.userName };
    const sanitized: AwarenessEntry[] = [];
    for (const entry of own) {
      const state = sanitizeAwarenessState(entry.state, account, this.options.limits.maxAwarenessBytes);
      if (state !== null) sanitized.push({ ...entry, state });
    }
    const changed = this.presence.apply(sanitized, client.userId, now);
    if (changed.length > 0) this.relay(changed, client);
  }

  private entryBudgetOf(client: RoomClient, now: number): TokenBucket {
    let budget = this.entryBudgets.get(client);
    if (!budget) {
      budget = new TokenBucket(AWARENESS_ENTRIES_PER_SECOND, 2 * AWARENESS_ENTRIES_PER_SECOND, now);
      this.entryBudgets.set(client, budget);
    }
    return budget;
  }

  /** The client left: its states go, and everyone else is told. */
  leave(client: RoomClient): void {
    const removed = this.presence.remove(client.awarenessIds, this.options.now());
    if (removed.length > 0) this.relay(removed, null);
  }

  /** Sends `client` everyone else's current state (on joining, or when it asks); a guest none. */
  sendCurrent(client: RoomClient): void {
    if (isGuest(client)) return;
    const states = this.presence.current(this.options.now(), client.awarenessIds);
    if (states.length > 0) client.send(frame(awarenessMessage(encodeAwarenessEntries(states))));
  }

  private claim(client: RoomClient, clientId: number, now: number): boolean {
    if (client.awarenessIds.has(clientId)) return true;
    if (client.awarenessIds.size > 0 || this.usedByOther(client, clientId)) return false;
    if (!this.presence.mayUse(clientId, client.userId, now)) return false;
    client.awarenessIds.add(clientId);
    return true;
  }

  private usedByOther(client: RoomClient, clientId: number): boolean {
    for (const other of this.clients) if (other !== client && other.awarenessIds.has(clientId)) return true;
    return false;
  }

  private relay(entries: AwarenessEntry[], sender: RoomClient | null): void {
    const message = frame(awarenessMessage(encodeAwarenessEntries(entries)));
    for (const client of this.clients) if (client !== sender && !isGuest(client)) client.send(message);
  }
}

/**
 * A socket a guest opened with a share link (socket-client.ts `shareLinkId`). Guests are
 * sent nobody's presence: "a link … lists no members" (DESIGN "Share links"), and presence
 * names members and their account ids. What they follow live is in the document (its
 * content, the facilitation `session`), not in awareness.
 */
function isGuest(client: RoomClient): boolean {
  return 'shareLinkId' in client && typeof client.shareLinkId === 'string';
}
