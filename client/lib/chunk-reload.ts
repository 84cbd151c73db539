/**
 * After a deploy, an open tab still runs the old build, whose lazy chunks (the editors)
 * are gone from the server: loading one fails (a 404, issue 17 item 13). Vite reports
 * that as a `vite:preloadError` event on `window`; the page then reloads itself once, to
 * get the new build. A page that just reloaded for this does not reload again (the chunk
 * may be missing for another reason, or the network down): the page then says it could not
 * be loaded, with "Ladda om" (components/PageError.tsx), instead of a reload loop or a
 * blank page. The guard is in sessionStorage, so it is per tab and
 * survives the reload.
 */

/** sessionStorage key: when this tab last reloaded for a missing chunk (ms since epoch). */
export const RELOAD_KEY = 'samplan:chunk-reload-at';
/** A second failure within this long of a reload is not reloaded again. */
export const RELOAD_GUARD_MS = 60_000;

/** What the reload needs of `window`, so the rule is testable without a browser. */
export interface ReloadHost {
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
  location: Pick<Location, 'reload'>;
  addEventListener(type: 'vite:preloadError', listener: (event: Event) => void): void;
}

/**
 * Whether a chunk failure at `now` should reload the page (and, if so, records it).
 * Storage that throws (private modes, quota) means no guard can be kept: no reload.
 */
export function claimReload(storage: ReloadHost['sessionStorage'], now: number): boolean {
  try {
    const last = Number(storage.getItem(RELOAD_KEY) ?? '');
    if (Number.isFinite(last) && last > 0 && now - last < RELOAD_GUARD_MS && now >= last) return false;
    storage.setItem(RELOAD_KEY, String(now));
    return true;
  } catch {
    return false;
  }
}

/**
 * Reloads the page once when a lazy chunk fails to load; call once at start-up.
 * @example installChunkReload(window)
 */
export function installChunkReload(host: ReloadHost, now: () => number = Date.now): void {
  host.addEventListener('vite:preloadError', (event) => {
    if (!claimReload(host.sessionStorage, now())) return;
    // Handled: Vite does not rethrow. The page's import then resolves to nothing and the
    // page throws while the reload is under way: PageError shows nothing for that.
    event.preventDefault();
    reloadPending = true;
    host.location.reload();
  });
}

let reloadPending = false;

/** Whether this page is reloading itself for a missing chunk (an error now is the reload's, not news). */
export function isReloadPending(): boolean {
  return reloadPending;
}

/**
 * What browsers throw when a lazy chunk (a page's code, its CSS) cannot be fetched:
 * Chromium "Failed to fetch dynamically imported module: …", Firefox "error loading
 * dynamically imported module: …", Safari "Importing a module script failed.", Vite
 * "Unable to preload CSS for …". Such a page says to check the connection and reload
 * (issue 17 user test item 3); any other error is the page's own.
 */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return /dynamically imported module|importing a module script failed|unable to preload css/i.test(message);
}
