/**
 * Focus after a row is moved or removed (user test u13 item 3, WCAG 2.4.3): the row is drawn
 * anew after the Yjs change, which sent focus to <body>. After a move, focus goes back to the
 * same arrow on the moved row (so Enter moves it one more step), or to the other arrow where
 * the row reached the end; after a removal, to the next row's ✕, else the previous row's,
 * else the list's add button (`data-add-row` naming the same kind).
 */
const WATCH_MS = 1_500;

type Action = 'up' | 'down' | 'remove';

function groupSelector(kind: string, id: string): string {
  return `.row-actions[data-actions-kind="${CSS.escape(kind)}"][data-actions-id="${CSS.escape(id)}"]`;
}

function enabledButton(kind: string, id: string, actions: Action[]): HTMLElement | null {
  for (const action of actions) {
    const button = document.querySelector<HTMLButtonElement>(`${groupSelector(kind, id)} [data-row-action="${action}"]`);
    if (button && !button.disabled) return button;
  }
  return null;
}

/**
 * Puts focus on what `find` returns whenever focus has fallen to <body> in the next moments
 * (the view redraws after the change, maybe in an idle moment); stops when the person moves on.
 */
function keepFocus(find: () => HTMLElement | null): void {
  const settle = (): boolean => {
    const active = document.activeElement;
    const target = find();
    if (active && active !== document.body && active !== target) return true;
    if (target && active !== target) target.focus();
    return false;
  };
  const observer = new MutationObserver(() => settle() && stop());
  const timer = setTimeout(() => stop(), WATCH_MS);
  function stop(): void {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  queueMicrotask(() => settle() && stop());
}

/** After moving row `id` of `kind` one step: its same arrow, or the other one at the end. */
export function focusAfterMove(kind: string, id: string, direction: -1 | 1): void {
  const order: Action[] = direction < 0 ? ['up', 'down'] : ['down', 'up'];
  keepFocus(() => enabledButton(kind, id, order));
}

/**
 * Around an undo or redo from the keyboard (user test u14 item 2): when focus was on a row's
 * action (`from`, the key's target), the redrawn row's same action — else its other enabled
 * one — gets it back instead of <body>. Call after the undo; does nothing elsewhere.
 */
export function focusAfterUndo(from: Element | null): void {
  const group = from?.closest<HTMLElement>('.row-actions[data-actions-kind][data-actions-id]');
  const action = from?.closest<HTMLElement>('[data-row-action]')?.dataset.rowAction as Action | undefined;
  const { actionsKind: kind, actionsId: id } = group?.dataset ?? {};
  if (!kind || !id) return;
  const order: Action[] = action ? [action, 'up', 'down', 'remove'] : ['up', 'down', 'remove'];
  keepFocus(() => enabledButton(kind, id, order));
}

/**
 * Before removing row `id` of `kind` (whose actions are `group`): where focus goes after it,
 * the next row's ✕ in the nearest list holding another such row, else the previous row's,
 * else the nearest add button for that kind. Call `then` after the removal.
 */
export function focusAfterRemove(group: HTMLElement, kind: string): { then: () => void } {
  let target: (() => HTMLElement | null) | null = null;
  for (let scope = group.parentElement; scope && !target; scope = scope.parentElement) {
    const rows = [...scope.querySelectorAll<HTMLElement>(`.row-actions[data-actions-kind="${CSS.escape(kind)}"]`)];
    const at = rows.indexOf(group);
    const other = rows[at + 1] ?? rows[at - 1];
    const otherId = other?.dataset.actionsId;
    const add = scope.querySelector<HTMLElement>(`[data-add-row="${CSS.escape(kind)}"]`);
    if (otherId) target = () => enabledButton(kind, otherId, ['remove']);
    else if (add) target = () => (add.isConnected ? add : scope?.querySelector<HTMLElement>(`[data-add-row="${CSS.escape(kind)}"]`) ?? null);
  }
  return { then: () => target && keepFocus(target) };
}
