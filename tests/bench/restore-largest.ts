/**
 * Restoring a version of the largest plan the content limits allow (20 000 items:
 * shared/content-limits.ts), against the real server in this process (issue 17): how long
 * the server's event loop is held (`monitorEventLoopDelay` max, and a 10 ms interval's
 * worst lateness) and a bystander's edit round trip on another document while
 * `POST …/versions/:v/restore` runs. Two cases: a few hundred edits to undo (the walk over
 * the whole document dominates), and a live draft emptied of every goal and activity (the
 * restore writes all 20 000 items back). Figures in docs/versions.md.
 * Run: `npx tsx tests/bench/restore-largest.ts [trials=3] [few,all]`.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { ApiClient, email } from '../support/api.js';
import { startBystander } from '../support/bystander.js';
import { startTestServer } from '../support/server.js';
import { connectPeer, synced, until } from '../support/yclient.js';

const trials = Number(process.argv[2] ?? 3);
const kinds = (process.argv[3] ?? 'few,all').split(',') as Array<'few' | 'all'>;

/** A plan table of 19 980 items, just under the import's 20 000 rows with its title lines: 999 goals of 19 activities. */
function largestPlan(): string {
  const rows = ['Stor plan', '', 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat'];
  for (let g = 1; g <= 999; g++) {
    rows.push(`Mål ${g} Klimatanpassning i kommun ${g}. ${'Beskrivning av målet med några meningar. '.repeat(4)}\t\t\t\t\t`);
    for (let a = 1; a <= 19; a++) rows.push(`${g}.${a} Aktivitet ${a} för mål ${g}\t${'- Beskrivning av aktiviteten '.repeat(4)}\t100 000\tLänsstyrelsen\t2027-01-01 - 2027-12-31\tKommunerna`);
  }
  return rows.join('\n') + '\n';
}

/** Undo case: 300 activities retitled. Empty case: every goal and activity deleted. */
function edit(doc: Y.Doc, kind: 'few' | 'all', round: number): void {
  const activities = doc.getMap<Y.Map<unknown>>('activities');
  doc.transact(() => {
    if (kind === 'all') {
      for (const name of ['activities', 'goals']) for (const key of [...doc.getMap(name).keys()]) doc.getMap(name).delete(key);
      return;
    }
    let n = 0;
    for (const item of activities.values()) {
      if (n++ >= 300) break;
      const title = item.get('title');
      if (title instanceof Y.Text) title.insert(0, `Ändrad ${round} `);
    }
  });
}

const server = await startTestServer({ roomIdleMs: 600_000 });
const api = new ApiClient(server.url);
await api.signup(email('restorer'));
const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Stor' }, 201)).id;
const imported = await api.request('POST', `/api/workspaces/${ws}/import`, largestPlan(), { 'content-type': 'text/tab-separated-values' });
if (imported.status !== 201) throw new Error(`import: ${imported.status} ${await imported.text()}`);
const plan = ((await imported.json()) as { id: string }).id;
const bystander = await startBystander(server.url);
const url = `/api/documents/${plan}`;

for (const kind of kinds) {
  for (let trial = 1; trial <= trials; trial++) {
    const version = await api.json<{ id: string }>('POST', `${url}/versions`, { name: `Före ${kind} ${trial}` }, 201);
    // The edit through a real client, which then leaves: the room stays loaded (roomIdleMs),
    // and no client in this process decodes the restore while it is measured.
    const peer = connectPeer(server.url, plan, { cookie: api.sessionCookie });
    await synced(peer, 120_000);
    edit(peer.doc, kind, trial);
    peer.destroy();
    // Stored: a client that joins now is sent only committed content (DESIGN "Durable means durable").
    await until(async () => {
      const checker = connectPeer(server.url, plan, { cookie: api.sessionCookie });
      await synced(checker, 120_000);
      const done = kind === 'all' ? checker.doc.getMap('goals').size === 0 : [...checker.doc.getMap<Y.Map<Y.Text>>('activities').values()].some((a) => a.get('title')?.toString().startsWith(`Ändrad ${trial} `));
      checker.destroy();
      return done;
    }, 120_000, 'the edit stored');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const lag = monitorEventLoopDelay({ resolution: 5 });
    let late = 0;
    let due = performance.now() + 10;
    const probe = setInterval(() => {
      late = Math.max(late, performance.now() - due);
      due = performance.now() + 10;
    }, 10);
    lag.enable();
    const trips = bystander.measure();
    const start = performance.now();
    const response = await api.request('POST', `${url}/versions/${version.id}/restore`);
    const ms = performance.now() - start;
    await response.arrayBuffer();
    // A few more round trips after the answer: the broadcast and compaction come after it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seen = await trips.stop();
    clearInterval(probe);
    lag.disable();
    console.log(`${kind} trial ${trial}: status ${response.status}, restore ${ms.toFixed(0)} ms, event loop delay max ${(lag.max / 1e6).toFixed(0)} ms, interval lateness max ${late.toFixed(0)} ms, bystander round trips max ${seen.max} ms median ${seen.median} ms (${seen.count})`);
  }
}
bystander.close();
await server.stop();
