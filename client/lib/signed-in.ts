import { ApiError } from '../api.js';
import { API_CACHE } from '../sync/local-copies.js';
import { settleWithin } from './settle-within.js';

/** How long a start waits for the cached answers to go before it goes on to the sign-in page. */
export const CACHE_DELETE_WAIT_MS = 2_000;

/**
 * Who is signed in, from `ask` (api.me): its answer, or null when it answers 401 (nobody).
 * Then the service worker's last answers (who was signed in, their documents' records) are
 * deleted, so offline nothing of theirs opens for whoever uses this browser next — waited for
 * `waitMs` at most: the fetch before is bounded by api.ts's call timeout, this deletion is
 * not, and the page must still reach the sign-in page (issue 17 item 3: never "Laddar …" for
 * ever); the deletion carries on meanwhile. Any other error is rethrown for the page to show.
 */
export async function signedInOrNobody<T>(
  ask: () => Promise<T>,
  cacheStorage: Pick<CacheStorage, 'delete'> | undefined,
  waitMs = CACHE_DELETE_WAIT_MS,
): Promise<T | null> {
  try {
    return await ask();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    const deletion = cacheStorage?.delete(API_CACHE);
    if (deletion) await settleWithin(deletion, waitMs);
    return null;
  }
}
