/**
 * Exports grow linearly with the plan (red team F2/F3: a 20 000-activity plan's docx hit
 * the export thread's 60 s cap). The work is counted, not timed (tests/support/work-count.ts:
 * the elements that iteration walks, in our code and in docx', exceljs' and JSZip's alike), so a busy
 * CI machine cannot fail it; the timings are tests/bench/export-scaling.ts.
 */
import { describe, expect, it } from 'vitest';
// Loaded with the test file: build-export.ts loads the file formats lazily.
import '../../server/export/file-formats.js';
import { buildExport } from '../../server/export/build-export.js';
import { countVisits, growth } from '../support/work-count.js';
import { planOf } from '../support/big-plan.js';

type Format = 'docx' | 'xlsx' | 'csv' | 'json';

/** One export of `update` as `format`, to be counted. */
function exportOf(update: Uint8Array, format: Format): () => Promise<unknown> {
  return () => buildExport({ documentId: 'd', updates: [update], format, today: '2027-03-01', locale: 'sv', now: Date.UTC(2027, 0, 1) });
}

describe('exports of a big plan', () => {
  it.each(['docx', 'xlsx', 'csv', 'json'] as const)('%s: the elements walked per added activity stay the same from 500 to 1 000 to 2 000 activities', { timeout: 120_000 }, async (format) => {
    const { visits, ratios } = await growth([500, 1_000, 2_000], (count) => exportOf(planOf(count), format));
    expect(visits[0]).toBeGreaterThan(10 * 500); // it did walk the plan (json ~39 elements per activity)
    // Linear work gives 1, a nested scan over the activities 2 (each step doubles the plan).
    for (const ratio of ratios) expect(ratio).toBeLessThan(1.25);
  });

  it('docx walks less than twice what the JSON export walks per added activity (docx objects per cell walked 6×)', { timeout: 120_000 }, async () => {
    const perActivity = async (format: Format) => {
      const small = await countVisits(exportOf(planOf(1_000), format));
      const large = await countVisits(exportOf(planOf(2_000), format));
      return (large.visits - small.visits) / 1_000;
    };
    const json = await perActivity('json');
    const docx = await perActivity('docx');
    // The XML-text body (997c084) walks 0.9× the JSON export per activity; docx's object tree 14×.
    expect(docx / json).toBeLessThan(2);
  });
});
