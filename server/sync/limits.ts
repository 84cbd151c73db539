/**
 * What one socket, one message and one room may cost the server (DESIGN "Limits every
 * boundary enforces"). Defaults are the contract's; each is configurable (server/config.ts).
 */
export interface SyncLimits {
  /** Bytes queued for a socket that is not reading; past it the socket is closed (1013). */
  maxQueuedBytes: number;
  /** Sync step 1 and query-awareness requests answered per socket per second (sustained). */
  syncRequestsPerSecond: number;
  /** Largest awareness state (JSON text, bytes); larger states are dropped, never relayed. */
  maxAwarenessBytes: number;
  /** Structs (and delete ranges) in one update; past it the update is refused (1008). */
  maxStructsPerUpdate: number;
  /** Structs waiting for missing predecessors in one room; past it the update is refused (1008). */
  maxPendingStructs: number;
  /** How long structs may wait for missing predecessors before they are dropped. */
  pendingMaxAgeMs: number;
  /** Entries in one sync step 1 state vector; past it the socket is closed (1008). */
  maxStateVectorEntries: number;
  /**
   * New client ids (state-vector entries) one update may bring, one person may bring to a
   * room while it is open, and one document may hold; past any, the update is refused (1008).
   * A provider writes under one new id a session, so these are far above honest use; the
   * document's stays under `maxStateVectorEntries`, so every copy's sync step 1 fits it
   * (red team x14: 7 bytes an id made a document unopenable for everyone).
   */
  maxNewClientIdsPerUpdate: number;
  maxClientIdsPerPerson: number;
  maxClientIdsPerDocument: number;
  /** Open sockets per user and per client address; past it the upgrade is refused (429). */
  connectionsPerUser: number;
  connectionsPerAddress: number;
  /**
   * How often a socket is pinged; one that answered nothing since the last ping is cut, and
   * its presence leaves. A browser that drops off the network without closing (a laptop lid,
   * a lost connection) so leaves within one to two intervals, not the 30–60 s it took.
   */
  pingIntervalMs: number;
  /**
   * Items one document may hold (shared/content-limits.ts `maxItemsPerDocument`, the
   * largest import's 20 000 rows); past it an update is refused (1008). Not an environment
   * setting: it is the import's row limit too. Lowered only by tests.
   */
  maxItemsPerDocument?: number;
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxQueuedBytes: 8 * 1024 * 1024,
  syncRequestsPerSecond: 10,
  maxAwarenessBytes: 16 * 1024,
  maxStructsPerUpdate: 1_000_000,
  maxPendingStructs: 10_000,
  pendingMaxAgeMs: 60_000,
  maxStateVectorEntries: 100_000,
  maxNewClientIdsPerUpdate: 256,
  maxClientIdsPerPerson: 1_000,
  maxClientIdsPerDocument: 50_000,
  connectionsPerUser: 50,
  connectionsPerAddress: 200,
  pingIntervalMs: 10_000,
};

/**
 * A token bucket: `rate` tokens a second, at most `burst` saved up. One per client per
 * kind of request, so a flood costs the flooder its own budget and nobody else's.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.refilledAt = now;
  }

  /**
   * Takes `cost` tokens if there are that many. A cost over the burst is taken as the
   * burst (a full bucket always pays for one request, however dear).
   */
  take(now: number, cost = 1): boolean {
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, now - this.refilledAt) / 1000) * this.rate);
    this.refilledAt = now;
    const price = Math.min(cost, this.burst);
    if (this.tokens < price) return false;
    this.tokens -= price;
    return true;
  }
}
