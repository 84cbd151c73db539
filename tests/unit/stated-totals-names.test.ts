/**
 * Stated totals whose names hold `och`, `+`, `&` or commas (X17 finding 7): a summary row's
 * name that is a known section or cost line — or a sum of them — is matched whole before it
 * is split, so a plan the exporter writes checks out on import (DESIGN "The plan table":
 * import → export → import gives the same document).
 */
import { describe, expect, it } from 'vitest';
import { actionPlanToJSON, addActivity, addCost, addGoal, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { createDocument } from '../../shared/model/document.js';
import { exportPlanTableCsv } from '../../shared/table/csv.js';
import { exportPlanTable } from '../../shared/table/export.js';
import { importPlanTable } from '../../shared/table/import.js';
import { planCases } from '../support/export-cases.js';
import { seeded } from '../support/seeded.js';

const NAMES = [
  'Kommunikation och spridning',
  'Projektledning',
  '+Projektledning',
  'Resor & möten',
  'Lokaler, mat och resor',
  'Tryck + porto',
  'Och',
  'Utvärdering och',
  'Kommunikation',
  'Spridning',
  '=SUMMA(A1)',
  '-1+2',
  'Möten (fysiska)',
  'målaktiviteter och projektledning',
];

/** A plan with one activity and a cost line per [section, label, amount]. */
function planWith(costs: Array<[string, string, number]>): ActionPlanJSON {
  const doc = createDocument('action-plan', { title: 'Namn', currency: 'SEK' });
  const goal = addGoal(doc, { number: '1', title: 'Mål', description: '' });
  addActivity(doc, goal, { number: '1.1', title: 'A', budget: 100_000 });
  for (const [section, label, amount] of costs) addCost(doc, { section, label, description: '', amount });
  return actionPlanToJSON(doc);
}

/** Every stated total of the re-imported table, for the TSV and the CSV export. */
function restated(plan: ActionPlanJSON) {
  return [exportPlanTable(plan), exportPlanTableCsv(plan)].flatMap((table) => importPlanTable(table).report.statedTotals);
}

describe('stated totals over names with och, +, & and commas', () => {
  // [costs, what the case is]
  const cases: Array<[Array<[string, string, number]>, string]> = [
    [[['Kommunikation och spridning', 'Webb', 500_000]], 'a section with och'],
    [[['', 'Resor och möten', 200_000]], 'a standalone line with och'],
    [[['', 'Tryck + porto', 200_000]], 'a standalone line with +'],
    [[['+Projektledning', 'Lön', 400_000], ['Projektledning', 'Lön', 100_000]], '+Projektledning beside Projektledning'],
    [[['Kommunikation', 'K', 1_000], ['Spridning', 'S', 2_000], ['Kommunikation och spridning', 'KS', 4_000]], 'a section named as two others'],
    [[['Lokaler, mat och resor', 'L', 7_000], ['Resor & möten', 'R', 3_000]], 'commas and &'],
    [[['Möten (fysiska)', 'M', 9_000], ['', 'Och', 1_000]], 'parentheses, a line named Och'],
  ];
  it.each(cases)('every stated total checks out: %j (%s)', (costs) => {
    const totals = restated(planWith(costs));
    expect(totals.length).toBeGreaterThan(0);
    expect(totals.filter((t) => !t.ok)).toEqual([]);
  });

  it('a sum of known names still adds up when written by hand', () => {
    const table = importPlanTable(
      [
        'Plan',
        'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat',
        'Mål 1 M.',
        '1.1 A\t\t1 000\t\t\t',
        'Kommunikation och spridning\tAktiviteter\tBudget',
        'Webb\t\t5 000',
        'Projektledning\tAktiviteter\tBudget',
        'Lön\t\t2 000',
        '',
        'Totalsumma kommunikation och spridning + projektledning (kr):\t7 000',
        'Totalsumma målaktiviteter och kommunikation och spridning (kr):\t6 000',
        'Totalsumma okänt och projektledning (kr):\t2 000',
      ].join('\n'),
    );
    expect(table.report.statedTotals.map((t) => [t.computed, t.ok])).toEqual([
      [700_000, true],
      [600_000, true],
      [null, false],
    ]);
  });

  it('import(export(plan)) reports every stated total ok for every exported plan case', () => {
    for (const [name, doc] of planCases()) {
      expect(restated(actionPlanToJSON(doc)).filter((t) => !t.ok), name).toEqual([]);
    }
  });

  it('import(export(plan)) reports every stated total ok for plans of random names (seeded)', () => {
    const random = seeded(1707);
    for (let run = 0; run < 150; run++) {
      const costs = Array.from({ length: 1 + random.int(5) }, (_, i): [string, string, number] => [
        random.int(3) === 0 ? '' : random.pick(NAMES),
        random.pick(NAMES) + (random.int(2) === 0 ? '' : ` ${i}`),
        (1 + random.int(90)) * 1_000,
      ]);
      const plan = planWith(costs);
      expect(restated(plan).filter((t) => !t.ok), JSON.stringify(costs)).toEqual([]);
    }
  });
});

