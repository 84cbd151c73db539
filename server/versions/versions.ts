/** Making versions and reading their content (DESIGN "Versions, changes, the live draft"). */
import * as Y from 'yjs';
import { toJSON, type DocumentJSON } from '../../shared/model/document.js';
import type { Clock } from '../context.js';
import type { Kdb } from '../db/kysely.js';
import { AppError } from '../errors.js';
import type { Rooms } from '../sync/rooms.js';
import { dropOldestAutomatic, insertVersion, versionCount, type Decision, type Version, type VersionKind } from './store.js';

/** Quiet after edits before an automatic version is made: 10 minutes (DESIGN). */
export const AUTO_VERSION_QUIET_MS = 10 * 60 * 1000;

/** Versions one document may hold unless the caller says otherwise (VERSIONS_PER_DOCUMENT). */
export const VERSIONS_PER_DOCUMENT = 1000;

/** What making a version needs: where it is stored, the content, the time. */
export interface VersionDeps {
  kdb: Kdb;
  clock: Clock;
  rooms: Pick<Rooms, 'encodeState'>;
}

/**
 * Stores a version of the document as it is now: its full state, encoded and compacted at
 * this moment, or `input.data` when the caller encoded it (docs/versions.md says why full
 * states rather than `gc: false` history).
 * At `cap` versions (every kind counts; default VERSIONS_PER_DOCUMENT) the oldest automatic
 * one is deleted to make room; with none left, 409 `version.limit` and nothing is stored
 * (red team F2: 101 versions of 1–2 MB in 15 s). Two makers at once may pass the count
 * together and end one or two over `cap`; the per-person rate keeps that small.
 */
export async function makeVersion(
  deps: VersionDeps,
  documentId: string,
  input: { kind: VersionKind; name: string; createdBy: string | null; decision?: Decision | null; restoreOf?: string; cap?: number; data?: Uint8Array },
): Promise<Version> {
  await makeRoom(deps.kdb, documentId, input.cap ?? VERSIONS_PER_DOCUMENT);
  // A restore passes the state it was computed against, so its "before" version is exactly that.
  const data = input.data ?? (await deps.rooms.encodeState(documentId));
  const { kind, name, createdBy } = input;
  return insertVersion(deps.kdb, { documentId, kind, name, createdBy, decision: input.decision ?? null, data, at: deps.clock.now(), restoreOf: input.restoreOf ?? null });
}

/** Room for one more version under `cap`: drops the oldest automatic ones, else 409 `version.limit`. */
export async function makeRoom(kdb: Kdb, documentId: string, cap: number): Promise<void> {
  const over = (await versionCount(kdb, documentId)) - cap + 1;
  if (over <= 0 || (await dropOldestAutomatic(kdb, documentId, over))) return;
  throw new AppError(
    409,
    'version.limit',
    `Dokumentet har redan ${cap} versioner, det högsta antalet, och inga automatiska versioner kvar att ersätta. Duplicera dokumentet och spara nya versioner i kopian.`,
  );
}

/** A stored state as a Y.Doc; the caller destroys it. */
export function stateDoc(data: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, data);
  return doc;
}

/** A stored state in the export shape (null when it holds no document, e.g. before creation). */
export function stateJSON(data: Uint8Array): DocumentJSON | null {
  const doc = stateDoc(data);
  try {
    return toJSON(doc);
  } finally {
    doc.destroy();
  }
}

/** `"2027-03-15 14:02"` in Swedish time, for names like "Före återställning …". */
export function localTime(ms: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(ms);
}
