/**
 * A select that shows its value whatever happens to its options (user test u13 item 4).
 * Solid sets `value` once, when the value changes; options drawn after that (a <For> over a
 * list that arrives later, or is fetched again and drawn anew) leave the browser's own choice,
 * the first option, on screen while the control uses the value: the compare "Till" showed
 * "Antagen version …" while "Jämför" compared with the live draft.
 */
import { createEffect, onCleanup, type Accessor } from 'solid-js';

/** Keeps `select` showing `value()`: when the value changes and when its options change. Call inside a Solid owner. */
export function keepSelectValue(select: HTMLSelectElement, value: Accessor<string>): void {
  const apply = (wanted: string) => {
    if (select.value !== wanted) select.value = wanted;
  };
  createEffect(() => apply(value()));
  const observer = new MutationObserver(() => apply(value()));
  observer.observe(select, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value'] });
  onCleanup(() => observer.disconnect());
}
