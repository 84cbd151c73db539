/**
 * How many new Yjs client ids each person brought to each document over the last day, kept
 * by the process across a room's unloads (red team X15 (2): the per-person count lived as
 * long as the room, so an editor who let the room go idle between rounds of 1 000 new ids
 * filled a document to `MAX_CLIENT_IDS_PER_DOCUMENT` in about 50 rounds, after which every
 * new tab's first write was refused). A document is served by one process at a time
 * (docs/cluster.md), so one process's count is the document's.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** People × documents counted at most; past it the oldest count is forgotten (bounded memory). */
export const MAX_LEDGER_ENTRIES = 100_000;

interface Count {
  count: number;
  /** When this count's window opened (ms since epoch). */
  since: number;
}

export class ClientIdLedger {
  private readonly counts = new Map<string, Count>();

  /** `windowMs`: how long a count lasts from its first id (a day). */
  constructor(private readonly windowMs: number = DAY_MS) {}

  /** New ids `userId` brought to `documentId` in the current window at `now` (ms). */
  brought(documentId: string, userId: string, now: number): number {
    const entry = this.counts.get(keyOf(documentId, userId));
    return entry && now - entry.since < this.windowMs ? entry.count : 0;
  }

  /** Adds `ids` new ids of `userId` in `documentId` at `now`; a window past its end starts again. */
  add(documentId: string, userId: string, ids: number, now: number): void {
    const key = keyOf(documentId, userId);
    const entry = this.counts.get(key);
    const current = entry && now - entry.since < this.windowMs ? entry : { count: 0, since: now };
    this.counts.delete(key);
    this.counts.set(key, { count: current.count + ids, since: current.since });
    if (this.counts.size > MAX_LEDGER_ENTRIES) {
      const oldest = this.counts.keys().next().value;
      if (oldest !== undefined) this.counts.delete(oldest);
    }
  }
}

const keyOf = (documentId: string, userId: string): string => `${documentId}\u0000${userId}`;
