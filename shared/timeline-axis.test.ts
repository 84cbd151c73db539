/**
 * Issue 17 item 14 and C item 2: axis labels are never clipped and never overlap, and each
 * row always labels its first and last tick (a two-year plan's 8th quarter, or a segment
 * clipped by the range, lost its label). With too little room the units row shows quarters
 * rather than months, and both rows label every 2nd, 4th … tick between the ends.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityJSON, GoalJSON } from './model/action-plan.js';
import { axisLabel, axisTicks, timelineOf, TICK_PADDING_PX, type AxisTick } from './timeline.js';

function span(from: string, to: string) {
  const activity = { priority: null, source: null, id: 'a', goalId: 'g', number: '1.1', title: 'A', description: '', budget: null, responsible: '', start: from, end: to, recipients: '', status: 'planned', progress: 0 } as ActivityJSON;
  const goal = { priority: null, id: 'g', number: '1', title: 'Mål', description: '', activities: [activity] } as GoalJSON;
  return timelineOf({ periodStart: null, periodEnd: null, goals: [goal] }, '2027-01-01');
}
/** About the width of the tick font's characters (0.75 rem bold ≈ 7–8 px). */
const perChar = (px: number) => (text: string) => text.length * px;
const shown = (ticks: AxisTick[]) => ticks.map((tick) => tick.label);
const room = (tick: AxisTick, trackPx: number) => (tick.width / 100) * trackPx;
/** Where a drawn label's box lies in the track, in pixels (as TimelineChart draws it). */
function extent(tick: AxisTick, trackPx: number, measure: (text: string) => number): [number, number] {
  const need = measure(tick.label ?? '') + TICK_PADDING_PX;
  if (tick.labelAt === 'end') return [trackPx - need, trackPx];
  const from = (tick.left / 100) * trackPx;
  return [from, from + need];
}

describe('axisTicks: fewer labels rather than clipped ones', () => {
  const cases: Array<{ name: string; from: string; to: string; trackPx: number; char: number; unitLabels: boolean; yearStep: number; years: Array<string | null>; units?: Array<string | null> }> = [
    { name: '18 months at 1 000 px: every month and year', from: '2027-01-01', to: '2028-06-30', trackPx: 1000, char: 7, unitLabels: true, yearStep: 1, years: ['2027', '2028'] },
    { name: '6 years at 900 px (a laptop): quarters under the years', from: '2027-01-01', to: '2032-12-31', trackPx: 900, char: 7, unitLabels: true, yearStep: 1, years: ['2027', '2028', '2029', '2030', '2031', '2032'] },
    { name: '6 years at 300 px: every quarter does not fit, every other does; years do', from: '2027-01-01', to: '2032-12-31', trackPx: 300, char: 7, unitLabels: false, yearStep: 1, years: ['2027', '2028', '2029', '2030', '2031', '2032'] },
    {
      name: '2 years at 215 px (a phone, the demo plan): quarters',
      from: '2027-01-01',
      to: '2028-12-31',
      trackPx: 215,
      char: 7,
      unitLabels: true,
      yearStep: 1,
      years: ['2027', '2028'],
      units: ['K1', 'K2', 'K3', 'K4', 'K1', 'K2', 'K3', 'K4'],
    },
    { name: '12 months at 215 px (a phone): months do not fit, quarters do', from: '2027-01-01', to: '2027-12-31', trackPx: 215, char: 7, unitLabels: true, yearStep: 1, years: ['2027'], units: ['K1', 'K2', 'K3', 'K4'] },
    { name: '6 months at 215 px (a phone): months', from: '2027-01-01', to: '2027-06-30', trackPx: 215, char: 7, unitLabels: true, yearStep: 1, years: ['2027'], units: ['jan', 'feb', 'mars', 'apr', 'maj', 'juni'] },
    { name: '6 years at 200 px (a phone): every other year, the last at the end (2031 would overlap it)', from: '2027-01-01', to: '2032-12-31', trackPx: 200, char: 8, unitLabels: false, yearStep: 2, years: ['2027', null, '2029', null, null, '2032'] },
    { name: '6 years at 100 px: the first and the last year only (every inner one would overlap them)', from: '2027-01-01', to: '2032-12-31', trackPx: 100, char: 8, unitLabels: false, yearStep: 1, years: ['2027', null, null, null, null, '2032'] },
    {
      name: 'two years ending mid-quarter at 215 px (the 8th quarter clipped to 20 days): its label right-aligned at the end, the 7th, which it would overlap, goes',
      from: '2027-01-01',
      to: '2028-10-20',
      trackPx: 215,
      char: 7,
      unitLabels: true,
      yearStep: 1,
      years: ['2027', '2028'],
      units: ['K1', 'K2', 'K3', 'K4', 'K1', 'K2', null, 'K4'],
    },
    { name: 'not laid out yet (0 px): everything labelled', from: '2027-01-01', to: '2032-12-31', trackPx: 0, char: 8, unitLabels: true, yearStep: 1, years: ['2027', '2028', '2029', '2030', '2031', '2032'] },
    {
      name: 'a first month clipped to 4 days keeps its label; the next, which it overlaps, goes',
      from: '2027-03-28',
      to: '2027-06-30',
      trackPx: 400,
      char: 7,
      unitLabels: true,
      yearStep: 1,
      years: ['2027'],
      units: ['mars', null, 'maj', 'juni'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ticks = axisTicks(span(c.from, c.to), c.trackPx, perChar(c.char), 'sv');
      expect({ unitLabels: ticks.unitLabels, yearStep: ticks.yearStep, years: shown(ticks.years) }).toEqual({ unitLabels: c.unitLabels, yearStep: c.yearStep, years: c.years });
      if (c.units) expect(shown(ticks.units)).toEqual(c.units);
      expect(ticks.units.every((tick) => tick.title !== '')).toBe(true);
    });
  }

  it('quarters are Q1 … in English, and a quarter tick is named with its year in its title', () => {
    const ticks = axisTicks(span('2027-01-01', '2027-12-31'), 215, perChar(7), 'en');
    expect(shown(ticks.units)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(ticks.units.map((tick) => tick.title)).toEqual(['Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027']);
  });

  it('a year without a label is still named by its title', () => {
    const ticks = axisTicks(span('2027-01-01', '2032-12-31'), 200, perChar(8), 'en');
    expect(ticks.years.map((tick) => tick.title)).toEqual(['2027', '2028', '2029', '2030', '2031', '2032']);
  });

  // The whole class: for any range and width, each row labels its first and last tick (both
  // when two labels fit the track at all), every label lies inside the track, none overlaps
  // the next, the ticks tile the range, and rows are no coarser than the room asks.
  const ranges: Array<[string, string]> = [
    ['2027-03-01', '2027-03-31'],
    ['2027-01-10', '2028-06-30'],
    ['2027-01-01', '2028-12-31'],
    ['2027-01-01', '2028-10-20'],
    ['2027-02-15', '2028-11-10'],
    ['2027-01-01', '2029-12-31'],
    ['2026-07-15', '2031-02-10'],
    ['2026-11-20', '2032-12-31'],
    ['2025-01-01', '2036-12-31'],
    ['2027-12-25', '2040-01-05'],
  ];
  const widths = [60, 120, 200, 215, 320, 390, 480, 700, 900, 1200, 1600];
  for (const [from, to] of ranges) {
    it(`${from} – ${to}: first and last labelled, inside the track, none overlapping at ${widths.join(', ')} px`, () => {
      const timeline = span(from, to);
      for (const trackPx of widths) {
        for (const char of [6, 7.5, 9]) {
          const measure = perChar(char);
          const ticks = axisTicks(timeline, trackPx, measure, 'sv');
          for (const [name, row] of [['units', ticks.units], ['years', ticks.years]] as const) {
            const where = `${name} at ${trackPx}px, ${char}px/char: ${shown(row).join(' ')}`;
            expect(row[0]?.left, where).toBe(0);
            expect(Math.round(row.reduce((sum, tick) => sum + tick.width, 0)), where).toBe(100);
            const first = row[0];
            const last = row[row.length - 1];
            expect(first?.label, where).not.toBeNull();
            if (first && last && last !== first && last.label === null) {
              // Only when the two cannot both be drawn: the last label would reach into the first.
              const lastAtEnd = trackPx - measure(axisLabel(last.segment, 'sv').replace(/ \d+$/, '')) - TICK_PADDING_PX;
              expect(lastAtEnd < extent(first, trackPx, measure)[1], where).toBe(true);
            }
            const drawn = row.filter((tick) => tick.label !== null).map((tick) => extent(tick, trackPx, measure));
            drawn.forEach(([left, right], i) => {
              if (drawn.length > 1 || right <= trackPx) expect(left >= -0.001 && right <= trackPx + 0.001, `${where}: [${left}, ${right}]`).toBe(true);
              const next = drawn[i + 1];
              if (next) expect(right <= next[0] + 0.001, `${where}: overlap at ${i}`).toBe(true);
            });
          }
          // Not coarser than needed: quarters only when an inner month would not fit its month.
          if (timeline.axis[0]?.unit === 'month' && ticks.units[0]?.segment.unit === 'quarter') {
            const tooNarrow = timeline.axis.slice(1, -1).some((segment) => (segment.width / 100) * trackPx < measure(axisLabel(segment, 'sv')) + TICK_PADDING_PX);
            expect(tooNarrow, `months at ${trackPx}px`).toBe(true);
          }
          // Every unit labelled whenever every inner unit fits its own box and nothing clips the ends.
          if (ticks.unitStep > 1) expect(ticks.units.slice(1, -1).some((tick) => room(tick, trackPx) < measure(`K${tick.segment.index}`) + TICK_PADDING_PX), `units at ${trackPx}px`).toBe(true);
        }
      }
    });
  }
});
