/**
 * What a room checks before a client's update or sync step 1 may cost it anything
 * (DESIGN "Limits every boundary enforces", "Protected document fields"): the structural
 * scan with its caps, the protected fields, the pending-struct cap, the state-vector size.
 */
import * as Y from 'yjs';
import type { ClientOrigin } from './client.js';
import type { SyncLimits } from './limits.js';
import { coalesceRuns } from './coalesce-runs.js';
import { PendingStructs } from './pending-structs.js';
import { splitUpdate } from './split-update.js';
import { allowedRootsOf, scanContextOf, type Writer } from './protected-fields.js';
import { ContentLimits } from '../../shared/content-limits.js';
import { provenWithinLimits } from './content-growth.js';
import { contentOverLimits } from './content-trial.js';
import { ItemCount, itemsAddedAtLeast } from './item-count.js';
import { MalformedUpdate, RefusedUpdate, scanUpdate, type ScanContext, type ScanResult } from './update-scan.js';
import type { WorkBudget } from './work-budget.js';
import { ClientOwners } from './client-owners.js';
import type { ClientIdLedger } from './client-id-ledger.js';
import { stateVectorCost, stateVectorEntries } from './state-vector.js';

/**
 * Red team F5 (shared/content-limits.ts): an update that would take the document past a
 * content limit — a title over 200 characters, a text over 20 000, more items or map
 * entries than allowed — is refused like the other limits (1008, nothing applied, stored
 * or relayed). Proven cheaply from the scan for almost every update, and an update that
 * surely adds items to a document with no room for them is refused from it too (issue 17
 * F1: a full document's refusals cost no copy); the rest are tried on a copy of the
 * document (content-trial.ts), charged to the writer's work budget by `admit`.
 */
function checkContentLimits(doc: Y.Doc, scan: ScanResult, update: Uint8Array, maxItems: number, items: number): void {
  // Nothing joins now (the hostile run's pending-struct bomb): the update releasing it is checked.
  if (scan.waitsWhole) return;
  const adds = itemsAddedAtLeast(doc, scan.growth, scan.pendingStructs > 0);
  if (adds > 0 && items + adds > maxItems) throw new RefusedUpdate(`over the content limits: more than ${maxItems} items in one document`);
  if (provenWithinLimits(doc, scan.growth, maxItems, items)) return;
  let over: string | null;
  try {
    over = contentOverLimits(doc, update, maxItems);
  } catch (error) {
    throw new MalformedUpdate(error instanceof Error ? error.message : 'unreadable update');
  }
  if (over !== null) throw new RefusedUpdate(`over the content limits: ${over}`);
}

export class UpdateGuard {
  private readonly pending: PendingStructs;
  /** Per writer: whether they facilitate (may write `session`), see protected-fields.ts. */
  private contexts: { facilitator: ScanContext; other: ScanContext } | null = null;
  /** The document's items, kept from its transactions (item-count.ts); made when first needed. */
  private items: ItemCount | null = null;
  /** Who writes under each client id (client-owners.ts). */
  private readonly owners: ClientOwners;

  /** `clientIds`: the process's count of new client ids per person and document (client-id-ledger.ts) and this room's document. */
  constructor(
    private readonly limits: SyncLimits,
    private readonly work?: WorkBudget,
    clientIds?: { ledger: ClientIdLedger; documentId: string },
  ) {
    this.owners = new ClientOwners(limits, clientIds?.ledger, clientIds?.documentId);
    this.pending = new PendingStructs(limits.maxPendingStructs, limits.pendingMaxAgeMs);
  }

  /**
   * Learns the document's schema (its kind names the roots a client may write) and its
   * protected items. Both change only by the server's own writes (creation, migration),
   * never by a client's, so they are read once when the room loads, not per update.
   */
  describe(doc: Y.Doc): void {
    this.contexts = this.contextsOf(doc);
    this.items ??= new ItemCount(doc);
  }

  private contextsOf(doc: Y.Doc): { facilitator: ScanContext; other: ScanContext } {
    const roots = allowedRootsOf(doc);
    const max = this.limits.maxStructsPerUpdate;
    return { facilitator: scanContextOf(doc, max, roots, { facilitates: true }), other: scanContextOf(doc, max, roots, { facilitates: false }) };
  }

  /**
   * Returns the update to apply (runs of GC/Skip structs coalesced: the same document at
   * a fraction of the cost). Throws `RefusedUpdate` (close 1008) or `MalformedUpdate`
   * (1007); nothing is applied then.
   */
  admit(doc: Y.Doc, update: Uint8Array, now: number, writer: Writer): { scan: ScanResult; update: Uint8Array } {
    const started = performance.now();
    try {
      const context = this.contextOf(doc, writer);
      const scan = scanUpdate(update, context);
      if (writer.userId !== undefined) this.owners.check(doc, scan.ends, writer.userId, now);
      this.pending.admit(doc, scan.pendingStructs, now);
      const admitted = scan.hasRuns ? coalesceRuns(update, context) : update;
      const items = (this.items ??= new ItemCount(doc)).count;
      checkContentLimits(doc, scan, admitted, this.limits.maxItemsPerDocument ?? ContentLimits.maxItemsPerDocument, items);
      if (writer.userId !== undefined) this.owners.claim(doc, scan.ends, writer.userId, now);
      return { scan, update: admitted };
    } finally {
      // Admitting is the writer's work too: the content limits' exact check copies the
      // document, and updates it cannot prove cheaply (structs waiting for predecessors, the
      // hostile run's pending-struct bomb) must not take everyone else's time unbilled.
      if (writer.userId !== undefined) this.work?.charge(writer.userId, performance.now() - started);
    }
  }

  /**
   * Admits a client's update and cuts it into pieces of at most `maxWeight` (structs plus
   * content; see split-update.ts). Throws as `admit` does; nothing is applied then.
   */
  admitInPieces(doc: Y.Doc, update: Uint8Array, now: number, maxWeight: number, writer: Writer): { scan: ScanResult; pieces: Uint8Array[] } {
    const admitted = this.admit(doc, update, now, writer);
    const small = admitted.scan.structs <= maxWeight && admitted.update.length <= maxWeight * 64;
    return { scan: admitted.scan, pieces: small ? [admitted.update] : splitUpdate(admitted.update, this.contextOf(doc, writer), maxWeight) };
  }

  /** Applies one admitted piece as `origin`, charging its author's share of the main thread. */
  applyPiece(doc: Y.Doc, piece: Uint8Array, origin: ClientOrigin): void {
    const started = performance.now();
    Y.applyUpdate(doc, piece, origin);
    this.work?.charge(origin.client.userId, performance.now() - started);
  }

  /** After all of an update's pieces are applied: notes what Yjs keeps waiting. */
  settle(doc: Y.Doc, scan: ScanResult, now: number): void {
    this.pending.settle(doc, scan.pendingStructs, now);
  }

  /** Whether `userId` may have the main thread now (else their updates wait). */
  hasShare(userId: string): boolean {
    return !this.work || this.work.allows(userId);
  }

  private contextOf(doc: Y.Doc, writer: Writer): ScanContext {
    const contexts = (this.contexts ??= this.contextsOf(doc));
    return writer.facilitates ? contexts.facilitator : contexts.other;
  }

  /**
   * A state vector's entry count is its first varuint: checked before Yjs decodes it.
   * Returns what answering it costs, in sync requests (state-vector.ts `stateVectorCost`).
   * Throws `RefusedUpdate` past `maxStateVectorEntries`, a decoding error when it has no count.
   */
  checkStateVector(stateVector: Uint8Array): number {
    const entries = stateVectorEntries(stateVector);
    if (entries > this.limits.maxStateVectorEntries) {
      throw new RefusedUpdate(`state vector of ${entries} entries (at most ${this.limits.maxStateVectorEntries})`);
    }
    return stateVectorCost(entries);
  }
}
