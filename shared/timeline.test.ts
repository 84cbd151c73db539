import { describe, expect, it } from 'vitest';
import type { ActionPlanJSON, ActivityJSON, GoalJSON } from './model/action-plan.js';
import { axisLabel, axisLongLabel, timelineOf, type Timeline } from './timeline.js';

type Plan = Pick<ActionPlanJSON, 'goals' | 'periodStart' | 'periodEnd'>;

function activity(id: string, start: string | null, end: string | null, status: ActivityJSON['status'] = 'planned'): ActivityJSON {
  const base = { id, goalId: 'g', number: id, title: `Aktivitet ${id}`, description: '', budget: null, responsible: '', start, end, recipients: '', status, progress: 0 };
  return { priority: null, source: null, ...base } as ActivityJSON;
}
function goal(id: string | null, number: string, activities: ActivityJSON[]): GoalJSON {
  return { priority: null, id, number, title: `Mål ${number}`, description: '', activities } as GoalJSON;
}
const plan = (periodStart: string | null, periodEnd: string | null, goals: GoalJSON[]): Plan => ({ periodStart, periodEnd, goals });
const labels = (timeline: Timeline, locale: 'sv' | 'nb' | 'en' = 'sv') => timeline.axis.map((s) => axisLabel(s, locale));
const years = (timeline: Timeline) => timeline.years.map((s) => axisLabel(s, 'sv'));
const widthSum = (row: Timeline['axis']) => Math.round(row.reduce((sum, s) => sum + s.width, 0));

describe('timelineOf: the axis', () => {
  const cases: Array<{ name: string; from: string; to: string; labels: string[]; years: string[] }> = [
    { name: 'one month: one month segment', from: '2027-03-01', to: '2027-03-31', labels: ['mars'], years: ['2027'] },
    { name: 'half a month across a month end: two clipped months', from: '2027-03-20', to: '2027-04-10', labels: ['mars', 'apr'], years: ['2027'] },
    {
      name: '14 months: months, years above them',
      from: '2027-01-01',
      to: '2028-02-29',
      labels: ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec', 'jan', 'feb'],
      years: ['2027', '2028'],
    },
    { name: '18 months: still months', from: '2027-01-01', to: '2028-06-30', labels: Array.from({ length: 18 }, () => ''), years: ['2027', '2028'] },
    { name: '19 months: quarters', from: '2027-01-01', to: '2028-07-31', labels: ['K1 2027', 'K2 2027', 'K3 2027', 'K4 2027', 'K1 2028', 'K2 2028', 'K3 2028'], years: ['2027', '2028'] },
    {
      name: '3 years: twelve quarters',
      from: '2027-01-01',
      to: '2029-12-31',
      labels: [2027, 2028, 2029].flatMap((year) => [1, 2, 3, 4].map((quarter) => `K${quarter} ${year}`)),
      years: ['2027', '2028', '2029'],
    },
    { name: 'quarters not aligned to the range: the first and last are clipped', from: '2027-02-15', to: '2028-11-10', labels: ['K1 2027', 'K2 2027', 'K3 2027', 'K4 2027', 'K1 2028', 'K2 2028', 'K3 2028', 'K4 2028'], years: ['2027', '2028'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const timeline = timelineOf(plan(null, null, [goal('g', '1', [activity('1.1', c.from, c.to)])]), '2027-01-01');
      const got = labels(timeline);
      if (c.labels.every((l) => l === '')) expect(got).toHaveLength(c.labels.length);
      else expect(got).toEqual(c.labels);
      expect(years(timeline)).toEqual(c.years);
      // Both rows tile the range: from 0 % to 100 %, no gap, no overlap.
      for (const row of [timeline.axis, timeline.years]) {
        expect(row[0]?.left).toBe(0);
        expect(widthSum(row)).toBe(100);
        row.slice(1).forEach((s, i) => {
          const before = row[i];
          expect(s.left).toBeCloseTo((before?.left ?? 0) + (before?.width ?? 0), 1);
        });
      }
    });
  }

  it('places a segment by its days: March of a 1 Jan–30 Jun range starts at 59/181 and ends at 90/181', () => {
    const timeline = timelineOf(plan('2027-01-01', '2027-06-30', [goal('g', '1', [activity('1.1', '2027-02-01', '2027-02-10')])]), '2027-01-01');
    expect(timeline.axis[2]).toEqual({ unit: 'month', year: 2027, index: 3, left: 32.6, width: 17.12 });
  });

  it('labels quarters K (sv, nb) and Q (en), months in each language', () => {
    const long = timelineOf(plan('2027-01-01', '2029-12-31', [goal('g', '1', [activity('1.1', '2027-05-01', '2027-05-02')])]), '2027-01-01');
    expect(labels(long, 'nb')[0]).toBe('K1 2027');
    expect(labels(long, 'en').slice(0, 2)).toEqual(['Q1 2027', 'Q2 2027']);
    const short = timelineOf(plan('2027-05-01', '2027-06-30', [goal('g', '1', [activity('1.1', '2027-05-01', '2027-05-02')])]), '2027-01-01');
    expect(labels(short, 'en')).toEqual(['May', 'Jun']);
    expect(labels(short, 'nb')).toEqual(['mai', 'jun']);
    expect(short.axis[0] && axisLongLabel(short.axis[0], 'sv')).toBe('maj 2027');
    expect(long.years[1] && axisLongLabel(long.years[1], 'en')).toBe('2028');
  });
});

describe('timelineOf: range, groups, bars', () => {
  it('groups dated activities by goal in plan order; goals without dated activities and orphans without dates are left out', () => {
    const timeline = timelineOf(
      plan('2027-01-01', '2027-12-31', [
        goal('g1', '1', [activity('1.1', '2027-01-01', '2027-03-31'), activity('1.2', null, '2027-05-01')]),
        goal('g2', '2', [activity('2.1', null, null)]),
        goal('g3', '3', [activity('3.1', '2027-02-01', '2027-02-28')]),
        goal(null, '', [activity('9.1', '2027-06-01', '2027-06-30'), activity('9.2', '2027-02-30', '2027-03-01')]),
      ]),
      '2027-02-15',
    );
    expect(timeline.groups.map((g) => [g.goalId, g.bars.map((b) => b.activity.id)])).toEqual([
      ['g1', ['1.1']],
      ['g3', ['3.1']],
      [null, ['9.1']],
    ]);
    // Missing or unreal dates: listed as undated, in plan order.
    expect(timeline.undated.map((a) => a.id)).toEqual(['1.2', '2.1', '9.2']);
  });

  it('a bar covers its days inclusively; the range is the period widened to every dated activity', () => {
    const timeline = timelineOf(plan('2027-01-01', '2027-01-10', [goal('g', '1', [activity('a', '2027-01-01', '2027-01-10'), activity('b', '2027-01-11', '2027-01-20')])]), '2027-01-05');
    expect(timeline.range).toEqual({ from: '2027-01-01', to: '2027-01-20', days: 20 });
    expect(timeline.groups[0]?.bars.map((b) => [b.left, b.width])).toEqual([
      [0, 50],
      [50, 50],
    ]);
    expect(timeline.today).toBe(20);
  });

  const states: Array<{ name: string; start: string; end: string; status: ActivityJSON['status']; today: string; state: string }> = [
    { name: 'ends before it starts: invalid, even long past (not "Försenad")', start: '2027-05-01', end: '2027-02-01', status: 'planned', today: '2028-01-01', state: 'invalid' },
    { name: 'past its end, not done: overdue', start: '2027-01-01', end: '2027-02-01', status: 'ongoing', today: '2027-03-01', state: 'overdue' },
    { name: 'past its end but done: normal', start: '2027-01-01', end: '2027-02-01', status: 'done', today: '2027-03-01', state: 'normal' },
    { name: 'past its end but cancelled: normal', start: '2027-01-01', end: '2027-02-01', status: 'cancelled', today: '2027-03-01', state: 'normal' },
    { name: 'ends today: normal', start: '2027-01-01', end: '2027-03-01', status: 'planned', today: '2027-03-01', state: 'normal' },
  ];
  for (const s of states) {
    it(s.name, () => {
      const timeline = timelineOf(plan(null, null, [goal('g', '1', [activity('a', s.start, s.end, s.status)])]), s.today);
      expect(timeline.groups[0]?.bars[0]?.state).toBe(s.state);
    });
  }

  it('draws an invalid bar across the days between its two dates', () => {
    const timeline = timelineOf(plan('2027-01-01', '2027-01-20', [goal('g', '1', [activity('a', '2027-01-11', '2027-01-06')])]), '2027-01-01');
    expect(timeline.groups[0]?.bars[0]).toMatchObject({ state: 'invalid', left: 25, width: 30 });
  });

  it('without dated activities: no range, no axis, every activity undated (a set period is not enough)', () => {
    const timeline = timelineOf(plan('2027-01-01', '2028-12-31', [goal('g', '1', [activity('a', '2027-01-01', null), activity('b', null, null)])]), '2027-06-01');
    expect(timeline).toMatchObject({ range: null, axis: [], years: [], groups: [], today: null });
    expect(timeline.undated.map((a) => a.id)).toEqual(['a', 'b']);
    expect(timelineOf(plan(null, null, []), '2027-06-01').range).toBeNull();
  });

  it('today outside the range: no today line; a period ending before it starts is ignored', () => {
    const timeline = timelineOf(plan('2027-12-31', '2027-01-01', [goal('g', '1', [activity('a', '2027-03-01', '2027-03-31')])]), '2027-06-01');
    expect(timeline.range).toEqual({ from: '2027-03-01', to: '2027-03-31', days: 31 });
    expect(timeline.today).toBeNull();
  });
});
