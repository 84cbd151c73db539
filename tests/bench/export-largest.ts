/**
 * The largest plan the content limits allow in items (20 000: shared/content-limits.ts), with
 * texts of everyday length, exported as each format on this thread: time and peak RSS
 * (red team F2/F3; figures in docs/deploy.md). `npx tsx --expose-gc tests/bench/export-largest.ts [json,xlsx,docx]`
 */
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import { importPlanTable } from '../../shared/table/import.js';
import '../../server/export/file-formats.js';
import { buildExport } from '../../server/export/build-export.js';

// A plan table of 20 000 rows (the import's limit and the content limits' items per
// document): 1 000 goals of 19 activities each, built as an import builds it.
const rows = ['Stor plan', '', 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat'];
for (let g = 1; g <= 1000; g++) {
  rows.push(`Mål ${g} Klimatanpassning i kommun ${g}. ${'Beskrivning av målet med några meningar. '.repeat(4)}\t\t\t\t\t`);
  for (let a = 1; a <= 19; a++) rows.push(`${g}.${a} Aktivitet ${a} för mål ${g}\t${'- Beskrivning av aktiviteten '.repeat(4)}\t100 000\tLänsstyrelsen\t2027-01-01 - 2027-12-31\tKommunerna`);
}
const doc = createDocument('action-plan', importPlanTable(rows.join('\n')).plan);
const update = Y.encodeStateAsUpdate(doc);
console.log('stored bytes', update.length);
let peak = 0;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
for (const format of (process.argv[2] ?? 'json,xlsx,docx').split(',')) {
  global.gc?.();
  const base = process.memoryUsage().rss; peak = base;
  const start = performance.now();
  const built = await buildExport({ documentId: 'd', updates: [update], format: format as 'json', today: '2027-03-01', locale: 'sv', now: Date.UTC(2027, 0, 1) });
  const ms = performance.now() - start;
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(format, 'ms', ms.toFixed(0), 'bytes', typeof built.body === 'string' ? built.body.length : built.body.length, 'rss before MB', (base / 1e6).toFixed(0), 'peak MB', (peak / 1e6).toFixed(0));
}
clearInterval(timer);
