/**
 * The document states `compare` and `changes` read (DESIGN "Versions, changes, the live
 * draft"): the live draft, a version, the adopted version, or the state at a past moment.
 */
import type { Deps } from '../context.js';
import { AppError } from '../errors.js';
import { lastVisit, latestAdopted, versionAtOrBefore, versionData } from './store.js';
import { loggedStateAt } from './logged-state.js';

export const versionNotFound = () => new AppError(404, 'version.not-found', 'Versionen finns inte.');
const noneAdopted = () => new AppError(404, 'version.none-adopted', 'Dokumentet har ingen antagen version ännu.');

/**
 * The bytes (a Yjs update) of `live`, `adopted` (the latest version with a decision) or a
 * version id, for a compare or export thread to decode; 404 `version.*` otherwise.
 */
export async function stateData(deps: Pick<Deps, 'kdb' | 'rooms'>, documentId: string, which: string): Promise<Uint8Array> {
  if (which === 'live') return deps.rooms.encodeState(documentId);
  const id = which === 'adopted' ? (await latestAdopted(deps.kdb, documentId))?.id : which;
  if (id === undefined) throw noneAdopted();
  const data = await versionData(deps.kdb, documentId, id);
  if (!data) throw versionNotFound();
  return data;
}

/** Where a change list starts: which state it was, and when (ISO; null for the empty document). */
export interface ChangesBase {
  kind: 'moment' | 'visit' | 'version' | 'empty';
  at: string | null;
}

/** The state the member saw at their last visit (its bytes), or null when they never recorded one. */
export async function lastVisitState(kdb: Deps['kdb'], documentId: string, userId: string): Promise<{ base: ChangesBase; data: Uint8Array | null } | null> {
  const visit = await lastVisit(kdb, documentId, userId);
  return visit ? { base: { kind: 'visit', at: new Date(visit.visitedAt).toISOString() }, data: visit.data } : null;
}

/**
 * The state at `at` (ms; its bytes, null: the empty document): exactly, from the update log,
 * while no compaction after `at` has folded it away (`kind: "moment"`, logged-state.ts); else
 * as the caller can know it: the newer of their own last visit at or before it and the
 * newest version at or before it (both hold full states); with neither, the empty
 * document, so everything is listed as added (docs/versions.md). `userId` null: a share-link
 * guest, who has no visits on the server (their last visit is kept by their browser).
 */
export async function stateAt(kdb: Deps['kdb'], documentId: string, userId: string | null, at: number): Promise<{ base: ChangesBase; data: Uint8Array | null }> {
  const logged = await loggedStateAt(kdb, documentId, at);
  if (logged) return { base: logged.data ? { kind: 'moment', at: new Date(at).toISOString() } : { kind: 'empty', at: null }, data: logged.data };
  const [visit, version] = await Promise.all([userId === null ? undefined : lastVisit(kdb, documentId, userId), versionAtOrBefore(kdb, documentId, at)]);
  const usable = visit && visit.visitedAt <= at ? visit : undefined;
  if (usable && (!version || usable.visitedAt >= version.createdAt)) {
    return { base: { kind: 'visit', at: new Date(usable.visitedAt).toISOString() }, data: usable.data };
  }
  if (version) return { base: { kind: 'version', at: new Date(version.createdAt).toISOString() }, data: version.data };
  return { base: { kind: 'empty', at: null }, data: null };
}
