/**
 * `export.csv` (shared/table/csv.ts): the plan table for Swedish Excel — UTF-8 BOM first,
 * `;` between cells, CRLF line ends, the TSV export's columns, formula-like cells
 * neutralised — and it reads back through the importer to the same plan, for every case.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../../shared/model/document.js';
import { actionPlanToJSON, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { exportPlanTableCsv } from '../../shared/table/csv.js';
import { exportPlanTable } from '../../shared/table/export.js';
import { importPlanTable } from '../../shared/table/import.js';
import { planCases, planJSON } from '../support/export-cases.js';

/** What the table layout carries (as the TSV round-trip test compares): not ids, status, period. */
function carried(plan: ActionPlanJSON) {
  return {
    title: plan.title,
    currency: plan.currency,
    budget: plan.budget,
    goals: plan.goals.map((goal) => ({
      hasGoal: goal.id !== null,
      number: goal.number,
      title: goal.title,
      description: goal.description,
      activities: goal.activities.map(({ number, title, description, budget, responsible, start, end, recipients }) => ({ number, title, description, budget, responsible, start, end, recipients })),
    })),
    costs: plan.costs.map(({ section, label, description, amount }) => ({ section, label, description: section === '' ? '' : description, amount })),
  };
}

describe.each(planCases())('export.csv of %s', (_name, doc) => {
  const plan = planJSON(doc);
  const csv = exportPlanTableCsv(plan);

  it('starts with the UTF-8 BOM, separates by ; and ends lines with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // Every line break is CRLF (a bare LF may only sit inside a quoted cell).
    const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes).not.toMatch(/[^\r]\n/);
    expect(outsideQuotes.endsWith('\r\n')).toBe(true);
    expect(csv).toContain(plan.currency === 'NOK' ? 'Mål;Aktiviteter;Budsjett' : plan.currency === 'EUR' ? 'Goal;Activities;Budget' : 'Mål;Aktiviteter;Budget');
  });

  it('has the same rows and cells as the TSV export', () => {
    const cells = (text: string, delimiter: string) => Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter, skipEmptyLines: true }).data;
    expect(cells(csv, ';')).toEqual(cells(exportPlanTable(plan), '\t'));
  });

  it('round-trips through the importer to the same plan, every stated total ok', () => {
    const { plan: init, report } = importPlanTable(csv);
    expect(carried(actionPlanToJSON(createDocument('action-plan', init)))).toEqual(carried(plan));
    expect(report.skipped).toEqual([]);
    expect(report.statedTotals.every((total) => total.ok)).toBe(true);
  });
});

it('neutralises formula-like cells as the TSV does', () => {
  const edge = planJSON(planCases()[2]?.[1] ?? createDocument('action-plan', { title: 'x' }));
  const csv = exportPlanTableCsv(edge);
  expect(csv).toContain(`;"'@start";`);
  expect(csv).toContain(`;"'+46 70";`);
  // No cell (at a line start or after a separator) begins with a formula trigger.
  expect(csv.replace(/^\ufeff/, '')).not.toMatch(/(^|;)"?[=+@]/m);
});

// Red-team FA2-3: a cell whose formula hides behind a line break, blanks or a full-width sign.
it.each([
  ['a line feed', '\n=2+2'],
  ['a line feed alone', '\nrad två'],
  ['spaces', '  =1+1'],
  ['a no-break space', '\u00a0+1'],
  ['full-width equals', '\uff1dSUMMA(1)'],
  ['an ideographic space and a full-width at', '\u3000\uff20SUM(1)'],
])('neutralises a cell starting with %s, and reads it back exactly', (_what, text) => {
  const doc = createDocument('action-plan', { title: 'Plan', goals: [{ number: '1', title: 'Mål', description: '', activities: [{ number: '1.1', title: 'Akt', description: text, budget: 100 }] }] });
  const plan = actionPlanToJSON(doc);
  const csv = exportPlanTableCsv(plan);
  const rows = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { delimiter: ';' }).data;
  expect(rows.flat()).toContain(`'${text}`);
  const again = actionPlanToJSON(createDocument('action-plan', importPlanTable(csv).plan));
  expect(again.goals[0]?.activities[0]?.description).toBe(text);
});
