/**
 * What the timeline needs to know of its own layout: the axis track's width in pixels (to
 * pick labels that fit, `axisTicks`), the width of a label's text in the ticks' font, and a
 * built row's height (written to `--timeline-row`, so placeholders of rows not yet built
 * are as tall as the rows will be). Re-measured when the axis's width changes.
 */
import { createSignal, onCleanup, onMount, type Accessor } from 'solid-js';

/** A4 at 96 dpi less Chrome's default margins (≈ 717 px), less the 14 rem label column, with room to spare. */
const PRINT_TRACK_PX = 440;

export interface TimelineMeasure {
  trackPx: Accessor<number>;
  textPx: (text: string) => number;
}

/** Measures `table()` once mounted and on every resize; `trackPx` is 0 until then. */
export function createTimelineMeasure(table: () => HTMLTableElement | undefined): TimelineMeasure {
  const [trackPx, setTrackPx] = createSignal(0);
  const context = document.createElement('canvas').getContext('2d');
  let font = '';
  const measure = () => {
    const host = table();
    const axis = host?.querySelector<HTMLElement>('.timeline-axis');
    if (!host || !axis) return;
    const style = getComputedStyle(axis.querySelector('.timeline-tick') ?? axis);
    // Bold, as the years row is: a label measured wide is never clipped. Set before the
    // width, whose setter re-picks the labels at once.
    font = `700 ${style.fontSize} ${style.fontFamily}`;
    setTrackPx(axis.getBoundingClientRect().width);
    const rows = [...host.querySelectorAll<HTMLElement>('tr.timeline-row')].slice(0, 50);
    const height = rows.reduce((sum, row) => sum + row.getBoundingClientRect().height, 0) / (rows.length || 1);
    if (height > 0) host.style.setProperty('--timeline-row', `${height.toFixed(1)}px`);
  };
  // Paper is laid out after `beforeprint`, too late to measure: assume a track no wider than
  // A4's printable width leaves beside the labels (fewer labels on paper, never clipped ones).
  const onPrint = () => setTrackPx((px) => (px > 0 ? Math.min(px, PRINT_TRACK_PX) : PRINT_TRACK_PX));
  window.addEventListener('beforeprint', onPrint);
  window.addEventListener('afterprint', measure);
  onCleanup(() => (window.removeEventListener('beforeprint', onPrint), window.removeEventListener('afterprint', measure)));
  onMount(() => {
    measure();
    // The axis's width is what changes labels and row heights; the table's own height changes with every chunk built.
    const observer = new ResizeObserver(measure);
    const axis = table()?.querySelector('.timeline-axis');
    if (axis) observer.observe(axis);
    onCleanup(() => observer.disconnect());
  });
  const textPx = (text: string) => {
    if (!context) return text.length * 9;
    context.font = font;
    // Canvas and layout round differently: a pixel to spare.
    return Math.ceil(context.measureText(text).width) + 1;
  };
  return { trackPx, textPx };
}
