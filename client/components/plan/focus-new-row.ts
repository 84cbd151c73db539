/**
 * Focus for rows just added (issue 17 item 9): after "Lägg till aktivitet" the caret belongs
 * in the new row's title, not on the button. The row renders after the Yjs change reaches
 * the view (and on big plans a goal renders in an idle moment), so wait for it to appear.
 */
const GIVE_UP_MS = 5_000;

/** Focuses the element with `id` now or as soon as it is rendered; gives up after 5 s. */
export function focusWhenRendered(id: string): void {
  const tryFocus = (): boolean => {
    const target = document.getElementById(id);
    if (!target) return false;
    target.scrollIntoView({ block: 'nearest' });
    target.focus();
    return true;
  };
  if (tryFocus()) return;
  const observer = new MutationObserver(() => tryFocus() && stop());
  const timer = setTimeout(() => stop(), GIVE_UP_MS);
  function stop(): void {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
}
