/**
 * Plan tables as Excel and Word really write them (issue 17): stray quotes, `sep=` lines,
 * Nordic amounts, implausible values, cells past the layout. Decoding bytes is the
 * server's (tests/unit/import-decoding.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { allActivities, actionPlanToJSON } from '../model/action-plan.js';
import { createDocument } from '../model/document.js';
import { characterLength } from '../strings.js';
import { importPlanTable } from './import.js';
import { readRows, type Delimiter } from './read-rows.js';

const kr = (whole: number) => whole * 100;
const HEADER = ['Mål', 'Aktiviteter', 'Budget', 'Ansvar', 'Tidplan', 'Mottagare av resultat'];

/** A small plan whose activity 1.1 has `cell` as its description and 1.2 has it as recipients. */
function planWith(cell: string, delimiter: Delimiter): string {
  const rows = [
    ['Plan med citattecken'],
    HEADER,
    ['Mål 1 Skolor. Om skolor.', '', '', '', '', ''],
    ['1.1 Första', cell, '1 000', 'A', '2027-01-01 - 2027-02-01', 'Alla'],
    ['1.2 Andra', 'Text', '2 000', 'B', '2027-03-01', cell],
    ['Mål 2 Energi.', '', '', '', '', ''],
    ['2.1 Tredje', 'Text', '3 000', 'C', '', 'Alla'],
    [],
    ['Totalsumma målaktiviteter (kr):', '6 000'],
  ];
  return rows.map((cells) => cells.join(delimiter)).join('\n');
}

/** Cells that start with a quote without being a quoted cell, as Word and pasted text write them. */
const STRAY_QUOTES = [
  '"Klimatsmart" skola – för alla',
  '"Klimatsmart skola',
  '"Klimatsmart"skola',
  '""Klimatsmart"" skola',
  '"Klimatsmart" skola "med" fler citat',
  '"',
  '" ',
  '"12" tum',
  '"Klimatsmart\'s skola',
];

describe('a cell that starts with a quote', () => {
  const cases = (['\t', ';', ','] as const).flatMap((delimiter) => STRAY_QUOTES.map((cell) => [JSON.stringify(delimiter), cell, delimiter] as const));
  it.each(cases)('never swallows rows or stated totals (%s, %s)', (_name, cell, delimiter) => {
    const { plan, report } = importPlanTable(planWith(cell, delimiter));
    const activities = allActivities(actionPlanToJSON(createDocument('action-plan', plan)));
    expect(activities.map((a) => [a.number, a.budget])).toEqual([
      ['1.1', kr(1_000)],
      ['1.2', kr(2_000)],
      ['2.1', kr(3_000)],
    ]);
    // Read as written, quotes and all.
    expect(activities[0]?.description).toBe(cell.trim());
    expect(activities[1]?.recipients).toBe(cell.trim());
    expect(report.statedTotals).toEqual([{ label: 'Totalsumma målaktiviteter (kr)', stated: kr(6_000), computed: kr(6_000), ok: true }]);
    expect(report.skipped).toEqual([]);
  });

  it('is still a quoted cell when Excel quoted it: separators, doubled quotes, line breaks', () => {
    const rows = readRows('a\t"x\ty ""z"""\t"line one\nline two"\tb\t"ends in a break\n"\nnext\t"""quoted"" at\n""line start"""', '\t');
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'x\ty "z"', 'line one\nline two', 'b', 'ends in a break']],
      [4, ['next', '"quoted" at\n"line start"']],
    ]);
  });

  it('takes a ditto mark (a lone quote) in a later row as its own cell, not the close of a stray quote', () => {
    const rows = readRows(['1.1 X\t"Klimatsmart\tA', '1.2 Y\tText\t"', '1.3 Z\t"\t"'].join('\n'), '\t');
    expect(rows.map((r) => r.cells)).toEqual([
      ['1.1 X', '"Klimatsmart', 'A'],
      ['1.2 Y', 'Text', '"'],
      ['1.3 Z', '"', '"'],
    ]);
  });

  it('fuzz: Word-like text with quotes anywhere keeps one row per line and every cell as written', () => {
    const words = ['skola', '"Klimatsmart"', '"Klimat', 'smart"x', '”typografiska”', 'a"b', '1 000', ''];
    let state = 3;
    const pick = <T,>(list: readonly T[]): T => list[(state = (state * 1_103_515_245 + 12_345) % 2 ** 31) % list.length] as T;
    for (let run = 0; run < 300; run++) {
      const delimiter = pick(['\t', ';', ','] as const);
      // A stray quote starts a cell, or stands inside one; a cell never ends in a lone quote.
      const cell = () => {
        const text = Array.from({ length: 1 + (state % 4) }, () => pick(words)).join(' ').trim();
        return /^"[^"]+"$/.test(text) ? text : text.replace(/"$/, '');
      };
      const lines = Array.from({ length: 2 + (state % 6) }, () => Array.from({ length: 1 + (state % 6) }, cell));
      const rows = readRows(lines.map((cells) => cells.join(delimiter)).join('\n'), delimiter);
      expect(rows.length).toBe(lines.length);
      rows.forEach((row, i) => {
        const written = lines[i] ?? [];
        expect(row.line).toBe(i + 1);
        // A cell wholly in quotes (`"Klimatsmart"`) is a quoted cell, as Excel would read it.
        expect(row.cells).toEqual(written.map((c) => (/^"[^"]*"$/.test(c) ? c.slice(1, -1) : c)));
      });
    }
  });
});

describe("Excel's sep= first line", () => {
  const body = (delimiter: Delimiter) => ['Plan', HEADER.join(delimiter), ['1.1 X', 'Text, med komma; och semikolon', '1 000', 'A', '', 'B'].join(delimiter)];
  it.each([
    ['sep=;', ';'],
    ['sep=,', ','],
    ['sep=\t', '\t'],
    ['sep=\\t', '\t'],
    ['SEP=;', ';'],
    ['"sep=;"', ';'],
    ['sep=;;;;;', ';'],
  ] as const)('%j sets the separator and is never the title', (line, delimiter) => {
    const cells = body(delimiter).map((row) => (delimiter === '\t' ? row : row.replace('Text, med komma; och semikolon', 'Text utan avgränsare')));
    const { plan, report } = importPlanTable(['\uFEFF' + line, ...cells].join('\r\n'));
    expect(plan.title).toBe('Plan');
    expect(plan.goals?.[0]?.activities?.[0]).toMatchObject({ number: '1.1', budget: kr(1_000), responsible: 'A' });
    expect(report.skipped).toEqual([]);
  });

  it('counts lines from the sep= line, so report lines match the file', () => {
    const text = ['sep=;', HEADER.join(';'), '1.1 X;Text;abc;A;;B'].join('\n');
    expect(importPlanTable(text).report.warnings.map((w) => [w.line, w.field])).toEqual([[3, 'budget']]);
  });

  it('leaves a title that merely starts with "sep" alone', () => {
    expect(importPlanTable(['sep=ptember plan', HEADER.join('\t')].join('\n')).plan.title).toBe('sep=ptember plan');
  });
});

describe('amounts and what the import warns about', () => {
  const table = (budget: string, extra = '') =>
    [HEADER.join('\t'), ['1.1 X', 'Text', budget, 'A', '', 'B'].join('\t') + extra, '', `Projektbudget totalt utan intäkter (kr):\t${budget}`].join('\n');

  it.each([
    ['1.234.567', kr(1_234_567)],
    ['1 234 567', kr(1_234_567)],
    ['1\u00a0234\u00a0567', kr(1_234_567)],
    ['1\u202f234\u202f567 kr', kr(1_234_567)],
    ['1 234,50', 123_450],
    ['1.234,50', 123_450],
    ['1,234,567', kr(1_234_567)],
  ])('reads %j as %d minor units, in activities and summary rows alike', (written, minor) => {
    const { plan, report } = importPlanTable(table(written));
    expect(plan.goals?.[0]?.activities?.[0]?.budget).toBe(minor);
    expect(plan.budget?.frame).toBe(minor);
    expect(report).toMatchObject({ skipped: [], warnings: [] });
  });

  it.each([
    ['1 000 000 000 000', 'orimligt stort'],
    ['10.000.000.001', 'orimligt stort'],
    ['-5 000', 'negativt'],
    ['−1 234,50 kr', 'negativt'],
  ])('keeps %j but warns on its line', (written, reason) => {
    const { plan, report } = importPlanTable(table(written));
    expect(plan.goals?.[0]?.activities?.[0]?.budget).not.toBeNull();
    expect(report.skipped).toEqual([]);
    expect(report.warnings.map((w) => [w.line, w.field])).toEqual([
      [2, 'budget'],
      [4, 'amount'],
    ]);
    expect(report.warnings[0]?.reason).toContain(reason);
  });

  it('reports cells past the six columns instead of dropping them silently', () => {
    const { plan, report } = importPlanTable(table('1 000', '\tEn sjunde cell\t\tEn nionde'));
    expect(plan.goals?.[0]?.activities?.[0]).toMatchObject({ budget: kr(1_000), recipients: 'B' });
    expect(report.skipped).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ line: 2, field: 'cells', reason: expect.stringContaining('En sjunde cell | En nionde') })]);
  });

  it('cuts a long title on whole characters and says so', () => {
    const long = 'Plan '.repeat(39) + 'abc👨‍👩‍👧‍👦de';
    const { plan, report } = importPlanTable([long, HEADER.join('\t')].join('\n'));
    expect(characterLength(plan.title ?? '')).toBe(200);
    expect(plan.title?.endsWith('abc👨‍👩‍👧‍👦d')).toBe(true);
    expect(report.warnings).toEqual([expect.objectContaining({ line: 1, field: 'title' })]);
  });
});
