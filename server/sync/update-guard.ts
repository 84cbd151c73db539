/**
 * What a room checks before a client's update or sync step 1 may cost it anything
 * (DESIGN "Limits every boundary enforces", "Protected document fields"): the structural
 * scan with its caps, the protected fields, the pending-struct cap, the state-vector size.
 */
import type * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { SyncLimits } from './limits.js';
import { PendingStructs } from './pending-structs.js';
import { allowedRootsOf, scanContextOf } from './protected-fields.js';
import { RefusedUpdate, scanUpdate, type ScanResult } from './update-scan.js';

export class UpdateGuard {
  private readonly pending: PendingStructs;
  private allowedRoots: ReadonlySet<string> | null = null;

  constructor(private readonly limits: SyncLimits) {
    this.pending = new PendingStructs(limits.maxPendingStructs, limits.pendingMaxAgeMs);
  }

  /** Learns the document's schema (its kind names the roots a client may write). */
  describe(doc: Y.Doc): void {
    this.allowedRoots = allowedRootsOf(doc);
  }

  /** Throws `RefusedUpdate` (close 1008) or `MalformedUpdate` (1007); nothing is applied then. */
  admit(doc: Y.Doc, update: Uint8Array, now: number): ScanResult {
    const scan = scanUpdate(update, scanContextOf(doc, this.limits.maxStructsPerUpdate, this.allowedRoots));
    this.pending.admit(doc, scan.pendingStructs, now);
    return scan;
  }

  /** After the update is applied: notes what Yjs keeps waiting. */
  settle(doc: Y.Doc, scan: ScanResult, now: number): void {
    this.pending.settle(doc, scan.pendingStructs, now);
  }

  /** A state vector's entry count is its first varuint: checked before Yjs decodes it. */
  checkStateVector(stateVector: Uint8Array): void {
    const entries = decoding.readVarUint(decoding.createDecoder(stateVector));
    if (entries > this.limits.maxStateVectorEntries) {
      throw new RefusedUpdate(`state vector of ${entries} entries (at most ${this.limits.maxStateVectorEntries})`);
    }
  }
}
