/**
 * User test U14 item 4: the plan's XLSX summary said "Summa kostnader" on top of the cost
 * sections' own sums (Projektledning's 1 285 000 kr counted twice to a reader; a section
 * named "Kostnader" printed the same label twice), and its lines were not the ones on
 * screen. Now the XLSX and DOCX summaries are the editor's "Sammanställning" lines
 * (shared/summary `summaryLines`: activities, each section, each cost line without a
 * section) with the same figures, then Planerat totalt and the budget lines: each label
 * once, and the lines above Planerat totalt add up to it.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
// Loaded with the test file, not inside the first test's time: build-export.ts loads it lazily.
import '../../server/export/file-formats.js';
import { buildExport } from '../../server/export/build-export.js';
import { EXPORT_WORDS } from '../../server/export/labels.js';
import { addActivity, addCost, addGoal, updatePlanBudget, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { createDocument } from '../../shared/model/document.js';
import { formatMoney } from '../../shared/money.js';
import { summaryLines } from '../../shared/summary.js';
import { totals } from '../../shared/totals.js';
import { planCases, planJSON, requestFor } from '../support/export-cases.js';

const words = EXPORT_WORDS.sv;

/** A plan whose cost section is called "Kostnader", as many Word plans have it. */
function sectionNamedCosts(): Y.Doc {
  const doc = createDocument('action-plan', { title: 'Kostnader som avsnitt', currency: 'SEK' });
  const goal = addGoal(doc, { number: '1', title: 'Mål', description: '' });
  addActivity(doc, goal, { number: '1.1', title: 'Aktivitet', budget: 10_000_000 });
  addCost(doc, { section: 'Kostnader', label: 'Lokaler', description: '', amount: 2_000_000 });
  addCost(doc, { section: '', label: 'Revision', description: '', amount: 500_000 });
  updatePlanBudget(doc, { frame: 20_000_000 });
  return doc;
}

const CASES: Array<[string, Y.Doc]> = [...planCases(), ['a cost section named "Kostnader"', sectionNamedCosts()]];

/** The editor's summary (client Summary.tsx) in Swedish: label → minor units, then Planerat totalt. */
function onScreen(plan: ActionPlanJSON): Array<[string, number]> {
  const sums = totals(plan);
  const lines = summaryLines(plan, sums).map((line): [string, number] => {
    if (line.kind === 'activities') return [words.sumActivities, line.amount];
    if (line.kind === 'section') return [`${words.sumOf} ${line.section.toLowerCase()}`, line.amount];
    return [line.label || words.otherCosts, line.amount];
  });
  return [...lines, [words.planned, sums.planned]];
}

async function summaryRows(doc: Y.Doc): Promise<Array<[string, number | null]>> {
  const { body } = await buildExport(requestFor(doc, 'xlsx'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((body as Uint8Array).slice().buffer as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: Array<[string, number | null]> = [];
  let inSummary = false;
  sheet.eachRow((row) => {
    const label = row.getCell(2).value;
    if (label === words.sumActivities && row.getCell(1).value === null) inSummary = true;
    if (!inSummary) return;
    const value = row.getCell(4).value;
    const amount = typeof value === 'number' ? value : value !== null && typeof value === 'object' && 'formula' in value ? Number(value.result ?? 0) : null;
    rows.push([String(label), amount === null ? null : Math.round(amount * 100)]);
  });
  return rows;
}

/** The docx summary table's lines, "label\namount" as Word shows them. */
async function docxText(doc: Y.Doc): Promise<string> {
  const zip = await JSZip.loadAsync((await buildExport(requestFor(doc, 'docx'))).body);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
}

describe.each(CASES)('the summary of %s', (_name, doc) => {
  const plan = planJSON(doc);

  it('XLSX: the on-screen lines with their figures, each label once, then the budget lines', async () => {
    const rows = await summaryRows(doc);
    const labels = rows.map(([label]) => label);
    expect(labels.filter((label, i) => labels.indexOf(label) !== i)).toEqual([]);
    const screen = onScreen(plan);
    expect(rows.slice(0, screen.length)).toEqual(screen);
    expect(labels.slice(screen.length).map((label) => label.replace(/ \(.*\)$/, ''))).toEqual([words.spentBefore, words.frameWithIncome, words.frame, words.remaining]);
    expect(screen.slice(0, -1).reduce((sum, [, minor]) => sum + minor, 0)).toBe(totals(plan).planned);
  });

  it('DOCX: the same lines, each label once', async () => {
    const text = await docxText(doc);
    const summary = text.slice(text.lastIndexOf(words.summary));
    for (const [label, minor] of onScreen(plan)) {
      expect(summary.split(`\n${label}\n`).length - 1).toBe(1);
      expect(summary).toContain(`\n${label}\n${formatMoney(minor, plan.currency, 'sv')}`);
    }
  });
});
