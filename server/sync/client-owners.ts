/**
 * Who writes under each Yjs client id of a room's document (red team x13 (a)). Every member
 * sees every client id and its clock, so an editor could write a struct at another person's
 * next clock: that person's own write at the clock was then ignored as already held, the
 * copies diverged for good and the history named them for the other's text. A provider
 * writes new content only under its own document's client id, and a person's copy is sent
 * only by that person (client/sync/local-copies.ts), so an id belongs to the first person
 * who writes new content under it while the room is open; content the room already holds may
 * come from anyone (it changes nothing).
 */
import * as Y from 'yjs';
import { RefusedUpdate } from './scan-errors.js';

export class ClientOwners {
  private readonly owners = new Map<number, string>();

  /**
   * Throws `RefusedUpdate` when `ends` (each client id of an update → its clock after the
   * update's structs, update-scan.ts) brings content past `doc`'s clock under an id another
   * person owns. Call `claim` once the update is admitted.
   */
  check(doc: Y.Doc, ends: ReadonlyMap<number, number>, userId: string): void {
    for (const [client, end] of ends) {
      const owner = this.owners.get(client);
      if (owner !== undefined && owner !== userId && end > Y.getState(doc.store, client)) {
        throw new RefusedUpdate(`writes under client id ${client}, which another person writes under`);
      }
    }
  }

  /** `userId` owns every id of `ends` that brings new content and nobody owns yet. */
  claim(doc: Y.Doc, ends: ReadonlyMap<number, number>, userId: string): void {
    for (const [client, end] of ends) {
      if (!this.owners.has(client) && end > Y.getState(doc.store, client)) this.owners.set(client, userId);
    }
  }
}
