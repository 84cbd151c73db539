/**
 * A structural pass over a Yjs update (v1 encoding, what y-websocket sends) before it may
 * touch a room's document. It reads every struct header and skips its content without
 * building objects, so it costs a fraction of `Y.applyUpdate` and refuses a costly or
 * forbidden update before Yjs does any work on it:
 * - more structs than allowed (a 14 MB update of 7 million one-unit GC structs took Yjs 6 s);
 * - a root type the document's schema does not name (Yjs creates a root as soon as it
 *   reads its name, pending or not);
 * - a write to, or a deletion of, a field the server owns (`meta.kind`, `meta.schemaVersion`,
 *   `session.rounds`), or of `session` by a non-facilitator; a blank or deleted `meta.title`;
 * - a key the schema does not name, in `budget` or a collection's item map
 *   (schema-keys.ts; item-fields.ts `checkItemKey`), or a value of another type than the
 *   schema gives its key (field-types.ts `checkFieldType`: a string as money, a map as a text);
 * - a write of an item field the server owns (`priority`, `source`, `planActivity`) other than
 *   `null` on a new key, any overwrite, or a deletion but with its item (item-fields.ts); a new
 *   item without a required field, or that field's deletion but with its item (required-fields.ts);
 * - structs that would wait for missing predecessors ("pending"), counted so the room can cap them,
 *   and a deletion of content neither the document nor the update holds (it would wait too);
 * - with `ScanContext.doc`: what each struct adds where (content-growth.ts), so the room can
 *   refuse an update that takes the document past its content limits (red team F5).
 * The format is Yjs's `readClientsStructRefs` + `readDeleteSet` (yjs/src/utils/encoding.js,
 * DeleteSet.js); a malformed update throws `MalformedUpdate`.
 */
import * as decoding from 'lib0/decoding';
import type * as Y from 'yjs';
import type { ScanContext } from './scan-context.js';
import { newGrowth, noteDeletion, noteStruct, placeAtRoot, placeByReference, placeUnderParent, type Growth, type Place } from './content-growth.js';
import { followsEntry } from './item-count.js';
import { MalformedUpdate, RefusedUpdate } from './scan-errors.js';
import { newContentSize, readLength, refuseForbiddenKey, skipContent, type ContentSize } from './struct-content.js';
import { checkFieldType } from './field-types.js';
import { checkContentShape, shapeOfTypeRef } from './content-shape.js';
import { noteMetaDeletions, refuseMetaRemoval } from './title-field.js';
import { checkItemKey, collectionOfNew, isOwnedField, newOwnedInUpdate, noteKeptDeletions, noteNewType, noteOwnedValue, overwritesOwned, readOwnedValue, refuseKeptDeletions, resolveItemKeys, TYPE_REF, type OwnedInUpdate } from './item-fields.js';
import { incompleteItems, refuseIncompleteItems, setAnewBy, type Incomplete } from './required-fields.js';
import { isUnknownRootKey } from './schema-keys.js';
import { noteNewTypeDepth } from './type-depth.js';

const BITS5 = 0x1f;
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;
const HAS_PARENT_SUB = 0x20;
const GC_REF = 0;
const SKIP_REF = 10;
const DELETED_REF = 1;
export { MAX_ELEMENTS_PER_STRUCT, MAX_STRING_BYTES_PER_STRUCT } from './struct-content.js';

export type { ScanContext } from './scan-context.js';

export interface ScanResult {
  structs: number;
  /** Structs that would wait for a missing predecessor (an estimate from above). */
  pendingStructs: number;
  /**
   * Whether a client's group holds adjacent GC or Skip structs: Yjs keeps such runs as one struct, so only an attacker
   * sends them (7 million one-unit GC structs in 14 MB took 6 s to apply, stored as 21 bytes). See coalesce-runs.ts.
   */
  hasRuns: boolean;
  /** What the update adds, for the content limits (content-growth.ts); empty without `ScanContext.doc`. */
  growth: Growth;
  /**
   * Whether nothing of the update joins the document now: every group starts past its
   * client's clock or with a struct naming another client's content that neither the
   * document nor this update has (Yjs keeps it waiting whole), and every deleted range
   * starts at or past its client's clock. What it brings is checked when an update
   * releases it (content-growth.ts `releasesPending`). An estimate from below: when unsure,
   * false.
   */
  waitsWhole: boolean;
  /** Each client id the update's structs are under → its clock after them (client-owners.ts). */
  ends: ReadonlyMap<number, number>;
}

export { MalformedUpdate, RefusedUpdate };

export interface GroupState {
  client: number;
  clock: number;
  /** This update's own items the owned-field check must know (item-fields.ts); shared by its groups. */
  owned: OwnedInUpdate;
  /** The id the last reference read named (scratch, so reading one allocates nothing). */
  refClient: number;
  refClock: number;
  /** Index in the group of the first struct referring to missing content, or -1; and that content's client. */
  firstMissing: number;
  missingClient: number;
  /** Whether the previous struct was a GC or Skip struct, and whether two came in a row. */
  lastWasRun: boolean;
  hasRuns: boolean;
  /** Whether a Skip struct left a hole in the group's clocks (content this update does not hold). */
  skipped: boolean;
  /** What this update adds (content-growth.ts); shared by its groups. */
  growth: Growth;
  /** Scratch: the last content's size (struct-content.ts). */
  sized: ContentSize;
}

/** Scans `update`; throws `RefusedUpdate` or `MalformedUpdate`. */
export function scanUpdate(update: Uint8Array, context: ScanContext): ScanResult {
  const decoder = decoding.createDecoder(update);
  try {
    const ends = new Map<number, number>();
    const held = new Map<number, number>();
    const result = scanStructs(decoder, context, ends, held);
    const { incomplete, ...scanned } = result;
    const deletes = scanDeleteSet(decoder, context, context.maxStructs - result.structs, held, result.growth, incomplete);
    if (decoding.hasContent(decoder)) throw new MalformedUpdate('trailing bytes after update');
    return { ...scanned, waitsWhole: result.waitsWhole && deletes.joining === 0, ends };
  } catch (error) {
    if (error instanceof RefusedUpdate || error instanceof MalformedUpdate) throw error;
    throw new MalformedUpdate(error instanceof Error ? error.message : 'unreadable update');
  }
}

/**
 * `ends` receives each client's clock after this update's structs; `held`, that clock for the
 * clients whose structs here follow the document's on without a hole (what a deletion may name).
 */
function scanStructs(decoder: decoding.Decoder, context: ScanContext, ends: Map<number, number>, held: Map<number, number>): Omit<ScanResult, 'ends'> & { incomplete: Incomplete[] } {
  const groups = decoding.readVarUint(decoder);
  let structs = 0;
  let pendingStructs = 0;
  let hasRuns = false;
  // Clients whose first struct names content of another client that is not there (see waitsOn).
  const waitsOn: number[] = [];
  let waitsWhole = groups > 0;
  const owned = newOwnedInUpdate();
  const growth = newGrowth();
  for (let g = 0; g < groups; g++) {
    const count = decoding.readVarUint(decoder);
    structs += count;
    if (structs > context.maxStructs) throw new RefusedUpdate(`more than ${context.maxStructs} structs in one update`);
    const group = newGroup(decoding.readVarUint(decoder), decoding.readVarUint(decoder), owned, growth);
    const gap = group.clock > context.stateOf(group.client);
    for (let i = 0; i < count; i++) scanStruct(decoder, context, group, i);
    ends.set(group.client, group.clock);
    if (!gap && !group.skipped) held.set(group.client, group.clock);
    hasRuns ||= group.hasRuns;
    if (gap) pendingStructs += count;
    else if (group.firstMissing >= 0) pendingStructs += count - group.firstMissing;
    if (!gap && group.firstMissing === 0 && group.missingClient !== group.client) waitsOn.push(group.missingClient);
    else waitsWhole &&= gap;
  }
  // A group whose first struct waits for a client this update brings nothing of waits whole (Yjs
  // keeps it pending); one this update may bring might join, so the exact check decides.
  waitsWhole &&= waitsOn.every((client) => !ends.has(client));
  resolveItemKeys(context, owned);
  const incomplete = context.doc && context.requiredItemKeys ? incompleteItems(context.requiredItemKeys, owned, growth) : [];
  return { structs, pendingStructs, hasRuns, growth, waitsWhole, incomplete };
}

export function newGroup(client: number, clock: number, owned: OwnedInUpdate = newOwnedInUpdate(), growth: Growth = newGrowth()): GroupState {
  return { client, clock, owned, refClient: 0, refClock: 0, firstMissing: -1, missingClient: -1, lastWasRun: false, hasRuns: false, skipped: false, growth, sized: newContentSize() };
}

/** Whether an info byte starts a GC or Skip struct (a clock range with no content). */
export function isRunStruct(info: number): boolean {
  const ref = info & BITS5;
  return ref === GC_REF || ref === SKIP_REF;
}

/** Reads one struct (info byte first), checking it against `context`; advances `group.clock`. */
export function scanStruct(decoder: decoding.Decoder, context: ScanContext, group: GroupState, index: number): void {
  const info = decoding.readUint8(decoder);
  const ref = info & BITS5;
  const run = ref === GC_REF || ref === SKIP_REF;
  group.hasRuns ||= run && group.lastWasRun;
  group.lastWasRun = run;
  group.skipped ||= ref === SKIP_REF;
  if (run) {
    group.clock += readLength(decoder);
    return;
  }
  // A new type (a collection item) is noted with its collection, so writes into it are known.
  const noteType = ref === TYPE_REF && context.schemaKeys.items.size > 0;
  const doc = context.doc;
  let place: Place | null = null;
  let follows = false;
  if (info & HAS_ORIGIN) {
    checkReference(decoder, context, group, index);
    if (doc) place = placeByReference(doc, group.growth, group.refClient, group.refClock);
    if (doc && place) follows = followsEntry(place, group.refClient, group.refClock);
    // An item set again under its key: it goes where the item it replaces was.
    if (noteType) collectionOfNew(context, group, group.refClient, group.refClock, null);
  }
  if (info & HAS_RIGHT_ORIGIN) {
    checkReference(decoder, context, group, index);
    if (doc && !(info & HAS_ORIGIN)) place = placeByReference(doc, group.growth, group.refClient, group.refClock);
  }
  const named = (info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0;
  if (named) {
    const parentIsRoot = decoding.readVarUint(decoder) === 1;
    const root = parentIsRoot ? decoding.readVarString(decoder) : null;
    if (!parentIsRoot) checkParent(decoder, context, group, index);
    const key = info & HAS_PARENT_SUB ? decoding.readVarString(decoder) : null;
    // A map key is text too (shown as a field or item id, stored, exported): the same characters are refused.
    if (key !== null) refuseForbiddenKey(key);
    if (root !== null) checkRoot(context, root, key);
    if (doc) place = root !== null ? placeAtRoot(doc, root, key) : placeUnderParent(doc, group.growth, group.refClient, group.refClock, key);
    if (noteType && root !== null) collectionOfNew(context, group, 0, 0, root);
    // The collection whose item the struct writes into (its key checked against the schema), or null.
    const collection = parentIsRoot ? null : checkItemKey(context, group, key);
    if (key !== null && isOwnedField(context, collection, key)) {
      noteOwnedValue(group);
      if (!readOwnedValue(decoder, ref)) throw new RefusedUpdate(`writes ${key} other than null, which only the server may write`);
      if (doc) noteStruct(group.growth, place, { client: group.client, clock: group.clock, end: group.clock + 1 }, 1, false);
      group.clock += 1;
      return;
    }
  }
  const clock = group.clock;
  if (noteType) noteNewType(group.owned, group.client, clock);
  group.clock += skipContent(decoder, ref, group.sized);
  // A value under a key: of the type the schema gives it (field-types.ts); a text edit has no key and pays nothing.
  if (place !== null && place.key !== null) checkFieldType(context.schemaKeys.types, group, place, ref, clock);
  // Texts hold characters, maps keyed entries (content-shape.ts); a new type's shape is noted for what goes into it.
  if (ref === TYPE_REF && doc) (group.owned.shapes ??= new Map()).set(`new:${group.client}:${clock}`, shapeOfTypeRef(group.sized.typeRef));
  // A new type sits one deeper than its place (type-depth.ts); where that is unknown, the exact check measures it.
  if (ref === TYPE_REF && doc && place !== null && !noteNewTypeDepth((group.owned.depths ??= new Map()), place.target, `new:${group.client}:${clock}`)) group.growth.unsure = true;
  if (place !== null) checkContentShape(context.rootShapes ?? null, group.owned.shapes ?? null, place, ref);
  if (doc) noteStruct(group.growth, place, { client: group.client, clock, end: group.clock }, group.sized.size, ref === TYPE_REF, { live: ref !== DELETED_REF, follows });
}

/** Reads a reference (into `group.refClient/refClock`) and checks it. */
function checkReference(decoder: decoding.Decoder, context: ScanContext, group: GroupState, index: number): void {
  const client = (group.refClient = decoding.readVarUint(decoder));
  const clock = (group.refClock = decoding.readVarUint(decoder));
  if (context.touchesProtected(client, clock, 1)) throw new RefusedUpdate('writes a field only the server may write');
  if (overwritesOwned(group, client, clock)) throw new RefusedUpdate('overwrites a field only the server may write');
  noteMissing(context, group, index, client, clock);
}

/** A struct inside a type (not a root) names the type's item: a write into a protected subtree. */
function checkParent(decoder: decoding.Decoder, context: ScanContext, group: GroupState, index: number): void {
  const client = (group.refClient = decoding.readVarUint(decoder));
  const clock = (group.refClock = decoding.readVarUint(decoder));
  if (context.touchesProtected(client, clock, 1)) throw new RefusedUpdate('writes into a field only the server may write');
  noteMissing(context, group, index, client, clock);
}

/** A reference to content neither in the document nor earlier in this struct's own group. */
function noteMissing(context: ScanContext, group: GroupState, index: number, client: number, clock: number): void {
  if (group.firstMissing >= 0 || clock < context.stateOf(client)) return;
  if (client === group.client && clock < group.clock) return;
  group.firstMissing = index;
  group.missingClient = client;
}

function checkRoot(context: ScanContext, root: string, key: string | null): void {
  if (context.allowedRoots && !context.allowedRoots.has(root)) throw new RefusedUpdate(`adds a root type "${root}" the schema does not name`);
  if (context.protectsRootKey(root, key)) throw new RefusedUpdate(`writes ${root}.${key ?? ''}, which this writer may not write`);
  if (isUnknownRootKey(context.schemaKeys, root, key)) throw new RefusedUpdate(`writes ${root}.${key ?? ''}, a key the schema does not name`);
}

/**
 * The delete set: its ranges count against the same budget as structs; a deletion of a protected field's item, of an owned
 * item field of an item kept (item-fields.ts) or of a meta field the schema names with none set (title-field.ts) is refused like a write,
 * and so is a range past what the document and this update hold (it would wait in Yjs for content to come), and a new item without a
 * required field (required-fields.ts) the update does not delete. Returns how many ranges delete of the document now.
 */
function scanDeleteSet(decoder: decoding.Decoder, context: ScanContext, budget: number, held: ReadonlyMap<number, number>, growth: Growth, incomplete: Incomplete[]): { joining: number } {
  const start = decoder.pos;
  const kept: Y.Item[] = [];
  const metaDeleted = new Set<string>();
  const clients = decoding.readVarUint(decoder);
  let ranges = 0;
  let joining = 0;
  for (let c = 0; c < clients; c++) {
    const client = decoding.readVarUint(decoder);
    const count = decoding.readVarUint(decoder);
    ranges += count;
    if (ranges > budget) throw new RefusedUpdate(`more than ${context.maxStructs} structs and deletions in one update`);
    const state = Math.max(context.stateOf(client), held.get(client) ?? 0);
    for (let r = 0; r < count; r++) {
      const clock = decoding.readVarUint(decoder);
      const length = decoding.readVarUint(decoder);
      if (context.deletesProtected(client, clock, length)) throw new RefusedUpdate('deletes a field only the server may write');
      if (context.doc) noteDeletion(context.doc, growth, client, clock, length);
      if (context.doc) noteKeptDeletions(context.doc, context.keptItemKeys ?? context.ownedItemKeys, client, clock, length, kept);
      if (context.doc !== undefined && context.allowedRoots !== null) noteMetaDeletions(context.doc, client, clock, length, metaDeleted);
      // A deletion of content neither the document nor this update holds would wait in Yjs and
      // delete the client's next writes when they come, past every check (red team x13: a
      // protected title, the server's priorities, others' new goals). No provider sends one.
      if (clock + length > state) throw new RefusedUpdate('deletes content the document does not hold yet');
      if (clock < context.stateOf(client)) joining++;
    }
  }
  const deleteSet = () => decoding.createDecoder(decoder.arr.subarray(start, decoder.pos));
  refuseKeptDeletions(deleteSet(), kept, context.ownedItemKeys, setAnewBy(growth));
  refuseIncompleteItems(deleteSet(), incomplete);
  if (metaDeleted.size > 0 && context.doc) refuseMetaRemoval(context.doc, growth, metaDeleted);
  return { joining };
}

