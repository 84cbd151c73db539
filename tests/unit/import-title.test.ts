/**
 * An imported plan's title (X17 finding 2): the listing and the document hold one and the
 * same title, which passes the single-line rules every other title passes (shared/strings.ts
 * `singleLineProblem`), and is never empty — the default when nothing visible is left.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildImport } from '../../server/import/build-import.js';
import { planMetaToJSON } from '../../shared/model/action-plan.js';
import { singleLineProblem } from '../../shared/strings.js';
import { importPlanTable } from '../../shared/table/import.js';
import { seeded } from '../support/seeded.js';

const HEADER = 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat';
const table = (first: string) => `${first}\n\n${HEADER}\nMål 1 M. D.\n1.1 A\tB\t1 000\tC\t\tD\n`;

/** What the server stores: the listing's title and the document's own. */
function imported(first: string): { listing: string; document: string } {
  const built = buildImport({ bytes: new TextEncoder().encode(table(first)), maxRows: 100 });
  const doc = new Y.Doc();
  for (const update of built.updates) Y.applyUpdate(doc, update);
  return { listing: built.title, document: planMetaToJSON(doc).title };
}

describe('an imported title', () => {
  // [first line, expected title]
  const cases: Array<[string, string]> = [
    ['Hand\u0007lingsplan \u202eTest', 'Handlingsplan Test'],
    ['\u202e   ', 'Importerad handlingsplan'],
    ['\u200b\u2066\u00a0', 'Importerad handlingsplan'],
    ['Plan\u0000 2027\u0085', 'Plan 2027'],
    ['Plan\ufffe 2027', 'Plan 2027'],
    ['Plan\u2028Rad', 'Plan Rad'],
    ['Plan\t2027', 'Plan 2027'],
    ['  Plan 2027  ', 'Plan 2027'],
    ['Plan \u202d2027\u2069', 'Plan 2027'],
    ['', 'Importerad handlingsplan'],
  ];
  it.each(cases)('%j → %j in both the listing and the document', (first, expected) => {
    const { listing, document } = imported(first);
    expect(listing).toBe(expected);
    expect(document).toBe(expected);
  });

  it('passes the single-line rules and is the same in both, for any first line (seeded fuzz)', () => {
    const random = seeded(1702);
    const alphabet = ['a', 'Å', ' ', '\u0007', '\u0000', '\u202e', '\u2066', '\u200b', '\u00a0', '\ufffe', '\u0085', '\u2028', '\ud83d', '👍🏽', '\u0301', '"', '\u007f', '\u3000'];
    for (let run = 0; run < 300; run++) {
      const first = Array.from({ length: 1 + random.int(12) }, () => random.pick(alphabet)).join('');
      const { listing, document } = imported(first);
      expect(document, JSON.stringify(first)).toBe(listing);
      expect(singleLineProblem(listing), JSON.stringify(first)).toBeNull();
    }
  });

  it('the table reader keeps no forbidden character in the plan title either (empty when nothing visible)', () => {
    expect(importPlanTable(table('Hand\u0007lingsplan \u202eTest')).plan.title).toBe('Handlingsplan Test');
    expect(importPlanTable(table('\u202e  ')).plan.title).toBe('');
  });
});
