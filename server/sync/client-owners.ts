/**
 * Who writes under each Yjs client id of a room's document, and how many ids it may gain.
 *
 * Ownership (red team x13 (a)): every member sees every client id and its clock, so an editor
 * could write a struct at another person's next clock: that person's own write at the clock
 * was then ignored as already held, the copies diverged for good and the history named them
 * for the other's text. A provider writes new content only under its own document's client
 * id, and a person's copy is sent only by that person (client/sync/local-copies.ts), so an id
 * belongs to the first person who writes new content under it while the room is open; content
 * the room already holds may come from anyone (it changes nothing).
 *
 * Count (red team x14): each new id is a state-vector entry for good, at ~7 bytes of update;
 * past MAX_STATE_VECTOR_ENTRIES every copy's sync step 1 was refused and the document could
 * be opened by nobody. A provider brings one new id a session, so new ids are bounded per
 * update, per person and document a day (client-id-ledger.ts: kept across the room's
 * unloads), and per document (limits.ts).
 */
import * as Y from 'yjs';
import { ClientIdLedger } from './client-id-ledger.js';
import type { SyncLimits } from './limits.js';
import { RefusedUpdate } from './scan-errors.js';

export type ClientIdLimits = Pick<SyncLimits, 'maxNewClientIdsPerUpdate' | 'maxClientIdsPerPerson' | 'maxClientIdsPerDocument'>;

export class ClientOwners {
  private readonly owners = new Map<number, string>();

  /**
   * `ledger` counts the ids each person brought to `documentId` across the room's lifetimes
   * (the process's, shared by every room); without one, only while this room is open.
   */
  constructor(
    private readonly limits: ClientIdLimits,
    private readonly ledger: ClientIdLedger = new ClientIdLedger(),
    private readonly documentId = '',
  ) {}

  /**
   * Throws `RefusedUpdate` when `ends` (each client id of an update → its clock after the
   * update's structs, update-scan.ts) brings content past `doc`'s clock under an id another
   * person owns, or more new ids than the limits allow. Call `claim` once the update is admitted.
   */
  check(doc: Y.Doc, ends: ReadonlyMap<number, number>, userId: string, now: number): void {
    let fresh = 0;
    for (const [client, end] of ends) {
      const owner = this.owners.get(client);
      if (owner !== undefined && owner !== userId && end > Y.getState(doc.store, client)) {
        throw new RefusedUpdate(`writes under client id ${client}, which another person writes under`);
      }
      if (owner === undefined && !doc.store.clients.has(client)) fresh++;
    }
    if (fresh > 0) this.checkCount(doc, fresh, userId, now);
  }

  private checkCount(doc: Y.Doc, fresh: number, userId: string, now: number): void {
    const { maxNewClientIdsPerUpdate, maxClientIdsPerPerson, maxClientIdsPerDocument } = this.limits;
    if (fresh > maxNewClientIdsPerUpdate) throw new RefusedUpdate(`brings ${fresh} new client ids (at most ${maxNewClientIdsPerUpdate} in one update)`);
    const brought = this.ledger.brought(this.documentId, userId, now);
    if (brought + fresh > maxClientIdsPerPerson) throw new RefusedUpdate(`brings client id ${brought + fresh} of one person (at most ${maxClientIdsPerPerson} a day)`);
    // Ids of structs waiting for predecessors are not in the store yet: the pending-struct cap bounds them.
    const held = doc.store.clients.size;
    if (held + fresh > maxClientIdsPerDocument) throw new RefusedUpdate(`takes the document to ${held + fresh} client ids (at most ${maxClientIdsPerDocument})`);
  }

  /** `userId` owns every id of `ends` that brings new content and nobody owns yet. */
  claim(doc: Y.Doc, ends: ReadonlyMap<number, number>, userId: string, now: number): void {
    let fresh = 0;
    for (const [client, end] of ends) {
      if (this.owners.has(client) || end <= Y.getState(doc.store, client)) continue;
      if (!doc.store.clients.has(client)) fresh++;
      this.owners.set(client, userId);
    }
    if (fresh > 0) this.ledger.add(this.documentId, userId, fresh, now);
  }
}
