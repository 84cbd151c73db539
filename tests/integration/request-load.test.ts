/**
 * Red-team finding "expensive requests by one member stall every other user" (DESIGN
 * "Limits every boundary enforces"; docs/security.md "Bounded requests"): while one person
 * fires heavy requests in parallel at a 1 000-activity plan — file and JSON exports,
 * duplicates, the workspace export, history reads during edits — the heavy work itself never
 * runs on the main thread (the pass-through mocks below count calls on this thread only;
 * worker threads load their own, unmocked copies), and no turn of the server's event loop
 * takes more than a bound of CPU time (tests/support/loop-cpu.ts), while a bystander edits
 * another document. The bystander's round trips are logged, not bounded: they are wall
 * time, and on a loaded 2-core machine they neared the old 1 s bound with the fix in place
 * (861 ms at load 15), a test failing by chance.
 */
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiClient, email } from '../support/api.js';
import { startBystander, type Bystander, type RoundTrips } from '../support/bystander.js';
import { watchLoopCpu, type LoopCpu } from '../support/loop-cpu.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { connectPeer, synced } from '../support/yclient.js';

const onMain = vi.hoisted(() => ({ builds: [] as string[], duplicates: 0 }));

vi.mock('../../server/export/build-export.js', async (original) => {
  const actual = await original<typeof import('../../server/export/build-export.js')>();
  return {
    ...actual,
    buildExport: (request: Parameters<typeof actual.buildExport>[0]) => {
      onMain.builds.push(`${request.format}:${request.updates.reduce((n, u) => n + u.byteLength, 0)}`);
      return actual.buildExport(request);
    },
  };
});
vi.mock('../../server/lifecycle/duplicate.js', async (original) => {
  const actual = await original<typeof import('../../server/lifecycle/duplicate.js')>();
  return {
    ...actual,
    duplicateState: (...args: Parameters<typeof actual.duplicateState>) => {
      onMain.duplicates += 1;
      return actual.duplicateState(...args);
    },
  };
});

/**
 * The most CPU one turn of the loop may take meanwhile. Measured at load 15–18 (two busy
 * loops beside other test runs): 18–148 ms with the fix, while the bystander's wall-clock
 * round trips reached 1.1–3.3 s in the same runs; with the file exports built on the main
 * thread (a scratch patch of the pool), 337 ms. Wall-clock round trips before the fix were
 * 1.9–13.9 s (exports), 3.4–10.9 s (duplicates), 22–60+ s (workspace export); figures:
 * docs/security.md "Bounded requests".
 */
const MAX_TURN_CPU_MS = 250;
const HEADER = 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat';

/** The red team's plan: 20 goals of 50 activities, well under 1 MiB stored. */
function thousandActivities(): string {
  const lines = ['Tusen aktiviteter', '', HEADER];
  for (let goal = 1; goal <= 20; goal++) {
    lines.push(`Mål ${goal} Mål nummer ${goal}. En beskrivning av målet.\t\t\t\t\t`);
    for (let a = 1; a <= 50; a++) {
      lines.push(`${goal}.${a} Aktivitet ${goal}.${a} för energi och klimat i länet\tGör saker och rapportera till styrgruppen\t${a} 000\tEnergikontoret\t2027-02-01 - 2027-09-30\tFörvaltningarna`);
    }
  }
  return lines.join('\n') + '\n';
}

let server: TestServer;
let attacker: ApiClient;
let workspace: string;
let plan: string;
let bystander: Bystander;

beforeAll(async () => {
  // Setting up 30 copies needs a duplicate budget above the default. No compaction: a room's
  // edits wait for its compaction, which waits for the history of every document to be
  // derived (server/history/with-history.ts), so the bystander's room compacting while the
  // attacker's copies are derived measured that coupling (12.6 s), not these routes; see
  // docs/security.md "Bounded requests", open.
  server = await startTestServer({ compactAfterUpdates: 100_000, limits: { ...(await defaults()), duplicatesPerMinute: 1_000 } });
  attacker = new ApiClient(server.url);
  await attacker.signup(email('attacker'));
  workspace = (await attacker.json<{ id: string }>('POST', '/api/workspaces', { name: 'Angripare' }, 201)).id;
  const imported = await attacker.request('POST', `/api/workspaces/${workspace}/import`, thousandActivities(), { 'content-type': 'text/tab-separated-values' });
  expect(imported.status).toBe(201);
  plan = ((await imported.json()) as { id: string }).id;
  bystander = await startBystander(server.url);
}, 120_000);
afterAll(async () => {
  bystander?.close();
  await server?.stop();
});

async function defaults() {
  const { loadConfig } = await import('../../server/config.js');
  return loadConfig({}).limits;
}

/** Runs `attack` while the bystander edits; answers its statuses and the round trips. */
async function during(attack: () => Promise<Array<number | string>>): Promise<{ statuses: Array<number | string>; trips: RoundTrips; loop: LoopCpu }> {
  onMain.builds.length = 0;
  onMain.duplicates = 0;
  const watch = watchLoopCpu();
  const measuring = bystander.measure();
  const statuses = await attack();
  const trips = await measuring.stop();
  const loop = watch.stop();
  console.log('bystander round trips', trips, 'longest turn (CPU ms)', loop.maxMs, 'turns', loop.turns, 'statuses', statuses.join(' '));
  return { statuses, trips, loop };
}

/** `count` parallel requests; a reset connection counts as 'reset', never as a pass. */
function parallel(count: number, send: (i: number) => Promise<Response>): Promise<Array<number | string>> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      send(i).then(
        async (response) => (await response.arrayBuffer(), response.status),
        (error: unknown) => `reset: ${String(error)}`,
      ),
    ),
  );
}

describe('one member\'s heavy requests leave a bystander\'s edits alone', () => {
  it('file and JSON exports of a 1 000-activity plan run in export threads', async () => {
    expect(threadId).toBe(0);
    const paths = [...Array(3).fill('export.docx'), ...Array(3).fill('export.xlsx'), ...Array(8).fill('export.json')] as string[];
    const { statuses, trips, loop } = await during(() => parallel(paths.length, (i) => attacker.request('GET', `/api/documents/${plan}/${paths[i]}`)));
    expect(statuses.every((s) => s === 200 || s === 429 || s === 503)).toBe(true);
    expect(statuses).toContain(200);
    expect(onMain.builds).toEqual([]);
    expect(trips.count).toBeGreaterThan(0);
    expect(loop.maxMs).toBeLessThan(MAX_TURN_CPU_MS);
  }, 120_000);

  it('duplicates of a 1 000-activity plan are built in a thread', async () => {
    const { statuses, trips, loop } = await during(() => parallel(10, (i) => attacker.request('POST', `/api/documents/${plan}/duplicate`, { title: `Kopia ${i}` })));
    expect(statuses.every((s) => s === 201 || s === 429 || s === 503)).toBe(true);
    expect(statuses).toContain(201);
    expect(onMain.duplicates).toBe(0);
    expect(trips.count).toBeGreaterThan(0);
    expect(loop.maxMs).toBeLessThan(MAX_TURN_CPU_MS);
  }, 120_000);

  it('the workspace export builds each document in a thread and streams it', async () => {
    for (let i = 0; i < 30; i++) await attacker.json('POST', `/api/documents/${plan}/duplicate`, { title: `Mall ${i}` }, 201);
    const { statuses, trips, loop } = await during(() => parallel(4, () => attacker.request('GET', `/api/workspaces/${workspace}/export`)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(onMain.builds).toEqual([]);
    expect(trips.count).toBeGreaterThan(0);
    expect(loop.maxMs).toBeLessThan(MAX_TURN_CPU_MS);
  }, 300_000);

  it('history reads while the big plan is edited: derived in the history thread, one catch-up for many readers', async () => {
    const editor = connectPeer(server.url, plan, { cookie: attacker.sessionCookie });
    await synced(editor);
    let editing = true;
    const edits = (async () => {
      for (let n = 0; editing; n++) {
        editor.doc.getMap('meta').set('subtitle', `ändring ${n}`);
        // A fast typist: the edits' own cost on a big plan (sync checks, compaction) is not what is measured.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const catchUp = vi.spyOn(server.deps.history, 'catchUp');
    try {
      const { statuses, trips, loop } = await during(() => parallel(30, () => attacker.request('GET', `/api/documents/${plan}/history`)));
      expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
      expect(trips.count).toBeGreaterThan(0);
      expect(loop.maxMs).toBeLessThan(MAX_TURN_CPU_MS);
      expect(catchUp).toHaveBeenCalled();
    } finally {
      editing = false;
      await edits;
      catchUp.mockRestore();
      editor.destroy();
    }
  }, 120_000);
});
