/**
 * What a sync step 1's state vector costs to answer (DESIGN "Limits every boundary enforces":
 * state vector entries in one sync step 1, sync step 1 answers to one socket). Yjs reads
 * every entry of it into a Map and looks each up, 45 ms for 99 999 made-up entries on an
 * empty document; only the entries of clients the document holds change the answer.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';

/** Entries a sync step 1 may name for the price of one request (room.ts charges more per 10 000). */
export const ENTRIES_PER_REQUEST = 10_000;

/** The entry count, a state vector's first varuint (read before anything else of it). */
export function stateVectorEntries(stateVector: Uint8Array): number {
  return decoding.readVarUint(decoding.createDecoder(stateVector));
}

/** Requests a sync step 1 of `entries` entries costs: 1, and 1 more per `ENTRIES_PER_REQUEST`. */
export function stateVectorCost(entries: number): number {
  return 1 + Math.floor(entries / ENTRIES_PER_REQUEST);
}

/**
 * `stateVector` (Yjs v1 encoding: count, then client and clock varuints) without the
 * entries of clients `doc` does not hold: `Y.encodeStateAsUpdate(doc, …)` answers the
 * same with either, since there is nothing to send for a client the document lacks.
 * Throws when the state vector is malformed.
 */
export function relevantStateVector(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(stateVector);
  const count = decoding.readVarUint(decoder);
  const clients = doc.store.clients;
  const kept: number[] = [];
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    if (clients.has(client)) kept.push(client, clock);
  }
  if (kept.length === count * 2) return stateVector;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length / 2);
  for (const n of kept) encoding.writeVarUint(encoder, n);
  return encoding.toUint8Array(encoder);
}
