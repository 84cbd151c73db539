/**
 * Building a big timeline's rows as they come near the viewport (issue 17 item 14). Rows are
 * a table's, so a virtualiser that positions rows absolutely (and drops them again) would
 * break the table a screen reader reads and the print; instead each chunk of rows starts as
 * a placeholder row of its estimated height, and is built, for good, when an
 * IntersectionObserver sees it within a screen's height of the viewport. The scroll height
 * stays put; printing builds every chunk first (`beforeprint`). Find in page reaches rows not
 * built yet through the labels their placeholders show (TimelineChart.tsx), and scrolling
 * there builds them.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

/** Build a screen's height ahead, above and below, so scrolling (or a screen reader moving on) meets built rows. */
const AHEAD = '100% 0px 100% 0px';

export interface RowBuilder {
  /** Calls `build` once, when `placeholder` is near the viewport (or at once where there is no IntersectionObserver). */
  watch(placeholder: Element, build: () => void): void;
  /** True from the first `beforeprint` on: every chunk is built. */
  printing: Accessor<boolean>;
}

/** One observer for the whole timeline; disconnected with the owner. */
export function createRowBuilder(): RowBuilder {
  const [printing, setPrinting] = createSignal(false);
  const waiting = new Map<Element, () => void>();
  const observer =
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              observer?.unobserve(entry.target);
              const build = waiting.get(entry.target);
              waiting.delete(entry.target);
              build?.();
            }
          },
          { rootMargin: AHEAD },
        );
  const onPrint = () => setPrinting(true);
  window.addEventListener('beforeprint', onPrint);
  onCleanup(() => {
    window.removeEventListener('beforeprint', onPrint);
    observer?.disconnect();
    waiting.clear();
  });
  return {
    watch(placeholder, build) {
      if (!observer) return build();
      waiting.set(placeholder, build);
      observer.observe(placeholder);
      // A placeholder removed before it was seen (the plan changed) must not keep its closure.
      onCleanup(() => {
        observer.unobserve(placeholder);
        waiting.delete(placeholder);
      });
    },
    printing,
  };
}
