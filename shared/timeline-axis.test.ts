/**
 * Issue 17 item 14: axis labels on long timelines are never clipped; with too little room
 * the axis shows coarser labels (months, then quarters `K1`, then years only, then a tick
 * per 2, 4 … years), and never coarser than the room asks (a phone sees quarters).
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

describe('axisTicks: fewer labels rather than clipped ones', () => {
  const cases: Array<{ name: string; from: string; to: string; trackPx: number; char: number; unitLabels: boolean; yearStep: number; years: Array<string | null>; units?: Array<string | null> }> = [
    { name: '18 months at 1 000 px: every month and year', from: '2027-01-01', to: '2028-06-30', trackPx: 1000, char: 7, unitLabels: true, yearStep: 1, years: ['2027', '2028'] },
    { name: '6 years at 900 px (a laptop): quarters under the years', from: '2027-01-01', to: '2032-12-31', trackPx: 900, char: 7, unitLabels: true, yearStep: 1, years: ['2027', '2028', '2029', '2030', '2031', '2032'] },
    { name: '6 years at 300 px: quarters do not fit, years do', from: '2027-01-01', to: '2032-12-31', trackPx: 300, char: 7, unitLabels: false, yearStep: 1, years: ['2027', '2028', '2029', '2030', '2031', '2032'] },
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
    { name: '6 years at 200 px (a phone): every other year', from: '2027-01-01', to: '2032-12-31', trackPx: 200, char: 8, unitLabels: false, yearStep: 2, years: ['2027', '2029', '2031'] },
    { name: '6 years at 100 px: a tick per 4 years, the clipped last one unlabelled', from: '2027-01-01', to: '2032-12-31', trackPx: 100, char: 8, unitLabels: false, yearStep: 4, years: ['2027', null] },
    { name: 'not laid out yet (0 px): everything labelled', from: '2027-01-01', to: '2032-12-31', trackPx: 0, char: 8, unitLabels: true, yearStep: 1, years: ['2027', '2028', '2029', '2030', '2031', '2032'] },
    {
      name: 'a first month clipped to 4 days loses its label alone',
      from: '2027-03-28',
      to: '2027-06-30',
      trackPx: 400,
      char: 7,
      unitLabels: true,
      yearStep: 1,
      years: ['2027'],
      units: [null, 'apr', 'maj', 'juni'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ticks = axisTicks(span(c.from, c.to), c.trackPx, perChar(c.char), 'sv');
      expect({ unitLabels: ticks.unitLabels, yearStep: ticks.yearStep, years: shown(ticks.years) }).toEqual({ unitLabels: c.unitLabels, yearStep: c.yearStep, years: c.years });
      if (c.units) expect(shown(ticks.units)).toEqual(c.units);
      if (!c.unitLabels) expect(ticks.units.every((tick) => tick.label === null && tick.title !== '')).toBe(true);
    });
  }

  it('quarters are Q1 … in English, and a quarter tick is named with its year in its title', () => {
    const ticks = axisTicks(span('2027-01-01', '2027-12-31'), 215, perChar(7), 'en');
    expect(shown(ticks.units)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(ticks.units.map((tick) => tick.title)).toEqual(['Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027']);
  });

  it('a tick for two years is named by both in its title', () => {
    const ticks = axisTicks(span('2027-01-01', '2032-12-31'), 200, perChar(8), 'en');
    expect(ticks.years.map((tick) => tick.title)).toEqual(['2027–2028', '2029–2030', '2031–2032']);
  });

  // The whole class: for any range and width, no label is drawn in a box narrower than its text,
  // the ticks still tile the range, and a row is never left bare while a wider step would fit.
  const ranges: Array<[string, string]> = [
    ['2027-03-01', '2027-03-31'],
    ['2027-01-10', '2028-06-30'],
    ['2027-02-15', '2028-11-10'],
    ['2027-01-01', '2029-12-31'],
    ['2026-11-20', '2032-12-31'],
    ['2025-01-01', '2036-12-31'],
    ['2027-12-25', '2040-01-05'],
  ];
  const widths = [60, 120, 200, 320, 480, 700, 900, 1200, 1600];
  for (const [from, to] of ranges) {
    it(`${from} – ${to}: every label fits its box at ${widths.join(', ')} px`, () => {
      const timeline = span(from, to);
      for (const trackPx of widths) {
        for (const char of [6, 7.5, 9]) {
          const measure = perChar(char);
          const ticks = axisTicks(timeline, trackPx, measure, 'sv');
          for (const tick of [...ticks.units, ...ticks.years]) {
            if (tick.label !== null) expect(room(tick, trackPx), `${tick.label} at ${trackPx}px`).toBeGreaterThanOrEqual(measure(tick.label) + TICK_PADDING_PX);
          }
          for (const row of [ticks.units, ticks.years]) {
            expect(row[0]?.left).toBe(0);
            expect(Math.round(row.reduce((sum, tick) => sum + tick.width, 0))).toBe(100);
          }
          // Not coarser than needed: quarters only when a month would not fit, no unit labels only when a quarter would not.
          const tooNarrowFor = (row: AxisTick[], label: (tick: AxisTick) => string) => row.slice(1, -1).some((tick) => room(tick, trackPx) < measure(label(tick)) + TICK_PADDING_PX);
          if (timeline.axis[0]?.unit === 'month' && ticks.units[0]?.segment.unit === 'quarter') {
            const months = timeline.axis.map((segment) => ({ segment, left: segment.left, width: segment.width, label: null, title: '' }));
            expect(tooNarrowFor(months, (tick) => axisLabel(tick.segment, 'sv')), `months at ${trackPx}px`).toBe(true);
          }
          if (!ticks.unitLabels) expect(tooNarrowFor(ticks.units, (tick) => `K${tick.segment.index}`), `quarters at ${trackPx}px`).toBe(true);
          const inner = ticks.years.slice(1, -1);
          expect(inner.every((tick) => tick.label !== null), `years at ${trackPx}px`).toBe(true);
          // Not fewer than needed: half the step would have left an inner year without room.
          if (ticks.yearStep > 1) {
            const half = ticks.yearStep / 2;
            const finer = [];
            for (let i = 0; i < timeline.years.length; i += half) finer.push(timeline.years.slice(i, i + half).reduce((sum, s) => sum + s.width, 0));
            const tooNarrow = finer.slice(1, -1).some((width) => (width / 100) * trackPx < measure('2027') + TICK_PADDING_PX);
            expect(tooNarrow, `step ${ticks.yearStep} at ${trackPx}px`).toBe(true);
          }
        }
      }
    });
  }
});
