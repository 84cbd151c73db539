/**
 * Arriving by a link to one item of a document (`/d/<plan>#activity-<id>`,
 * `/d/<agenda>#action-<id>` or `#item-<id>`, links.tsx): once the item is on the page it is
 * scrolled into view and marked (`data-link-target`) until the hash changes. The document
 * loads after the page: a MutationObserver waits for the element, as the spotlight does.
 */
import { createEffect, on, onCleanup, type Accessor } from 'solid-js';

/** `"<docId>:<itemId>"` split at its first colon, or null when malformed. */
export function splitLink(link: string | null | undefined): { docId: string; itemId: string } | null {
  if (typeof link !== 'string') return null;
  const at = link.indexOf(':');
  if (at <= 0 || at === link.length - 1) return null;
  return { docId: link.slice(0, at), itemId: link.slice(at + 1) };
}

/** The href of a plan activity (`#activity-<id>`) or an agenda action item (`#action-<id>`). */
export function anchorHref(kind: 'activity' | 'action', link: { docId: string; itemId: string }): string {
  return `/d/${encodeURIComponent(link.docId)}#${kind}-${encodeURIComponent(link.itemId)}`;
}


const SELECTORS: Record<string, (id: string) => string> = {
  // Not the timeline's bar of the same activity: the row of the table (or its card).
  activity: (id) => `[data-activity="${id}"]:not(.timeline-row)`,
  item: (id) => `[data-item="${id}"]`,
  action: (id) => `[data-action-item="${id}"]`,
};

/** The selector a hash names (`#activity-a1` → the activity's row), or null for any other hash. */
export function hashSelector(hash: string): string | null {
  const found = /^#(activity|item|action)-(.+)$/.exec(hash);
  if (!found) return null;
  const [, kind = '', raw = ''] = found;
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return SELECTORS[kind]?.(CSS.escape(id)) ?? null;
}

/**
 * Scrolls to and marks the item `hash()` names, now and whenever it changes; `onArrive` runs
 * when it does (the session stops following: this was the person's own move). `hash` is the
 * router's location: after an in-app link, `window.location` changes only once the new page
 * has rendered. Call inside a Solid owner.
 */
export function useHashTarget(hash: Accessor<string>, onArrive: () => void): void {
  let observer: MutationObserver | null = null;
  let marked: Element | null = null;
  const stop = () => {
    observer?.disconnect();
    observer = null;
  };
  const go = (value: string) => {
    stop();
    marked?.removeAttribute('data-link-target');
    marked = null;
    const selector = hashSelector(value);
    if (!selector) return;
    const apply = (): boolean => {
      const element = document.querySelector(selector);
      if (!element) return false;
      marked = element;
      element.setAttribute('data-link-target', 'true');
      // A frame later: the router scrolls to the top when an in-app navigation ends.
      requestAnimationFrame(() => element.scrollIntoView({ block: 'center' }));
      onArrive();
      return true;
    };
    if (apply()) return;
    observer = new MutationObserver(() => {
      if (apply()) stop();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  };
  createEffect(on(hash, go));
  onCleanup(stop);
}
