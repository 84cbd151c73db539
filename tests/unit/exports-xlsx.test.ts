/**
 * `export.xlsx` written, then read back with the same library (exceljs): the plan table's
 * cells are the plan's, and every summary formula — by its cached result AND by evaluating
 * the formula over the cells read back — equals shared `totals()`, for both samples, the
 * demo plan and the corner cases (tests/support/export-cases.ts). Strategy and agenda
 * sheets carry their indicators and meetings.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
// Loaded with the test file, not inside the first test's time: build-export.ts loads it lazily.
import '../../server/export/file-formats.js';
import { buildExport } from '../../server/export/build-export.js';
import { EXPORT_WORDS } from '../../server/export/labels.js';
import { allActivities } from '../../shared/model/action-plan.js';
import { totals } from '../../shared/totals.js';
import { demoAgenda, demoStrategy, planCases, planJSON, requestFor } from '../support/export-cases.js';

const words = EXPORT_WORDS.sv;

async function workbookOf(request: ReturnType<typeof requestFor>): Promise<ExcelJS.Workbook> {
  const { body } = await buildExport(request);
  expect(body).toBeInstanceOf(Uint8Array);
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own `Buffer` (an ArrayBuffer); a copy of the bytes is one.
  await workbook.xlsx.load((body as Uint8Array).slice().buffer as ExcelJS.Buffer);
  return workbook;
}

/** The value of column D at `row`, evaluating a formula from the cells (not its cached result). */
function evaluate(sheet: ExcelJS.Worksheet, row: number): number {
  const value = sheet.getCell(`D${row}`).value;
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && 'formula' in value && typeof value.formula === 'string') {
    const expression = value.formula
      .replace(/SUM\(D(\d+):D(\d+)\)/g, (_, from: string, to: string) => {
        let sum = 0;
        for (let r = Number(from); r <= Number(to); r++) sum += evaluate(sheet, r);
        return `(${sum})`;
      })
      .replace(/D(\d+)/g, (_, r: string) => `(${evaluate(sheet, Number(r))})`);
    // Only numbers, parentheses, + and - are left; anything else fails the test here.
    expect(expression).toMatch(/^[\d.()+\-e ]+$/);
    return Function(`return ${expression}`)() as number;
  }
  throw new Error(`D${row} holds ${JSON.stringify(value)}`);
}

/** Summary label (column B) → the row holding it. */
function labelRows(sheet: ExcelJS.Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  sheet.eachRow((row, n) => {
    const label = row.getCell(2).value;
    if (typeof label === 'string' && row.getCell(1).value === null) rows.set(label, n);
  });
  return rows;
}

describe.each(planCases())('export.xlsx of %s', (_name, doc) => {
  const plan = planJSON(doc);
  const sums = totals(plan);

  it('has a bold, frozen header and the plan table cells', async () => {
    const sheet = (await workbookOf(requestFor(doc, 'xlsx'))).worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).getCell(4).value).toBe(words.budget);
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => typeof row.getCell(1).value === 'string' && rows.set(String(row.getCell(1).value), row));
    for (const activity of allActivities(plan)) {
      const row = rows.get(activity.number);
      expect(row?.getCell(2).value).toBe(activity.title);
      expect(row?.getCell(4).value ?? null).toBe(activity.budget === null ? null : activity.budget / 100);
      expect(row?.getCell(4).numFmt).toMatch(plan.currency === 'EUR' ? /^#,##0(\.00)? "€"$/ : /^#,##0(\.00)? "kr"$/);
      const start = row?.getCell(6).value;
      expect(start instanceof Date ? start.toISOString().slice(0, 10) : (start ?? null)).toBe(activity.start);
      expect(row?.getCell(9).value).toBe(words.statuses[activity.status]);
    }
  });

  it('every formula equals totals(), as cached and as evaluated from the cells', async () => {
    const sheet = (await workbookOf(requestFor(doc, 'xlsx'))).worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const at = labelRows(sheet);
    const expected = new Map<string, number | null>([
      [words.sumActivities, sums.activities],
      [words.planned, sums.planned],
      [words.remaining, sums.remaining],
      ...Object.entries(sums.sections).map(([name, sum]): [string, number] => [`${words.sumOf} ${name.toLowerCase()}`, sum]),
    ]);
    let formulas = 0;
    for (const [label, minor] of expected) {
      const row = at.get(label);
      if (row === undefined) throw new Error(`no summary row ${label}`);
      const cell = sheet.getCell(`D${row}`);
      if (minor === null) {
        expect(cell.value ?? null).toBeNull();
        continue;
      }
      if (typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value) {
        formulas += 1;
        // exceljs's reader drops a cached 0 (`<v>0</v>` is in the file; it tests the text for truthiness).
        expect(Math.round(Number(cell.value.result ?? 0) * 100)).toBe(minor);
      }
      expect(Math.round(evaluate(sheet, row) * 100)).toBe(minor);
    }
    // Every sum and difference is a live formula, except a SUM over no rows (a plain 0). No
    // "Summa kostnader" line: the summary is the editor's (export-summary-lines.test.ts).
    const empties = allActivities(plan).length === 0 ? 1 : 0;
    expect(formulas).toBe(expected.size - (sums.remaining === null ? 1 : 0) - empties);
  });
});

describe('export.xlsx of a strategy and an agenda', () => {
  it('strategy: goals and indicators with a column per measured year', async () => {
    const workbook = await workbookOf(requestFor(demoStrategy(), 'xlsx'));
    const sheet = workbook.getWorksheet(words.indicators);
    if (!sheet) throw new Error('no indicator sheet');
    const header = (sheet.getRow(1).values as unknown[]).filter((v) => typeof v === 'string');
    expect(header.slice(0, 3)).toEqual([words.focusArea, words.goal, words.indicator]);
    expect(header.some((h) => /^\d{4}$/.test(String(h)))).toBe(true);
    expect(sheet.rowCount).toBeGreaterThan(1);
    expect(workbook.getWorksheet(words.goals)?.rowCount).toBeGreaterThan(1);
  });

  it('agenda: meetings, items with clock times, decisions and actions', async () => {
    const workbook = await workbookOf(requestFor(demoAgenda(), 'xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([words.meetings, words.items, words.decisions, words.actions]);
    const items = workbook.getWorksheet(words.items);
    expect(items?.getRow(2).getCell(3).value).toBe('09:00');
    expect(items?.getRow(3).getCell(3).value).toBe('09:20');
  });
});
