/**
 * Cuts an admitted update into pieces Yjs can apply one event-loop turn at a time. Yjs
 * applies an update in one synchronous call: 600 000 map keys (13 MB, well under the
 * struct cap) held every room of the process for 6.75 s. Each piece is a valid update of
 * at most `maxWeight` (structs plus content): the groups that fit, a group too big for one
 * piece cut into runs of its consecutive structs (that client and the clock of its first
 * struct as the run's header); the update's delete set rides with the last piece. Applied
 * in order they give the same document as the whole (the structs are the same bytes; a
 * piece whose structs wait for a later piece is held pending by Yjs until it comes).
 *
 * Pieces are bounded by weight, never one per group (red team X13): each piece is a Yjs
 * transaction, whose cost grows with the document's client ids, so 9 000 one-struct groups
 * from 9 000 client ids cut one per group took minutes, were seen half applied by every
 * joiner, and were partly lost when the room ended. Now they are three pieces at most.
 * Only called on updates `scanUpdate` accepted, so it reads well-formed bytes.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { newGroup, scanStruct, type ScanContext } from './update-scan.js';

/** The weight of a piece: structs, plus their content length in units of this. */
const CONTENT_UNITS_PER_WEIGHT = 64;

/** A piece being filled: its groups' bytes (each with its header) and their weight. */
class PieceBuilder {
  private groups: Uint8Array[] = [];
  private clients = new Set<number>();
  weight = 0;
  readonly pieces: Uint8Array[] = [];

  /**
   * Adds a run of one client's structs. Yjs keeps one group per client in an update, so a
   * client already in this piece (a crafted update may repeat one) starts the next piece.
   */
  add(client: number, clock: number, structs: number, bytes: Uint8Array, weight: number): void {
    if (this.clients.has(client)) this.flush();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, structs);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeUint8Array(encoder, bytes);
    this.groups.push(encoding.toUint8Array(encoder));
    this.clients.add(client);
    this.weight += weight;
  }

  /** Ends the piece being filled (none if it is empty). */
  flush(): void {
    if (this.groups.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, this.groups.length);
    for (const group of this.groups) encoding.writeUint8Array(encoder, group);
    this.pieces.push(encoding.toUint8Array(encoder));
    this.groups = [];
    this.clients = new Set();
    this.weight = 0;
  }
}

/** The update's pieces, in order, each of at most `maxWeight`; the last carries the delete set. */
export function splitUpdate(update: Uint8Array, context: ScanContext, maxWeight: number): Uint8Array[] {
  const decoder = decoding.createDecoder(update);
  const builder = new PieceBuilder();
  const groups = decoding.readVarUint(decoder);
  for (let g = 0; g < groups; g++) splitGroup(decoder, update, context, maxWeight, builder);
  builder.flush();
  const deleteSet = update.subarray(decoder.pos);
  const pieces = builder.pieces.length === 0 ? [EMPTY_STRUCTS] : builder.pieces;
  return pieces.map((piece, i) => withDeleteSet(piece, i === pieces.length - 1 ? deleteSet : NO_DELETES));
}

/**
 * The server's own update (a restore's, server/versions/restore.ts) in pieces of at most
 * `maxWeight`. Nothing is judged: the server may write every field a client may not, so the
 * scan only reads the structs' bounds.
 */
export function splitServerUpdate(update: Uint8Array, maxWeight: number): Uint8Array[] {
  return splitUpdate(update, SERVER_WRITE, maxWeight);
}

/** A scan context that refuses nothing and places nothing (no document). */
const SERVER_WRITE: ScanContext = {
  maxStructs: Number.POSITIVE_INFINITY,
  allowedRoots: null,
  protectedMetaKeys: new Set(),
  protectsRootKey: () => false,
  touchesProtected: () => false,
  deletesProtected: () => false,
  stateOf: () => 0,
  ownedItemKeys: new Map(),
  schemaKeys: { roots: new Map(), items: new Map(), types: {} },
  collectionOf: () => null,
};

/** A piece without structs: `0` groups (its delete set is appended). */
const EMPTY_STRUCTS = new Uint8Array([0]);
const NO_DELETES = new Uint8Array([0]);

function splitGroup(decoder: decoding.Decoder, update: Uint8Array, context: ScanContext, maxWeight: number, builder: PieceBuilder): void {
  const count = decoding.readVarUint(decoder);
  const group = newGroup(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
  let runStart = decoder.pos;
  let runClock = group.clock;
  let runStructs = 0;
  let weight = 0;
  for (let i = 0; i < count; i++) {
    const before = group.clock;
    scanStruct(decoder, context, group, i);
    runStructs++;
    weight += 1 + Math.floor((group.clock - before) / CONTENT_UNITS_PER_WEIGHT);
    const full = builder.weight + weight >= maxWeight;
    if (!full && i < count - 1) continue;
    builder.add(group.client, runClock, runStructs, update.subarray(runStart, decoder.pos), weight);
    if (full) builder.flush();
    runStart = decoder.pos;
    runClock = group.clock;
    runStructs = 0;
    weight = 0;
  }
}

function withDeleteSet(structs: Uint8Array, deleteSet: Uint8Array): Uint8Array {
  const out = new Uint8Array(structs.length + deleteSet.length);
  out.set(structs);
  out.set(deleteSet, structs.length);
  return out;
}
