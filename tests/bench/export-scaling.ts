/**
 * What the file exports of a big plan cost on this machine (red team F2/F3: a 20 000-activity
 * plan's docx hit the export thread's 60 s cap): CPU and wall time of docx, xlsx, csv and json
 * at 1 000 and 5 000 activities, the best of two runs, their CPU ratio (linear ~5) and docx
 * against json (the docx object tree cost 6×, the XML-text body ~1.6×). A benchmark, not a
 * test: tests/unit/export-scaling.test.ts holds the growth to linear by counted work, which
 * a busy machine cannot change. `npx tsx tests/bench/export-scaling.ts [docx,xlsx,csv,json]`
 */
import '../../server/export/file-formats.js';
import { buildExport } from '../../server/export/build-export.js';
import { planOf } from '../support/big-plan.js';

type Format = 'docx' | 'xlsx' | 'csv' | 'json';

/** CPU milliseconds (user and system, this process) and wall milliseconds of one export. */
async function timed(update: Uint8Array, format: Format): Promise<{ cpu: number; wall: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await buildExport({ documentId: 'd', updates: [update], format, today: '2027-03-01', locale: 'sv', now: Date.UTC(2027, 0, 1) });
  const cpu = process.cpuUsage(cpuBefore);
  return { cpu: (cpu.user + cpu.system) / 1000, wall: performance.now() - started };
}

/** The best (least CPU) of two runs: a stray major GC in one would skew a ratio. */
async function best(update: Uint8Array, format: Format): Promise<{ cpu: number; wall: number }> {
  const first = await timed(update, format);
  const second = await timed(update, format);
  return first.cpu <= second.cpu ? first : second;
}

const small = planOf(1_000);
const large = planOf(5_000);
const cpuAt5000 = new Map<Format, number>();
for (const format of (process.argv[2] ?? 'docx,xlsx,csv,json').split(',') as Format[]) {
  await timed(planOf(20), format); // warm: the format's code compiled
  const base = await best(small, format);
  const big = await best(large, format);
  cpuAt5000.set(format, big.cpu);
  console.log(`${format}: 1 000 activities ${base.cpu.toFixed(0)} ms CPU; 5 000 ${big.cpu.toFixed(0)} ms CPU, ${big.wall.toFixed(0)} ms wall; ratio ${(big.cpu / base.cpu).toFixed(1)} (linear ~5)`);
}
const docx = cpuAt5000.get('docx');
const json = cpuAt5000.get('json');
if (docx !== undefined && json !== undefined) console.log(`docx / json CPU at 5 000 activities: ${(docx / json).toFixed(1)} (object tree 6.2, XML text ~1.6)`);
