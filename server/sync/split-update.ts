/**
 * Cuts an admitted update into pieces Yjs can apply one event-loop turn at a time. Yjs
 * applies an update in one synchronous call: 600 000 map keys (13 MB, well under the
 * struct cap) held every room of the process for 6.75 s. Each piece is a valid update:
 * one client's consecutive structs, with that client and the clock of its first struct
 * as the group header; the update's delete set rides with the last piece. Applied in
 * order they give the same document as the whole (the structs are the same bytes; a
 * piece whose structs wait for a later piece is held pending by Yjs until it comes).
 * Only called on updates `scanUpdate` accepted, so it reads well-formed bytes.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { newGroup, scanStruct, type ScanContext } from './update-scan.js';

/** The weight of a piece: structs, plus their content length in units of this. */
const CONTENT_UNITS_PER_WEIGHT = 64;

export function splitUpdate(update: Uint8Array, context: ScanContext, maxWeight: number): Uint8Array[] {
  const decoder = decoding.createDecoder(update);
  const pieces: Uint8Array[] = [];
  const groups = decoding.readVarUint(decoder);
  for (let g = 0; g < groups; g++) splitGroup(decoder, update, context, maxWeight, pieces);
  const deleteSet = update.subarray(decoder.pos);
  if (pieces.length === 0) pieces.push(EMPTY_STRUCTS);
  return pieces.map((piece, i) => withDeleteSet(piece, i === pieces.length - 1 ? deleteSet : NO_DELETES));
}

/** A piece without structs: `0` groups (its delete set is appended). */
const EMPTY_STRUCTS = new Uint8Array([0]);
const NO_DELETES = new Uint8Array([0]);

function splitGroup(decoder: decoding.Decoder, update: Uint8Array, context: ScanContext, maxWeight: number, pieces: Uint8Array[]): void {
  const count = decoding.readVarUint(decoder);
  const group = newGroup(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
  let pieceStart = decoder.pos;
  let pieceClock = group.clock;
  let pieceStructs = 0;
  let weight = 0;
  for (let i = 0; i < count; i++) {
    const before = group.clock;
    scanStruct(decoder, context, group, i);
    pieceStructs++;
    weight += 1 + Math.floor((group.clock - before) / CONTENT_UNITS_PER_WEIGHT);
    if (weight < maxWeight && i < count - 1) continue;
    pieces.push(groupPiece(group.client, pieceClock, pieceStructs, update.subarray(pieceStart, decoder.pos)));
    pieceStart = decoder.pos;
    pieceClock = group.clock;
    pieceStructs = 0;
    weight = 0;
  }
}

/** An update of one group (without its delete set yet). */
function groupPiece(client: number, clock: number, structs: number, bytes: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, structs);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  encoding.writeUint8Array(encoder, bytes);
  return encoding.toUint8Array(encoder);
}

function withDeleteSet(structs: Uint8Array, deleteSet: Uint8Array): Uint8Array {
  const out = new Uint8Array(structs.length + deleteSet.length);
  out.set(structs);
  out.set(deleteSet, structs.length);
  return out;
}

