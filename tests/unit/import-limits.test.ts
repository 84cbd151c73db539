import { describe, expect, it } from 'vitest';
import { ImportError } from '../../shared/table/errors.js';
import { importPlanTable } from '../../shared/table/import.js';

const HEADER = 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat';

/** A plan table of exactly `rows` lines (title, header, one goal, activities). */
function table(rows: number, tail = '\n'): string {
  const lines = ['Plan', HEADER, 'Mål 1 Ett mål.\t\t\t\t\t'];
  for (let i = 1; lines.length < rows; i++) lines.push(`1.${i} Aktivitet\t\t1 000\t\t\t`);
  return lines.slice(0, rows).join('\n') + tail;
}

const code = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof ImportError ? error.code : 'other';
  }
};

describe('plan-table row limit', () => {
  // [rows, max rows, what follows the last row, expected error code (null: imported)]
  const cases: Array<[number, number, string, string | null]> = [
    [50, 50, '\n', null],
    [50, 50, '', null],
    [50, 50, '\n\n\n\n', null],
    [50, 50, '\r\n', null],
    [51, 50, '\n', 'import.too-large'],
    [500, 50, '\n', 'import.too-large'],
    // Blank lines then one more row: that row must not be dropped silently.
    [50, 50, '\n\n\n\n1.99 Sist\t\t1\t\t\t\n', 'import.too-large'],
    [3, 50, '\n', null],
  ];
  it.each(cases)('%i rows, limit %i, then %j → %s', (rows, maxRows, tail, expected) => {
    expect(code(() => importPlanTable(table(rows, tail), { maxRows }))).toBe(expected);
  });

  it('every activity of a table at the limit is imported (nothing cut off by the limit)', () => {
    const { plan } = importPlanTable(table(200), { maxRows: 200 });
    expect(plan.goals?.[0]?.activities).toHaveLength(197);
  });

  it('without a limit, any size is read (the server always passes one)', () => {
    expect(code(() => importPlanTable(table(3000)))).toBeNull();
  });

  it('the too-large check never hides "not a plan table"', () => {
    expect(code(() => importPlanTable('a\nb\nc\n', { maxRows: 50 }))).toBe('import.unreadable');
  });
});
