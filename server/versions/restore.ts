/** Restoring a version (DESIGN "Versions": a new change everyone online sees; history kept). */
import * as Y from 'yjs';
import type { Deps } from '../context.js';
import type { DocumentRow } from '../db/documents.js';
import { AppError } from '../errors.js';
import { changeableHere } from '../sync/room-lease.js';
import { PIECE_WEIGHT } from '../sync/client-updates.js';
import { splitServerUpdate } from '../sync/split-update.js';
import type { ComparePool } from './compare-pool.js';
import { versionNotFound } from './states.js';
import { findVersion, versionData, type Version } from './store.js';
import { localTime, makeVersion } from './versions.js';

/**
 * Makes the named version "Före återställning <date time>" of the live document, then
 * writes version `versionId`'s content into the live room as one server change, stored
 * before this resolves and sent to every open socket like an editor's edit. The walk over
 * both documents runs in `pool`'s thread for big ones (issue 17): it yields the update from
 * the live state encoded here, and edits that reach the room meanwhile merge with it as
 * concurrent edits do; the update is applied in pieces of `PIECE_WEIGHT`, one per
 * event-loop turn, each stored and sent like an edit. 404 `version.not-found`; 409 `document.read-only` when nobody may
 * write the document; 409 `version.limit` when the "before" version finds no room under
 * `cap`; 503 `busy` (with `Retry-After`) when the pool's queue is full or the walk
 * outlasts its time, before anything is written. `charge` is told the bytes about to be
 * stored (the live state, the update) first and may refuse (server/http/creation-budget.ts).
 */
export async function restoreVersion(
  deps: Pick<Deps, 'kdb' | 'rooms' | 'clock'>,
  pool: Pick<ComparePool, 'restore'>,
  document: DocumentRow,
  versionId: string,
  userId: string,
  cap?: number,
  charge: (bytes: number) => Promise<void> = async () => undefined,
): Promise<{ restored: Version; before: Version }> {
  const [restored, data] = await Promise.all([findVersion(deps.kdb, document.id, versionId), versionData(deps.kdb, document.id, versionId)]);
  if (!restored || !data) throw versionNotFound();
  if (await deps.rooms.readOnlyOf(document.id)) throw readOnly();
  // Owned here before the "Före återställning" version is made: a 503 elsewhere writes nothing.
  await changeableHere(deps.rooms, [document.id]);
  const live = await deps.rooms.encodeState(document.id);
  const { update } = await pool.restore({ live, version: data, kind: document.kind });
  // What is stored next: the live state as the "before" version, and the restoring update.
  await charge(live.length + (update?.length ?? 0));
  const before = await makeVersion(deps, document.id, { kind: 'named', name: `Före återställning ${localTime(deps.clock.now())}`, createdBy: userId, restoreOf: restored.id, cap, data: live });
  // The server's change, made for `userId`: in pieces, one event-loop turn apart (a whole big plan held every room for seconds).
  const pieces = update === null ? [] : splitServerUpdate(update, PIECE_WEIGHT);
  const changed = await deps.rooms.change(document.id, pieces.length === 0 ? () => undefined : pieces.map((piece) => (doc: Y.Doc) => Y.applyUpdate(doc, piece)), userId);
  if (!changed) throw readOnly();
  return { restored, before };
}

const readOnly = () => new AppError(409, 'document.read-only', 'Dokumentet är skrivskyddat och kan inte återställas.');
