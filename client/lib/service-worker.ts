/**
 * The offline app shell (issue 17 item 12): registers the service worker that vite-plugin-pwa
 * builds (`/sw.js`, Workbox: the built shell precached, client routes answered with
 * index.html, the API and downloads always from the network). A deploy's worker takes over
 * at once and the page is not reloaded under the person's hands: a stale lazy chunk makes
 * chunk-reload.ts reload it instead.
 *
 * On the very first visit the page's own API calls ran before the worker controlled it, so
 * the worker has not kept them; once it takes control, the calls an offline start needs
 * (`isOfflineNeeded`) are asked again, through it. The host is a parameter, so the rule is
 * testable without a browser.
 */

/** GET calls the worker keeps the last answer of (vite.config.ts `runtimeCaching`). */
const OFFLINE_NEEDED = /\/api\/(?:me|documents\/[^/?]+)$/;

/** Whether an absolute URL of this origin is one whose last answer an offline start needs. */
export function isOfflineNeeded(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) && OFFLINE_NEEDED.test(url.split('?')[0] ?? '');
}

/** What the registration needs of `window`. */
export interface WorkerHost {
  origin: string;
  serviceWorker?: Pick<ServiceWorkerContainer, 'register' | 'addEventListener' | 'controller'>;
  /** URLs this page has requested so far (`performance.getEntriesByType('resource')`). */
  requested(): string[];
  fetch(url: string): Promise<unknown>;
}

/**
 * Registers `/sw.js`; never throws. Call it in builds only: the dev server has no worker.
 * @example registerServiceWorker(browserHost())
 */
export function registerServiceWorker(host: WorkerHost): void {
  const container = host.serviceWorker;
  if (!container) return;
  if (!container.controller) {
    container.addEventListener('controllerchange', () => {
      const urls = new Set(host.requested().filter((url) => isOfflineNeeded(url, host.origin)));
      for (const url of urls) void host.fetch(url).catch(() => undefined);
    });
  }
  container.register('/sw.js', { scope: '/' }).catch(() => undefined);
}

/** The browser as a WorkerHost. */
export function browserHost(): WorkerHost {
  return {
    origin: location.origin,
    serviceWorker: 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
    requested: () => performance.getEntriesByType('resource').map((entry) => entry.name),
    fetch: (url) => fetch(url, { credentials: 'same-origin' }),
  };
}
