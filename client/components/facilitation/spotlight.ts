/**
 * The spotlight on the page (DESIGN "Facilitation": the spotlit item scrolls into view and
 * is highlighted, late joiners included). The item is marked with `data-spotlit` wherever it
 * is rendered; a browser that follows also scrolls to it. The element may not exist yet (the
 * document still loading, a late joiner): a MutationObserver waits for it.
 */
import { createEffect, onCleanup, type Accessor } from 'solid-js';
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

/**
 * Keeps the spotlit item marked, and scrolls to it whenever the spotlight moves (or following
 * starts again) while `following()`. Call inside a Solid owner.
 */
export function useSpotlight(spotlight: Accessor<ItemRef | null>, following: Accessor<boolean>, items: Accessor<SessionItem[]>): void {
  let marked: Element | null = null;
  let observer: MutationObserver | null = null;
  const unmark = () => {
    marked?.removeAttribute('data-spotlit');
    marked = null;
  };
  const stopWaiting = () => {
    observer?.disconnect();
    observer = null;
  };
  createEffect(() => {
    const ref = spotlight();
    const follow = following();
    stopWaiting();
    unmark();
    if (!ref) return;
    const apply = (): boolean => {
      const element = findElement(ref, items());
      if (!element) return false;
      marked = element;
      element.setAttribute('data-spotlit', 'true');
      if (follow) element.scrollIntoView({ block: 'center', behavior: 'auto' });
      return true;
    };
    if (apply()) return;
    observer = new MutationObserver(() => {
      if (apply()) stopWaiting();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  onCleanup(() => {
    stopWaiting();
    unmark();
  });
}
