/** Asking the server again, now and then, for what no live update carries (user test u11). */
import { onCleanup, onMount } from 'solid-js';

/**
 * How often a page open on a document asks whether a version was adopted: adopting one
 * changes no document content, so the live draft's updates never say it (issue 18).
 */
export const ADOPTED_POLL_MS = 5_000;

/**
 * While the calling component is mounted, runs `ask` every `ms`, on the browser's `online`
 * event and when the tab is shown again; not while the tab is hidden (nobody reads it, and a
 * tab left open for days asks nothing). `ask` handles its own errors.
 */
export function usePollWhileOpen(ask: () => void, ms: number): void {
  onMount(() => {
    const again = () => {
      if (document.visibilityState !== 'hidden') ask();
    };
    const timer = setInterval(again, ms);
    window.addEventListener('online', again);
    document.addEventListener('visibilitychange', again);
    onCleanup(() => {
      clearInterval(timer);
      window.removeEventListener('online', again);
      document.removeEventListener('visibilitychange', again);
    });
  });
}
