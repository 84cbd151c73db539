/**
 * The spotlight on the page (DESIGN "Facilitation": the spotlit item scrolls into view and
 * is highlighted, late joiners included). The item is marked with `data-spotlit` wherever it
 * is rendered; a browser that follows also scrolls to it — only when the spotlight moves or
 * following starts again, never on other session or presence changes, and never while the
 * person is typing in a field (issue 19 user test: following must not yank an editor away).
 * The element may not exist yet (the document still loading, a late joiner): a
 * MutationObserver waits for it.
 */
import { createEffect, createMemo, on, onCleanup, untrack, type Accessor } from 'solid-js';
import type { ItemRef } from '../../sync/session.js';
import { selectorOf, type SessionItem } from './items.js';

function findElement(ref: ItemRef, items: readonly SessionItem[]): Element | null {
  const direct = document.querySelector(selectorOf(ref));
  if (direct) return direct;
  // Plan goals and focus areas carry no attribute in every view: their first child's section stands in.
  const near = items.find((i) => i.collection === ref.collection && i.id === ref.id)?.near;
  if (!near) return null;
  const child = document.querySelector(`[data-activity="${CSS.escape(near)}"], [data-goal="${CSS.escape(near)}"]`);
  return child?.closest('section, tbody') ?? child;
}

const NOT_TYPED = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image']);

/** Whether `element` takes typing (a text field, a select, a rich-text editor). */
export function isEditable(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLInputElement) return !NOT_TYPED.has(element.type);
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  return element.closest('[contenteditable="true"], [contenteditable=""], .cm-editor') !== null;
}

/** Whether a follower's page may be moved now: not while a field of the document has focus. */
const typing = () => isEditable(document.activeElement) && !document.activeElement?.closest('.facilitation, [data-session-strip]');

export interface SpotlightInput {
  spotlight: Accessor<ItemRef | null>;
  /** This browser follows (awareness), and is not the one running the session. */
  follow: Accessor<boolean>;
  items: Accessor<SessionItem[]>;
}

/**
 * Keeps the spotlit item marked, and scrolls to it when the spotlight moves (or following
 * starts again) while `follow()` and no field has focus. Call inside a Solid owner.
 */
export function useSpotlight(input: SpotlightInput): void {
  let marked: Element | null = null;
  let observer: MutationObserver | null = null;
  const key = createMemo(() => {
    const ref = input.spotlight();
    return ref ? JSON.stringify([ref.collection, ref.id]) : '';
  });
  const follow = createMemo(() => input.follow());
  const unmark = () => {
    marked?.removeAttribute('data-spotlit');
    marked = null;
  };
  const stopWaiting = () => {
    observer?.disconnect();
    observer = null;
  };
  /** Marks the element (waiting for it when it is not on the page yet); scrolls when `scroll`. */
  const show = (scroll: boolean) => {
    stopWaiting();
    const ref = untrack(input.spotlight);
    if (!ref) return unmark();
    const apply = (): boolean => {
      const element = findElement(ref, untrack(input.items));
      if (!element) return false;
      if (element !== marked) unmark();
      marked = element;
      element.setAttribute('data-spotlit', 'true');
      // Following is read again here: the element may appear long after, when the person has moved on.
      if (scroll && untrack(follow) && !typing()) element.scrollIntoView({ block: 'center', behavior: 'auto' });
      return true;
    };
    if (apply()) return;
    observer = new MutationObserver(() => {
      if (apply()) stopWaiting();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  };
  createEffect(
    on([key, follow], ([k, f], previous) => {
      const moved = previous === undefined || previous[0] !== k;
      const rejoined = previous !== undefined && !previous[1] && f;
      if (!k) {
        stopWaiting();
        return unmark();
      }
      if (moved || rejoined) show(f);
    }),
  );
  // The list re-rendered (an item added, moved): mark the spotlit element again, without scrolling.
  createEffect(
    // The store's list is merged in place: its length is what changes when rows come and go.
    on(() => input.items().length, () => {
      if (key() && (!marked || !marked.isConnected)) show(false);
    }, { defer: true }),
  );
  onCleanup(() => {
    stopWaiting();
    unmark();
  });
}

const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown', ' ']);

/**
 * Calls `pause` when the person moves on their own while following (as in Figma's or Google
 * Slides' audience view): a wheel or touch scroll, a scrolling key outside a field, or focus
 * into a field of the document. Scrolls the spotlight makes itself fire none of these.
 */
export function usePauseOnOwnMove(active: Accessor<boolean>, pause: () => void): void {
  const outside = (target: EventTarget | null) => !(target instanceof Element && target.closest('.facilitation, [data-session-strip]'));
  const onMove = () => {
    if (active()) pause();
  };
  const onKey = (event: KeyboardEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    if (SCROLL_KEYS.has(event.key) && !isEditable(target) && outside(target) && !(target instanceof HTMLButtonElement)) onMove();
  };
  const onFocus = (event: FocusEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    if (isEditable(target) && outside(target)) onMove();
  };
  window.addEventListener('wheel', onMove, { passive: true });
  window.addEventListener('touchmove', onMove, { passive: true });
  document.addEventListener('keydown', onKey);
  document.addEventListener('focusin', onFocus);
  onCleanup(() => {
    window.removeEventListener('wheel', onMove);
    window.removeEventListener('touchmove', onMove);
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('focusin', onFocus);
  });
}
