/**
 * Storage per version (docs/versions.md): the full state a version stores, for the demo
 * plan and a 1 000-activity plan, against a `gc: false` document that keeps its history
 * for `Y.snapshot` versions. Run: `npx tsx tests/bench/version-storage.ts`.
 */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import { importPlanTable } from '../../shared/table/import.js';
import { actionPlanToJSON, updateItem } from '../../shared/model/action-plan.js';

function plan(n: number) {
  const goals = Array.from({ length: Math.ceil(n / 10) }, (_, g) => ({ number: String(g + 1), title: `Mål ${g + 1} om energi och klimat`, description: 'Kommunerna samverkar kring energieffektivisering och klimatanpassning.', activities: Array.from({ length: Math.min(10, n - g * 10) }, (_, a) => ({ number: `${g + 1}.${a + 1}`, title: `Aktivitet ${g + 1}.${a + 1} med en rimligt lång titel`, description: '- Gemensam upphandling - Rapport per kommun - Uppföljning', budget: 100_000_00 + a, responsible: 'Energikontoret', start: '2027-01-01', end: '2027-12-31', recipients: 'Kommunerna' })) }));
  return { title: 'Stor plan', goals };
}
function measure(name: string, make: (gc: boolean) => Y.Doc) {
  for (const gc of [true, false]) {
    const doc = make(gc);
    const base = Y.encodeStateAsUpdate(doc).length;
    // A working session: 500 keystroke edits and 100 budget changes spread over the plan.
    const json = actionPlanToJSON(doc);
    const acts = json.goals.flatMap((g) => g.activities);
    const idAt = (i: number) => acts[i % acts.length]?.id ?? '';
    for (let i = 0; i < 500; i++) {
      const map = doc.getMap('activities').get(idAt(i));
      const t = map instanceof Y.Map ? map.get('description') : null;
      if (!(t instanceof Y.Text)) continue;
      t.insert(t.length, 'x');
      if (i % 5 === 0) t.delete(0, 1);
    }
    for (let i = 0; i < 100; i++) updateItem(doc, 'activities', idAt(i * 7), { budget: i * 100 });
    const typed = Y.encodeStateAsUpdate(doc).length;
    // Rewrites: 200 descriptions replaced whole (a paste, an import, a restore).
    for (let i = 0; i < 200; i++) updateItem(doc, 'activities', idAt(i * 3), { description: `- Omskriven beskrivning nummer ${i} med ungefär samma längd som förut` });
    const rewritten = Y.encodeStateAsUpdate(doc).length;
    const snapshot = Y.encodeSnapshot(Y.snapshot(doc)).length;
    console.log(`${name} gc=${gc}: initial ${base} B; after 600 typed edits ${typed} B; after 200 rewrites ${rewritten} B; Y.snapshot ${snapshot} B`);
  }
}
const sample = importPlanTable(readFileSync(new URL('../../shared/samples/handlingsplan-smaland.tsv', import.meta.url), 'utf8')).plan;
measure('demo (Småland, 8 activities)', (gc) => createDocument('action-plan', sample, new Y.Doc({ gc })));
measure('1000 activities', (gc) => createDocument('action-plan', plan(1000), new Y.Doc({ gc })));
