/**
 * The plan timeline's maths (issue 17 item 8): the time range, a month or quarter axis,
 * activities grouped by goal, and each bar's place and state. Pure: `today` is passed in,
 * positions are percentages of the range, labels are made by `axisLabel` per locale.
 */
import { addDays, daysBetween, isValidDate } from './dates.js';
import { INTL_LOCALE, type Locale } from './locale.js';
import type { ActionPlanJSON, ActivityJSON } from './model/action-plan.js';
import { doublingSteps, placeLabels, TICK_PADDING_PX, type LabelAt } from './timeline-labels.js';

/** Past this many calendar months the axis shows quarters ("K1 2027"), not months. */
export const MONTH_AXIS_MAX = 18;

/** `from`..`to` inclusive (whole days); `days` counts both ends. */
export interface TimelineRange {
  from: string;
  to: string;
  days: number;
}

/** One stretch of the axis: a month, a quarter or a year, clipped to the range. */
export interface AxisSegment {
  unit: 'month' | 'quarter' | 'year';
  year: number;
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  index: number;
  /** Percent of the range where the segment starts, and how wide it is. */
  left: number;
  width: number;
}

/** `invalid`: ends before it starts ("Ogiltiga datum"), never drawn as late. */
export type BarState = 'normal' | 'overdue' | 'invalid';

export interface TimelineBar {
  activity: ActivityJSON;
  state: BarState;
  left: number;
  width: number;
}

export interface TimelineGroup {
  /** `null`: activities whose goal is gone ("Utan mål"). */
  goalId: string | null;
  number: string;
  title: string;
  bars: TimelineBar[];
}

export interface Timeline {
  /** `null` when no activity has both dates: the view says so instead of drawing. */
  range: TimelineRange | null;
  /** Months, or quarters past `MONTH_AXIS_MAX` months. */
  axis: AxisSegment[];
  /** The years above them, so a month's year is always readable. */
  years: AxisSegment[];
  /** Goals with at least one dated activity, in plan order. */
  groups: TimelineGroup[];
  /** Activities missing a start or an end (or holding an unreal date), in plan order. */
  undated: ActivityJSON[];
  /** Percent where today is, or `null` when today is outside the range. */
  today: number | null;
}

const dated = (a: ActivityJSON): a is ActivityJSON & { start: string; end: string } =>
  a.start !== null && a.end !== null && isValidDate(a.start) && isValidDate(a.end);

/**
 * The timeline of `plan` seen on `today` (`YYYY-MM-DD`). The range is the plan period
 * widened to every dated activity (an activity outside the period is still seen; validation
 * warns about it); without dated activities there is no range.
 *
 * @example timelineOf(plan, '2027-03-01').axis[0] // { unit: 'month', year: 2027, index: 1, left: 0, width: 8.2 }
 */
export function timelineOf(plan: Pick<ActionPlanJSON, 'goals' | 'periodStart' | 'periodEnd'>, today: string): Timeline {
  const all = plan.goals.flatMap((g) => g.activities);
  const range = rangeOf(plan, all.filter(dated));
  if (range === null) return { range, axis: [], years: [], groups: [], undated: all, today: null };
  const at = (date: string) => percentOf(range, date);
  const groups = plan.goals.flatMap((goal): TimelineGroup[] => {
    const bars = goal.activities.filter(dated).map((activity): TimelineBar => {
      const [first, last] = activity.end < activity.start ? [activity.end, activity.start] : [activity.start, activity.end];
      return { activity, state: stateOf(activity, today), left: at(first), width: at(addDays(last, 1)) - at(first) };
    });
    return bars.length === 0 ? [] : [{ goalId: goal.id, number: goal.number, title: goal.title, bars }];
  });
  return {
    range,
    axis: axisOf(range),
    years: segmentsOf(range, 12),
    groups,
    undated: all.filter((a) => !dated(a)),
    today: today >= range.from && today <= range.to ? at(today) : null,
  };
}

function rangeOf(plan: Pick<ActionPlanJSON, 'periodStart' | 'periodEnd'>, activities: Array<{ start: string; end: string }>): TimelineRange | null {
  if (activities.length === 0) return null;
  const dates = activities.flatMap((a) => [a.start, a.end]);
  const { periodStart, periodEnd } = plan;
  if (periodStart !== null && periodEnd !== null && isValidDate(periodStart) && isValidDate(periodEnd) && periodStart <= periodEnd) {
    dates.push(periodStart, periodEnd);
  }
  dates.sort();
  const from = dates[0] ?? '';
  const to = dates[dates.length - 1] ?? from;
  return { from, to, days: daysBetween(from, to) + 1 };
}

/** Percent of the range before `date` starts, rounded to 0.01 % (finer is invisible). */
function percentOf(range: TimelineRange, date: string): number {
  const value = (daysBetween(range.from, date) / range.days) * 100;
  return Math.round(Math.min(100, Math.max(0, value)) * 100) / 100;
}

function stateOf(activity: { start: string; end: string; status: ActivityJSON['status'] }, today: string): BarState {
  if (activity.end < activity.start) return 'invalid';
  const finished = activity.status === 'done' || activity.status === 'cancelled';
  return !finished && activity.end < today ? 'overdue' : 'normal';
}

/** Months, or quarters when the range touches more than `MONTH_AXIS_MAX` months. */
function axisOf(range: TimelineRange): AxisSegment[] {
  const [fromYear, fromMonth] = yearMonth(range.from);
  const [toYear, toMonth] = yearMonth(range.to);
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
  return segmentsOf(range, months > MONTH_AXIS_MAX ? 3 : 1);
}

const UNIT_OF_STEP: Record<1 | 3 | 12, AxisSegment['unit']> = { 1: 'month', 3: 'quarter', 12: 'year' };

/** Segments of `step` months (1, 3 or 12) that tile the range, the first and last clipped to it. */
function segmentsOf(range: TimelineRange, step: 1 | 3 | 12): AxisSegment[] {
  const [fromYear, fromMonth] = yearMonth(range.from);
  const segments: AxisSegment[] = [];
  // Start at the first month of the segment holding `from`; each segment is clipped to the range.
  let month = fromMonth - ((fromMonth - 1) % step);
  let year = fromYear;
  const end = addDays(range.to, 1);
  for (let start = monthStart(year, month); start < end; ) {
    const next = month + step > 12 ? monthStart(year + 1, month + step - 12) : monthStart(year, month + step);
    const left = percentOf(range, start < range.from ? range.from : start);
    const right = percentOf(range, next < end ? next : end);
    segments.push({ unit: UNIT_OF_STEP[step], year, index: Math.ceil(month / step), left, width: Math.round((right - left) * 100) / 100 });
    [year, month] = yearMonth(next);
    start = next;
  }
  return segments;
}

function yearMonth(date: string): [number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
}

function monthStart(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

const QUARTER_PREFIX: Record<Locale, string> = { sv: 'K', nb: 'K', en: 'Q' };

/**
 * A segment's label: quarters `K1 2027` (sv, nb) / `Q1 2027` (en), months by their short
 * name (`jan`, `feb` …; the year is on the years row above), years as `2027`.
 */
export function axisLabel(segment: AxisSegment, locale: Locale): string {
  if (segment.unit === 'year') return String(segment.year);
  if (segment.unit === 'quarter') return `${QUARTER_PREFIX[locale]}${segment.index} ${segment.year}`;
  return monthName(segment, locale, 'short').replace(/\.$/, '');
}

/** The whole name, for tooltips: `januari 2027`, `K1 2027`, `2027`. */
export function axisLongLabel(segment: AxisSegment, locale: Locale): string {
  if (segment.unit !== 'month') return axisLabel(segment, locale);
  return `${monthName(segment, locale, 'long')} ${segment.year}`;
}

function monthName(segment: AxisSegment, locale: Locale, month: 'short' | 'long'): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { month, timeZone: 'UTC' }).format(Date.UTC(segment.year, segment.index - 1, 1));
}

/** One drawn tick of the axis: a line at `left` and, when there is room, its label. */
export interface AxisTick {
  /** The segment the tick stands for. */
  segment: AxisSegment;
  /** Percent of the range, like the segments. */
  left: number;
  width: number;
  /** `null`: no room for text; the line is still drawn and `title` still names it. */
  label: string | null;
  /** Where the label is drawn: from the tick's line, or right-aligned to the track's end (a clipped last segment). */
  labelAt: LabelAt;
  title: string;
}

export interface AxisTicks {
  /** Months or quarters; the first and last always labelled, the inner ones every `unitStep`-th. */
  units: AxisTick[];
  /** Years; the first and last always labelled, the inner ones every `yearStep`-th (1, 2, 4 …). */
  years: AxisTick[];
  /** Every unit labelled (`unitStep` 1). */
  unitLabels: boolean;
  unitStep: number;
  yearStep: number;
}

export { TICK_PADDING_PX };

/**
 * The axis as drawn in a track `trackPx` wide (issue 17 item 14 and C item 2: labels are
 * never clipped, never overlap, and the first and last are always drawn). `textPx(text)` is
 * the width of a label's text in pixels (the client measures it in the tick's font). The
 * units row shows months when every inner month's label fits its month, else quarters
 * (`K1`, `Q1`: the year is on the row above); each row labels its first and last tick (the
 * last right-aligned to the track's end when it would run past it) and every 1st, 2nd, 4th …
 * tick between, the smallest step whose labels do not overlap (`timeline-labels.ts`).
 * `trackPx <= 0` (not laid out yet) labels everything.
 *
 * @example axisTicks(timelineOf(plan, today), 200, (s) => s.length * 8, 'sv').yearStep // 2 for a 6-year plan on a phone
 */
export function axisTicks(timeline: Pick<Timeline, 'axis' | 'years'>, trackPx: number, textPx: (text: string) => number, locale: Locale): AxisTicks {
  const fitsOwnBox = (tick: AxisTick) => trackPx <= 0 || (tick.label !== null && (tick.width / 100) * trackPx >= textPx(tick.label) + TICK_PADDING_PX);
  const rows = timeline.axis[0]?.unit === 'month' ? [timeline.axis, quartersOf(timeline.axis)] : [timeline.axis];
  const candidates = rows.map((row) => row.map((segment) => unitTickOf(segment, locale)));
  const units = candidates.find((row) => row.slice(1, -1).every(fitsOwnBox)) ?? candidates[candidates.length - 1] ?? [];
  const years = timeline.years.map((segment) => tickOf(segment, locale));
  const [unitsPlaced, unitStep] = placed(units, trackPx, textPx);
  const [yearsPlaced, yearStep] = placed(years, trackPx, textPx);
  return { units: unitsPlaced, years: yearsPlaced, unitLabels: unitStep === 1, unitStep, yearStep };
}

/** `ticks` with only the labels `placeLabels` keeps, and the step it chose. */
function placed(ticks: AxisTick[], trackPx: number, textPx: (text: string) => number): [AxisTick[], number] {
  const placement = placeLabels(
    ticks.map((tick) => ({ left: tick.left, text: tick.label ?? '' })),
    trackPx,
    textPx,
    doublingSteps(ticks.length),
  );
  const out = ticks.map((tick, i): AxisTick => {
    const at = placement.at[i] ?? null;
    return at === null ? { ...tick, label: null } : { ...tick, labelAt: at };
  });
  return [out, placement.step];
}

/** Months merged into the quarters they make up (the first and last clipped like the months). */
function quartersOf(months: AxisSegment[]): AxisSegment[] {
  const quarters: AxisSegment[] = [];
  for (const month of months) {
    const index = Math.ceil(month.index / 3);
    const last = quarters[quarters.length - 1];
    if (last !== undefined && last.year === month.year && last.index === index) last.width = Math.round((last.width + month.width) * 100) / 100;
    else quarters.push({ unit: 'quarter', year: month.year, index, left: month.left, width: month.width });
  }
  return quarters;
}

/** A tick of the units row: a quarter as `K1` / `Q1` (its year is on the years row above; the title names both). */
function unitTickOf(segment: AxisSegment, locale: Locale): AxisTick {
  const tick = tickOf(segment, locale);
  return segment.unit === 'quarter' ? { ...tick, label: `${QUARTER_PREFIX[locale]}${segment.index}` } : tick;
}

/** The tick of one segment, labelled by `axisLabel` and named in full by its title. */
function tickOf(segment: AxisSegment, locale: Locale): AxisTick {
  return { segment, left: segment.left, width: segment.width, label: axisLabel(segment, locale), labelAt: 'start', title: axisLongLabel(segment, locale) };
}
