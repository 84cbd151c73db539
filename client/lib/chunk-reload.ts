/**
 * After a deploy, an open tab still runs the old build, whose lazy chunks (the editors)
 * are gone from the server: loading one fails (a 404, issue 17 item 13). Vite reports
 * that as a `vite:preloadError` event on `window`; the page then reloads itself once, to
 * get the new build. A page that just reloaded for this does not reload again (the chunk
 * may be missing for another reason, or the network down): the error then shows as any
 * other, instead of a reload loop. The guard is in sessionStorage, so it is per tab and
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
    // Handled: Vite does not rethrow, so no error flashes before the reload.
    event.preventDefault();
    host.location.reload();
  });
}
