/**
 * Whether the browser says it has a network (`navigator.onLine`, followed through its
 * `online`/`offline` events), for what can only work with the server: downloads, creating a
 * workspace (user test u11). A browser can be "online" while the server is not reachable;
 * pages that reach the server say that themselves (LoadError, the sync status).
 */
import { createSignal } from 'solid-js';

const [online, setOnline] = createSignal(typeof navigator === 'undefined' ? true : navigator.onLine);
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => setOnline(true));
  window.addEventListener('offline', () => setOnline(false));
}

/** True unless the browser has said it is offline. Reactive. */
export { online as browserOnline };
