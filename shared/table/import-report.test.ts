/**
 * Issue 17 user-test leftover: the import report puts each row in exactly one place that says
 * what happened to it. A row partly read (a cell that could not be read, the rest imported)
 * is a warning naming the cell — never listed under the rows that were not imported, as
 * "1.2 … 12 abc" was. A row not imported at all is in `skipped`, and only there.
 */
import { describe, expect, it } from 'vitest';
import { importPlanTable } from './import.js';
import type { ImportReport } from './report.js';

const HEADER = 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat';
const GOAL = 'Mål 1 Ett mål.\t\t\t\t\t';
const SECTION = 'Projektledning\tAktiviteter\tBudget\t\t\t';

/** Lines a report names, per place: a line in both places would say two things about one row. */
function placesOf(report: ImportReport): Map<number, Set<string>> {
  const places = new Map<number, Set<string>>();
  const add = (line: number, place: string) => places.set(line, (places.get(line) ?? new Set()).add(place));
  for (const row of report.skipped) add(row.line, 'skipped');
  for (const row of report.warnings) add(row.line, 'warnings');
  return places;
}

describe('a row partly read is imported with a warning naming the cell', () => {
  // Each row is line 4 (header 1, goal 2, section or blank 3).
  const cases: Array<{ name: string; before: string; row: string; fields: string[]; cell: RegExp; imported: (plan: ReturnType<typeof importPlanTable>['plan']) => unknown; expected: unknown }> = [
    {
      name: 'an activity whose budget is "12 abc"',
      before: '',
      row: '1.1 Aktivitet\tText\t12 abc\tA\t2027-01-01 - 2027-02-01\tB',
      fields: ['budget'],
      cell: /Budget.*12 abc/,
      imported: (plan) => plan.goals?.[0]?.activities?.map((a) => [a.number, a.budget, a.start]),
      expected: [['1.1', null, '2027-01-01']],
    },
    {
      name: 'an activity whose budget is "12,5" (a decimal comma with one digit)',
      before: '',
      row: '1.1 Aktivitet\tText\t12,5\tA\t\tB',
      fields: ['budget'],
      cell: /Budget.*12,5/,
      imported: (plan) => plan.goals?.[0]?.activities?.map((a) => [a.number, a.budget]),
      expected: [['1.1', null]],
    },
    {
      name: 'an activity whose timeframe is "hösten 2027"',
      before: '',
      row: '1.1 Aktivitet\tText\t100\tA\thösten 2027\tB',
      fields: ['timeframe'],
      cell: /Tidplan.*hösten 2027/,
      imported: (plan) => plan.goals?.[0]?.activities?.map((a) => [a.number, a.budget, a.start, a.end]),
      expected: [['1.1', 10_000, null, null]],
    },
    {
      name: 'an activity with both unreadable',
      before: '',
      row: '1.1 Aktivitet\tText\tabc\tA\tsnart\tB',
      fields: ['budget', 'timeframe'],
      cell: /Budget.*abc/,
      imported: (plan) => plan.goals?.[0]?.activities?.map((a) => [a.number, a.responsible, a.recipients]),
      expected: [['1.1', 'A', 'B']],
    },
    {
      name: 'an activity with cells past the six columns',
      before: '',
      row: '1.1 Aktivitet\tText\t100\tA\t\tB\tsjunde',
      fields: ['cells'],
      cell: /sjunde/,
      imported: (plan) => plan.goals?.[0]?.activities?.map((a) => [a.number, a.budget, a.recipients]),
      expected: [['1.1', 10_000, 'B']],
    },
    {
      name: 'a cost line whose amount is "12 abc"',
      before: SECTION,
      row: 'Resor\tTåg och buss\t12 abc\t\t\t',
      fields: ['amount'],
      cell: /Belopp.*12 abc/,
      imported: (plan) => plan.costs?.map((c) => [c.section, c.label, c.amount]),
      expected: [['Projektledning', 'Resor', null]],
    },
    {
      name: 'a standalone cost line whose amount is "tusen"',
      before: '',
      row: 'Extern utvärdering (kr):\ttusen',
      fields: ['amount'],
      cell: /Belopp.*tusen/,
      imported: (plan) => plan.costs?.map((c) => [c.section, c.label, c.amount]),
      expected: [['', 'Extern utvärdering', null]],
    },
    {
      name: 'the frame row whose amount is "3,6 milj"',
      before: '',
      row: 'Projektbudget totalt utan intäkter (kr):\t3,6 milj',
      fields: ['amount'],
      cell: /Belopp.*3,6 milj/,
      imported: (plan) => plan.budget?.frame,
      expected: null,
    },
  ];

  it.each(cases)('$name', ({ before, row, fields, cell, imported, expected }) => {
    const { plan, report } = importPlanTable([HEADER, GOAL, before, row].join('\n'));
    expect(imported(plan)).toEqual(expected);
    expect(report.skipped).toEqual([]);
    expect(report.warnings.map((w) => [w.line, w.field])).toEqual(fields.map((field) => [4, field]));
    expect(report.warnings[0]?.reason).toMatch(cell);
    // Says what happened to the row: it was imported, without the cell.
    for (const warning of report.warnings) expect(warning.reason).toMatch(/importerades/);
  });
});

describe('a row not imported at all is skipped, and only skipped', () => {
  it.each([
    ['a row of no kind', 'Det här är ingen rad\tnågot\tannat\t\t\t'],
    ['a stated total that cannot be read', 'Totalsumma aktiviteter (kr):\tmånga'],
  ])('%s', (_name, row) => {
    const { report } = importPlanTable([HEADER, GOAL, '', row].join('\n'));
    expect(report.skipped.map((s) => s.line)).toEqual([4]);
    expect(report.warnings).toEqual([]);
    expect(report.skipped[0]?.reason).toMatch(/inte/);
  });
});

describe('the whole class: every line the report names is in exactly one place', () => {
  const cells = ['', '100', '12 abc', '12,5', '-5', '1 000 000 000 000', 'abc'];
  const timeframes = ['', '2027-01-01 - 2027-02-01', 'hösten', '2027-02-30', '2027-03-01 - 2027-01-01'];
  it.each(cells.flatMap((budget) => timeframes.map((timeframe) => ({ budget, timeframe }))))('budget $budget, timeframe $timeframe', ({ budget, timeframe }) => {
    const rows = [
      HEADER,
      GOAL,
      `1.1 A\tText\t${budget}\tA\t${timeframe}\tB`,
      `1.2 B\tText\t${budget}\tA\t${timeframe}\tB\textra`,
      SECTION,
      `Resor\tx\t${budget}\t\t\t`,
      '',
      `Extern utvärdering (kr):\t${budget}`,
      `Projektbudget totalt utan intäkter (kr):\t${budget}`,
      'ingen rad\tx\ty\t\t\t',
    ];
    const { plan, report } = importPlanTable(rows.join('\n'));
    const places = placesOf(report);
    for (const [line, where] of places) expect([...where], `line ${line}`).toHaveLength(1);
    // The rows that were imported are never among the skipped ones.
    expect(plan.goals?.[0]?.activities).toHaveLength(2);
    expect(plan.costs).toHaveLength(2);
    expect(report.skipped.map((s) => s.line)).toEqual([10]);
  });
});
