/** Asking the server again by itself while a page part could not reach it (issue 17 item 12, user test u11). */
import { onCleanup, onMount } from 'solid-js';

/**
 * How often a part shown as unreachable asks the server again besides the browser's `online`
 * event (a browser can be "online" while the server is not reachable).
 */
export const OFFLINE_RETRY_MS = 15_000;

/**
 * While the calling component is mounted, runs `retry` on the browser's `online` event and
 * every OFFLINE_RETRY_MS, so what could not load comes back by itself when the connection
 * does. Mount it only where the failure is shown: it stops with that component.
 */
export function useRetryWhenOnline(retry: () => void): void {
  onMount(() => {
    const again = () => retry();
    window.addEventListener('online', again);
    const timer = setInterval(again, OFFLINE_RETRY_MS);
    onCleanup(() => {
      window.removeEventListener('online', again);
      clearInterval(timer);
    });
  });
}
