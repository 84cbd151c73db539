/**
 * Which ticks of a timeline axis row carry a label, and where (issue 17, C item 2: a
 * two-year plan's 8th quarter had no label at 390 px: a first or last segment clipped by the
 * range lost its label whenever its own box was narrower than the text). The rule for any
 * count of segments and any width: the first and the last tick are always labelled (the last
 * one right-aligned to the track's end when it would run past it), the inner ones every
 * `step`-th from the first (the smallest step whose labels do not overlap), and an inner label
 * that would overlap the first or last is left out. Pure: widths are passed in.
 */

/** Room a label needs besides its text: the tick's left border and padding (0.2 rem), and a pixel to spare. */
export const TICK_PADDING_PX = 5;

/** Where a label is drawn: from its tick's start, or right-aligned to the end of the track. */
export type LabelAt = 'start' | 'end';

/** A tick as placement sees it: percent of the track where it starts, and its label's text. */
export interface PlaceableTick {
  left: number;
  text: string;
}

export interface Placement {
  /** Labelled inner ticks are those at `step`, `2·step` … from the first. */
  step: number;
  /** Per tick: `null` without a label, else where its label is drawn. */
  at: Array<LabelAt | null>;
}

interface Extent {
  index: number;
  from: number;
  to: number;
  at: LabelAt;
}

/**
 * Labels for `ticks` in a track `trackPx` wide, trying `steps` (ascending) until the inner
 * labels do not overlap; `textPx(text)` is the text's width in pixels. `trackPx <= 0` (not
 * laid out yet) labels every tick.
 *
 * @example placeLabels([{ left: 0, text: 'K1' }, { left: 50, text: 'K2' }], 200, (s) => s.length * 7, [1, 2]).at // ['start', 'start']
 */
export function placeLabels(ticks: PlaceableTick[], trackPx: number, textPx: (text: string) => number, steps: number[]): Placement {
  if (trackPx <= 0) return { step: 1, at: ticks.map(() => 'start') };
  const extent = (index: number): Extent => {
    const tick = ticks[index] ?? { left: 0, text: '' };
    const from = (tick.left / 100) * trackPx;
    const need = textPx(tick.text) + TICK_PADDING_PX;
    // The last label keeps inside the track: right-aligned to its end when it would run past it.
    if (index === ticks.length - 1 && index > 0 && from + need > trackPx) return { index, from: trackPx - need, to: trackPx, at: 'end' };
    return { index, from, to: from + need, at: 'start' };
  };
  const first = extent(0);
  const last = ticks.length > 1 ? extent(ticks.length - 1) : null;
  // Both ends are drawn; only when they cannot both be (a track narrower than two labels) the first alone.
  const ends = last !== null && last.from >= first.to ? [first, last] : [first];
  const tries = steps.length > 0 ? steps : [1];
  let chosen: Extent[] = [];
  let step = tries[tries.length - 1] ?? 1;
  for (const candidate of tries) {
    const inner = innerExtents(ticks.length, candidate, extent).filter((e) => e.from >= first.to && e.to <= (last !== null && ends.includes(last) ? last.from : trackPx));
    if (inner.every((e, i) => i === 0 || (inner[i - 1]?.to ?? 0) <= e.from)) {
      chosen = inner;
      step = candidate;
      break;
    }
  }
  const at: Array<LabelAt | null> = ticks.map(() => null);
  for (const e of [...ends, ...chosen]) at[e.index] = e.at;
  return { step, at };
}

function innerExtents(count: number, step: number, extent: (index: number) => Extent): Extent[] {
  const out: Extent[] = [];
  for (let index = step; index < count - 1; index += step) out.push(extent(index));
  return out;
}

/** Steps that double from 1 up to at least `count` (a step past the count labels only the ends). */
export function doublingSteps(count: number): number[] {
  const steps = [1];
  while ((steps[steps.length - 1] ?? 1) < count) steps.push((steps[steps.length - 1] ?? 1) * 2);
  return steps;
}
