/**
 * Structs that wait for missing predecessors ("pending" in Yjs) are re-merged with every
 * later update to the room, so an editor who sends thousands of updates from client ids
 * whose earlier clocks never come made every message slower (51 s of event loop for 5 000
 * of them). No normal provider leaves anything pending on the server — it sends its own
 * updates in order, on top of what the server sent it — so the room allows a few (DESIGN:
 * 10 000 structs), for a while (60 s), and refuses the update that would pass the cap.
 * Each update that adds to them is merged with all that wait, so their number is capped
 * too (`MAX_PENDING_UPDATES`): 10 000 structs in 5 000 one-struct updates cost 5 000
 * merges of a growing blob.
 */

/** Updates that may add to a room's pending structs before the next one is refused. */
export const MAX_PENDING_UPDATES = 30;
import * as Y from 'yjs';
import { RefusedUpdate } from './update-scan.js';

export class PendingStructs {
  private count = 0;
  private updates = 0;
  private since: number | null = null;

  constructor(
    private readonly max: number,
    private readonly maxAgeMs: number,
  ) {}

  /** Before applying an update that would leave `incoming` structs pending; throws past the cap. */
  admit(doc: Y.Doc, incoming: number, now: number): void {
    this.expire(doc, now);
    if (incoming > 0 && (this.count + incoming > this.max || this.updates >= MAX_PENDING_UPDATES)) {
      throw new RefusedUpdate(`more than ${this.max} structs (or ${MAX_PENDING_UPDATES} updates) would wait for missing predecessors`);
    }
  }

  /** After applying it: what Yjs still holds pending. */
  settle(doc: Y.Doc, incoming: number, now: number): void {
    if (!hasPending(doc)) {
      this.reset();
      return;
    }
    this.count += incoming;
    if (incoming > 0) this.updates++;
    this.since ??= now;
  }

  /** Drops what has waited too long: its predecessors are not coming. */
  private expire(doc: Y.Doc, now: number): void {
    if (this.since === null || now - this.since <= this.maxAgeMs) return;
    dropPending(doc);
    this.reset();
  }

  private reset(): void {
    this.count = 0;
    this.updates = 0;
    this.since = null;
  }
}

export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}

/**
 * The document's integrated content only. Yjs adds pending structs and deletions to every
 * `encodeStateAsUpdate`; they were never stored, so no client (nor a snapshot) gets them.
 */
export function encodeCommittedState(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const { pendingStructs, pendingDs } = doc.store;
  if (pendingStructs === null && pendingDs === null) return encodeState(doc, stateVector);
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  try {
    return encodeState(doc, stateVector);
  } finally {
    doc.store.pendingStructs = pendingStructs;
    doc.store.pendingDs = pendingDs;
  }
}

function encodeState(doc: Y.Doc, stateVector: Uint8Array | undefined): Uint8Array {
  return stateVector ? Y.encodeStateAsUpdate(doc, stateVector) : Y.encodeStateAsUpdate(doc);
}
