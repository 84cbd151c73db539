/**
 * Issue 17: restoring a version of a big plan walks both documents in the compare thread
 * (server/versions/compare-pool.ts, restore-task.ts), not on the event loop every room
 * shares; the thread answers an update from the live state encoded at request time, which
 * the route applies as the server's change. Edits that reach the room between that
 * encoding and the write merge with the restore as any concurrent edit does, and the room
 * never refuses the editor who made them. The pass-through mocks below count on this
 * thread only (worker threads load their own, unmocked copies) and hold a restore between
 * its thread's answer and its write, so the concurrent edit lands exactly there.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { actionPlanToJSON, addActivity, removeItem, updateItem, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { ApiClient, email, joinWorkspace } from '../support/api.js';
import { eventually } from '../support/plan-scene.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { connectPeer, synced, until, type Peer } from '../support/yclient.js';

const seen = vi.hoisted(() => ({ walksOnMain: 0, threads: [] as number[], hold: null as null | { reached: () => void; release: Promise<void> } }));

vi.mock('../../server/versions/restore-doc.js', async (original) => {
  const actual = await original<typeof import('../../server/versions/restore-doc.js')>();
  return {
    ...actual,
    restoreContent: (...args: Parameters<typeof actual.restoreContent>) => {
      seen.walksOnMain += 1;
      return actual.restoreContent(...args);
    },
  };
});
vi.mock('../../server/versions/compare-pool.js', async (original) => {
  const actual = await original<typeof import('../../server/versions/compare-pool.js')>();
  class HeldPool extends actual.ComparePool {
    override async restore(request: Parameters<InstanceType<typeof actual.ComparePool>['restore']>[0]) {
      const outcome = await super.restore(request);
      seen.threads.push(outcome.threadId);
      const hold = seen.hold;
      if (hold) {
        hold.reached();
        await hold.release;
      }
      return outcome;
    }
  }
  return { ...actual, ComparePool: HeldPool };
});

const HEADER = 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat';
/** 6 goals of 20 activities: ~70 KB stored, above the 32 KiB a restore walks on this thread. */
function bigPlan(): string {
  const lines = ['Stor plan', '', HEADER];
  for (let goal = 1; goal <= 6; goal++) {
    lines.push(`Mål ${goal} Mål nummer ${goal}. En beskrivning av målet.\t\t\t\t\t`);
    for (let a = 1; a <= 20; a++) lines.push(`${goal}.${a} Aktivitet ${goal}.${a} för energi och klimat\tGör saker och rapportera\t${a} 000\tEnergikontoret\t2027-02-01 - 2027-09-30\tFörvaltningarna`);
  }
  return lines.join('\n') + '\n';
}

let server: TestServer;
const peers: Peer[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const peer of peers) peer.destroy();
  await server?.stop();
});

interface Scene {
  url: string;
  editor: ApiClient;
  /** The editor who edits while the restore runs, and someone who only watches. */
  typist: Peer;
  watcher: Peer;
  version: ActionPlanJSON;
  versionId: string;
  closes: number[];
}

const plan = (doc: Y.Doc) => actionPlanToJSON(doc);
const goalId = (json: ActionPlanJSON, n: number) => json.goals[n - 1]?.id ?? '';
const activityId = (json: ActionPlanJSON, number: string) => json.goals.flatMap((g) => g.activities).find((a) => a.number === number)?.id ?? '';

/** A big plan with a version of it, then edits made after the version (what the restore undoes). */
async function scene(): Promise<Scene> {
  const editor = new ApiClient(server.url);
  await editor.signup(email('erik'));
  const ws = (await editor.json<{ id: string }>('POST', '/api/workspaces', { name: 'Stor' }, 201)).id;
  const imported = await editor.request('POST', `/api/workspaces/${ws}/import`, bigPlan(), { 'content-type': 'text/tab-separated-values' });
  expect(imported.status).toBe(201);
  const documentId = ((await imported.json()) as { id: string }).id;
  const viewer = new ApiClient(server.url);
  await viewer.signup(email('lena'));
  await joinWorkspace(editor, viewer, ws, 'viewer');
  const url = `/api/documents/${documentId}`;
  const typist = connectPeer(server.url, documentId, { cookie: editor.sessionCookie });
  const watcher = connectPeer(server.url, documentId, { cookie: viewer.sessionCookie });
  peers.push(typist, watcher);
  await Promise.all([synced(typist), synced(watcher)]);
  const closes: number[] = [];
  typist.provider.on('connection-close', (event: { code: number } | null) => closes.push(event?.code ?? 0));
  const versionId = (await editor.json<{ id: string }>('POST', `${url}/versions`, { name: 'Ursprunglig' }, 201)).id;
  const version = plan(typist.doc);
  // Later edits: a goal retitled, a budget, an activity added and one removed.
  updateItem(typist.doc, 'goals', goalId(version, 1), { title: 'Mål ett, omskrivet' });
  updateItem(typist.doc, 'activities', activityId(version, '1.1'), { budget: 999_000_00 });
  addActivity(typist.doc, goalId(version, 2), { number: '2.21', title: 'Tillagd efter versionen' });
  removeItem(typist.doc, 'activities', activityId(version, '4.1'));
  await until(() => plan(watcher.doc).goals[0]?.title === 'Mål ett, omskrivet' && plan(watcher.doc).goals[3]?.activities.length === 19, 10_000, 'the later edits');
  return { url, editor, typist, watcher, version, versionId, closes };
}

/** Restores `s.versionId`, with `edit` made by the typist after the thread answered and before the write. */
async function restoreWith(s: Scene, edit: (doc: Y.Doc) => void): Promise<void> {
  let reached!: () => void;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (reached = resolve));
  seen.hold = { reached, release: new Promise<void>((resolve) => (release = resolve)) };
  const answer = s.editor.json('POST', `${s.url}/versions/${s.versionId}/restore`, undefined, 200);
  await held;
  seen.hold = null;
  const before = JSON.stringify(plan(s.watcher.doc));
  edit(s.typist.doc);
  // The edit is in the room (the watcher has it) before the restore is written.
  await until(() => JSON.stringify(plan(s.watcher.doc)) !== before, 10_000, 'the concurrent edit at the watcher');
  release();
  await answer;
  await eventually(async () => JSON.stringify(plan(s.typist.doc)) === JSON.stringify(plan(s.watcher.doc)), 10_000, 'both clients agree');
}

const without = (json: ActionPlanJSON, id: string): ActionPlanJSON => ({ ...json, goals: json.goals.map((g) => ({ ...g, activities: g.activities.filter((a) => a.id !== id) })) });

describe('restoring a big plan', () => {
  it('walks the documents in the compare thread, never on this one', async () => {
    const s = await scene();
    seen.walksOnMain = 0;
    seen.threads.length = 0;
    await s.editor.json('POST', `${s.url}/versions/${s.versionId}/restore`, undefined, 200);
    await until(() => JSON.stringify(plan(s.watcher.doc)) === JSON.stringify(s.version), 10_000, 'the restore at the watcher');
    expect(seen.threads).toHaveLength(1);
    expect(seen.threads[0]).toBeGreaterThan(0);
    expect(seen.walksOnMain).toBe(0);
  }, 60_000);

  // A concurrent edit of each kind, and what the plan holds after: the version's content
  // with the edit merged into it.
  it.each<[string, (doc: Y.Doc, v: ActionPlanJSON) => void, (after: ActionPlanJSON, v: ActionPlanJSON) => void]>([
    [
      'an activity added',
      (doc, v) => void addActivity(doc, goalId(v, 3), { number: '3.21', title: 'Tillagd under återställningen' }),
      (after, v) => {
        const added = after.goals[2]?.activities.find((a) => a.title === 'Tillagd under återställningen');
        expect(added).toBeDefined();
        expect(without(after, added?.id ?? '')).toEqual(v);
      },
    ],
    [
      'typing in a text the restore leaves',
      (doc, v) => (doc.getMap('goals').get(goalId(v, 2)) as Y.Map<Y.Text>).get('description')?.insert(0, 'Obs! '),
      (after, v) => expect(after).toEqual({ ...v, goals: v.goals.map((g, i) => (i === 1 ? { ...g, description: `Obs! ${g.description}` } : g)) }),
    ],
    [
      'typing in a text the restore rewrites',
      (doc, v) => (doc.getMap('goals').get(goalId(v, 1)) as Y.Map<Y.Text>).get('title')?.insert(0, 'Nytt: '),
      (after, v) => expect(after).toEqual({ ...v, goals: v.goals.map((g, i) => (i === 0 ? { ...g, title: `Nytt: ${g.title}` } : g)) }),
    ],
    [
      'an activity the restore leaves removed',
      (doc, v) => removeItem(doc, 'activities', activityId(v, '5.1')),
      (after, v) => expect(after).toEqual(without(v, activityId(v, '5.1'))),
    ],
    [
      'an edit in the activity the restore removes',
      (doc) => updateItem(doc, 'activities', activityId(plan(doc), '2.21'), { budget: 5_000_00 }),
      (after, v) => expect(after).toEqual(v),
    ],
  ])('%s meanwhile: merged, and the room never refuses the editor', async (_case, edit, expected) => {
    const s = await scene();
    await restoreWith(s, (doc) => edit(doc, s.version));
    expected(plan(s.watcher.doc), s.version);
    // Everyone's copy is the stored one, and the typist's socket stayed open throughout.
    const stored = await s.editor.json<{ goals: unknown[] }>('GET', `${s.url}/export.json`, undefined, 200);
    expect(stored.goals).toHaveLength(plan(s.typist.doc).goals.length);
    expect(s.closes).toEqual([]);
    expect(s.typist.provider.wsconnected).toBe(true);
  }, 60_000);
});
