/**
 * The whole text of an amount field that is wider than its field (issue 17 item 3: a budget
 * of "1 000 000 000 000" showed as "1 000 000 00" in its table cell, which K's column layout
 * keeps at 9rem). The field grows with its text up to its cell (amount-input.css); past
 * that, this reports the text so the field can show it in full under itself.
 * Measured when the field's size changes (ResizeObserver), when its text changes (`check`)
 * and after a stored value is shown (the next frame): only while it is cut does it show.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export interface WholeText {
  /** The field's text when it does not fit in the field, else null. */
  text: Accessor<string | null>;
  /** Give it the field. */
  ref(input: HTMLInputElement): void;
  /** Measure again now (after typing) or after the next frame (`later`: a value set from the document). */
  check(later?: boolean): void;
}

/** Whether the field's text is wider than the field shows (a pixel of rounding allowed). */
export function isCut(field: Pick<HTMLInputElement, 'scrollWidth' | 'clientWidth'>): boolean {
  return field.scrollWidth > field.clientWidth + 1;
}

export function createWholeText(): WholeText {
  const [text, setText] = createSignal<string | null>(null);
  let field: HTMLInputElement | undefined;
  let frame = 0;
  const measure = () => {
    frame = 0;
    if (field) setText(isCut(field) ? field.value : null);
  };
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
  onCleanup(() => {
    observer?.disconnect();
    if (frame) cancelAnimationFrame(frame);
  });
  return {
    text,
    ref: (input) => {
      field = input;
      observer?.observe(input);
    },
    check: (later = false) => {
      if (!later) return measure();
      if (!frame) frame = requestAnimationFrame(measure);
    },
  };
}
