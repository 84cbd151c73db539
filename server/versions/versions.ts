/** Making versions and reading their content (DESIGN "Versions, changes, the live draft"). */
import * as Y from 'yjs';
import { toJSON, type DocumentJSON } from '../../shared/model/document.js';
import type { Clock } from '../context.js';
import type { Kdb } from '../db/kysely.js';
import type { Rooms } from '../sync/rooms.js';
import { insertVersion, type Decision, type Version, type VersionKind } from './store.js';

/** Quiet after edits before an automatic version is made: 10 minutes (DESIGN). */
export const AUTO_VERSION_QUIET_MS = 10 * 60 * 1000;

/**
 * Stores a version of the document as it is now: its full state, encoded and compacted at
 * this moment (docs/versions.md says why full states rather than `gc: false` history).
 */
/** What making a version needs: where it is stored, the content, the time. */
export interface VersionDeps {
  kdb: Kdb;
  clock: Clock;
  rooms: Pick<Rooms, 'encodeState'>;
}

export async function makeVersion(
  deps: VersionDeps,
  documentId: string,
  input: { kind: VersionKind; name: string; createdBy: string | null; decision?: Decision | null; restoreOf?: string },
): Promise<Version> {
  const data = await deps.rooms.encodeState(documentId);
  const { kind, name, createdBy } = input;
  return insertVersion(deps.kdb, { documentId, kind, name, createdBy, decision: input.decision ?? null, data, at: deps.clock.now(), restoreOf: input.restoreOf ?? null });
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
