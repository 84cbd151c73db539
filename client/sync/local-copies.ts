/**
 * Where this browser keeps its copies of documents (y-indexeddb databases), and forgetting
 * them when a person's session ends (issue 15/16 "after a session ends"). Copies are kept per
 * person, `samplan:<userId>:<documentId>`: an edit one person made offline, or after being
 * signed out, is only ever sent by that same person's session — never by whoever signs in
 * next in the same browser. The factory is a parameter so the rule is tested without a browser.
 */

import { forgetHeldConflicts } from './held-conflicts.js';
import { forgetSeenWorkspaces } from './seen-workspaces.js';

const PREFIX = 'samplan:';

/** The IndexedDB database holding `userId`'s copy of `documentId`. */
export function localCopyName(userId: string, documentId: string): string {
  return `${PREFIX}${userId}:${documentId}`;
}

/**
 * Whether database `name` goes when `userId` signs out: that person's copies, and copies from
 * before copies were kept per person (`samplan:<documentId>`), whose owner nobody knows — so
 * no later session may send them. Other people's copies and other databases stay.
 */
export function isCopyToClear(name: string, userId: string): boolean {
  if (!name.startsWith(PREFIX)) return false;
  const rest = name.slice(PREFIX.length);
  return rest.startsWith(`${userId}:`) || !rest.includes(':');
}

/** The service worker's cache of API answers an offline start needs (vite.config.ts). */
export const API_CACHE = 'samplan-api';

/** The part of `IDBFactory` this module uses. */
export interface DatabaseFactory {
  databases?: () => Promise<Array<{ name?: string }>>;
  deleteDatabase(name: string): { onsuccess: unknown; onerror: unknown; onblocked: unknown };
}

/** Resolves once the deletion is done, failed, or waits on a tab still holding the database (it happens when that tab lets go). */
function remove(factory: DatabaseFactory, name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = factory.deleteDatabase(name);
    const done = () => resolve();
    request.onsuccess = done;
    request.onerror = done;
    request.onblocked = done;
  });
}

/**
 * Deletes every local copy `isCopyToClear` names for `userId`, and the service worker's
 * cached API answers; resolves with how many copies.
 * A browser that cannot list its databases (no `indexedDB.databases`) deletes none: its copies
 * are still per person, so nobody else's session can send them. Never rejects.
 */
export async function clearLocalCopies(
  userId: string,
  factory: DatabaseFactory | undefined = globalThis.indexedDB,
  cacheStorage: Pick<CacheStorage, 'delete'> | undefined = globalThis.caches,
): Promise<number> {
  // The service worker's last answers of /api/me and document infos are personal too, and so
  // are drafts kept beside an undecided conflict (held-conflicts.ts) and the lists of
  // documents last seen in their workspaces (seen-workspaces.ts).
  await cacheStorage?.delete(API_CACHE).catch(() => false);
  forgetHeldConflicts(userId);
  forgetSeenWorkspaces(userId);
  if (!factory?.databases) return 0;
  const listed = await factory.databases().catch(() => []);
  const names = listed.flatMap((db) => (db.name && isCopyToClear(db.name, userId) ? [db.name] : []));
  await Promise.all(names.map((name) => remove(factory, name)));
  return names.length;
}

/** The part of `CacheStorage` keptDocumentIds reads. */
export type CacheReader = Pick<CacheStorage, 'open'>;

/**
 * The ids of the documents `userId` can open offline in this browser (issue 17 item 12): a
 * local copy is kept (`samplan:<userId>:<id>`) and, where there is a service worker cache,
 * so is the document's record (`/api/documents/<id>`), which the document page reads first.
 * A browser that cannot list its databases keeps none that this can name. Never rejects.
 */
export async function keptDocumentIds(
  userId: string,
  factory: Pick<DatabaseFactory, 'databases'> | undefined = globalThis.indexedDB,
  cacheStorage: CacheReader | undefined = globalThis.caches,
): Promise<Set<string>> {
  const mine = localCopyName(userId, '');
  const listed = factory?.databases ? await factory.databases().catch(() => []) : [];
  const copies = listed.flatMap((db) => (db.name?.startsWith(mine) && db.name.length > mine.length ? [db.name.slice(mine.length)] : []));
  if (!cacheStorage) return new Set(copies);
  const records = await cacheStorage
    .open(API_CACHE)
    .then(async (cache) => (await cache.keys()).map((request) => new URL(request.url).pathname))
    .catch(() => [] as string[]);
  const recorded = new Set(records);
  return new Set(copies.filter((id) => recorded.has(`/api/documents/${id}`)));
}
