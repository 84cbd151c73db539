/**
 * The class behind "Att åtgärda listed 2.2 twice and lost 1.3": whatever edits reach the
 * document (add, remove, move between goals, reorder, field edits, renumbering, goals and
 * cost lines, remote and concurrent transactions, several in one task), once the deferred
 * validation has run the view's plan, issue list and per-field issues equal a fresh full
 * validation of the document as it is now. Seeded: a failing seed replays.
 */
import { describe, expect, it } from 'vitest';
import { createComputed, createRoot, createSignal, getOwner, runWithOwner } from 'solid-js';
import * as Y from 'yjs';
import {
  actionPlanRoots,
  actionPlanToJSON,
  addActivity,
  addCost,
  addGoal,
  allActivities,
  moveActivityToGoal,
  nextActivityNumber,
  removeItem,
  reorderItem,
  updateItem,
  updatePlanBudget,
} from '../../shared/model/action-plan.js';
import { createDocument } from '../../shared/model/document.js';
import { applyNumberChanges, renumberPlan } from '../../shared/numbering.js';
import { importPlanTable } from '../../shared/table/import.js';
import { validate } from '../../shared/validate/index.js';
import type { Issue } from '../../shared/validate/issue.js';
import type { Locale } from '../../shared/locale.js';
import SAMPLE from '../../shared/samples/handlingsplan-smaland.tsv?raw';
import { createActionPlanView, fieldKey, type ActionPlanView, type ValidationScheduler } from './action-plan-view.js';

const REMOTE = { remote: true };
const TODAY = '2027-06-01';
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** mulberry32: a small seeded PRNG so a failing seed can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { int, pick: <T>(list: readonly T[]): T | undefined => list[int(list.length)] };
}
type Random = ReturnType<typeof random>;

/** A scheduler the test runs by hand, as the browser would after the paint. */
function manual() {
  let queued: Array<() => void> = [];
  const schedule: ValidationScheduler = (run) => {
    queued.push(run);
    return () => void (queued = queued.filter((entry) => entry !== run));
  };
  const flush = () => queued.splice(0).forEach((run) => run());
  return { schedule, flush, pending: () => queued.length };
}

/** Issues grouped by field key, as a plain object, for comparing with the view's map. */
function byField(issues: readonly Issue[]): Record<string, Issue[]> {
  const record: Record<string, Issue[]> = {};
  for (const issue of issues) (record[fieldKey(issue.path)] ??= []).push(issue);
  return record;
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * What readers of the view saw last, as the panel and the fields read it: a reader of the
 * list, of the whole plan, and one per field key. Equal final state is not enough: a
 * reader that was not notified still shows the old issues.
 */
function watch(view: ActionPlanView) {
  const owner = getOwner();
  const seen = { list: '', plan: '', fields: new Map<string, string>() };
  createComputed(() => (seen.list = JSON.stringify(view.issues())));
  createComputed(() => (seen.plan = JSON.stringify(view.plan)));
  const field = (key: string) => {
    if (seen.fields.has(key)) return;
    runWithOwner(owner, () => createComputed(() => seen.fields.set(key, JSON.stringify(view.issuesByField().get(key) ?? []))));
  };
  return { seen, field };
}

/** The view, and what its readers saw, equal a fresh full validation of the document. */
function expectCurrent(view: ActionPlanView, watched: ReturnType<typeof watch>, doc: Y.Doc, locale: Locale, step: string): void {
  const json = actionPlanToJSON(doc);
  const fresh = validate(json, { today: TODAY, locale });
  const fields = byField(fresh);
  expect(plain(view.plan), step).toEqual(json);
  expect(JSON.parse(watched.seen.plan), step).toEqual(json);
  expect(plain(view.issues()), step).toEqual(fresh);
  expect(JSON.parse(watched.seen.list), step).toEqual(fresh);
  expect(plain(Object.fromEntries(view.issuesByField().entries())), step).toEqual(fields);
  for (const [key, shown] of watched.seen.fields) expect(JSON.parse(shown), `${step} ${key}`).toEqual(fields[key] ?? []);
  // Fields that have an issue now are watched from here on, as a rendered field would be.
  Object.keys(fields).forEach(watched.field);
}

const ids = (doc: Y.Doc, root: 'goals' | 'activities' | 'costs') => [...actionPlanRoots(doc)[root].keys()];

/** A keystroke in an activity's title or description (the store's item-local path). */
function keystroke(doc: Y.Doc, id: string, rnd: Random): void {
  const map = actionPlanRoots(doc).activities.get(id);
  const text = map instanceof Y.Map ? map.get(rnd.pick(['title', 'description']) ?? 'title') : null;
  if (!(text instanceof Y.Text)) return;
  if (text.length > 0 && rnd.int(3) === 0) text.delete(rnd.int(text.length), 1);
  else text.insert(rnd.int(text.length + 1), rnd.pick(['x', 'XXX', ' ']) ?? 'x');
}

/** One random edit on `doc` (each one transaction, as the editor makes them); returns its name. */
function edit(doc: Y.Doc, rnd: Random, origin: unknown): string {
  const activity = rnd.pick(ids(doc, 'activities')) ?? '';
  const goal = rnd.pick(ids(doc, 'goals')) ?? '';
  const json = actionPlanToJSON(doc);
  const edits: Array<[string, () => void]> = [
    ['add activity', () => void addActivity(doc, goal, { title: '', number: nextActivityNumber(json.goals.find((g) => g.id === goal) ?? { number: '', activities: [] }) }, origin)],
    ['remove activity', () => removeItem(doc, 'activities', activity, origin)],
    ['move activity to goal', () => moveActivityToGoal(doc, activity, goal, origin)],
    ['reorder activity', () => reorderItem(doc, 'activities', activity, rnd.int(2) === 0 ? -1 : 1, origin)],
    ['budget', () => updateItem(doc, 'activities', activity, { budget: rnd.pick([null, 0, 25_000_00, -5]) }, origin)],
    ['responsible', () => updateItem(doc, 'activities', activity, { responsible: rnd.pick(['', 'Kommunen', 'XXX']) }, origin)],
    ['dates', () => updateItem(doc, 'activities', activity, { start: rnd.pick([null, '2027-02-01', 'fel']), end: rnd.pick([null, '2027-06-10', '2026-01-01']) }, origin)],
    ['status', () => updateItem(doc, 'activities', activity, { status: rnd.pick(['planned', 'done', 'cancelled']) }, origin)],
    ['number', () => updateItem(doc, 'activities', activity, { number: rnd.pick(['1.1', '2.2', '9.9', '']) }, origin)],
    ['keystroke', () => doc.transact(() => keystroke(doc, activity, rnd), origin)],
    ['title text', () => updateItem(doc, 'activities', activity, { title: rnd.pick(['', 'Ny titel', 'XXX']) }, origin)],
    ['renumber', () => applyNumberChanges(doc, renumberPlan(actionPlanToJSON(doc)), origin)],
    ['add goal', () => void addGoal(doc, { number: String(json.goals.length + 1), title: rnd.pick(['', 'Mål']) ?? '' }, origin)],
    ['remove goal', () => removeItem(doc, 'goals', goal, origin)],
    ['goal number', () => updateItem(doc, 'goals', goal, { number: rnd.pick(['1', '2', '7']) }, origin)],
    ['add cost', () => void addCost(doc, { section: 'Projektledning', label: 'XXX', description: '', amount: rnd.pick([null, -1, 10]) ?? null }, origin)],
    ['remove cost', () => removeItem(doc, 'costs', rnd.pick(ids(doc, 'costs')) ?? '', origin)],
    ['frame', () => updatePlanBudget(doc, { frame: rnd.pick([null, 1_000, 100_000_000_00]) }, origin)],
  ];
  const [name, run] = edits[rnd.int(edits.length)] ?? ['none', () => undefined];
  run();
  return `${name} ${activity.slice(0, 4)}/${goal.slice(0, 4)}`;
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE);
}

/** Runs `steps` random steps on a view of the Småland plan, with a peer editing concurrently. */
async function run(seed: number, steps: number): Promise<void> {
  const rnd = random(seed);
  const doc = createDocument('action-plan', importPlanTable(SAMPLE).plan);
  const peer = new Y.Doc();
  sync(doc, peer);
  const scheduler = manual();
  await createRoot(async (dispose) => {
    const [locale, setLocale] = createSignal<Locale>('sv');
    const view = createActionPlanView(doc, { today: () => TODAY, locale, isRemote: (o) => o === REMOTE, schedule: scheduler.schedule });
    const watched = watch(view);
    let handedOut = { list: view.issues(), json: plain(view.issues()) };
    const log: string[] = [];
    for (let step = 0; step < steps; step++) {
      // Several edits in one task (a remote burst, a local edit meeting a remote one) or one.
      const burst = 1 + rnd.int(3);
      for (let i = 0; i < burst; i++) {
        const where = rnd.int(4);
        if (where === 0) log.push(`peer ${edit(peer, rnd, undefined)}`);
        else if (where === 1) {
          sync(peer, doc);
          log.push('sync peer→doc');
        } else log.push(edit(doc, rnd, rnd.int(2) === 0 ? REMOTE : undefined));
        if (rnd.int(3) === 0) sync(doc, peer);
      }
      if (rnd.int(20) === 0) log.push(`locale ${setLocale(locale() === 'sv' ? 'en' : 'sv')}`);
      await tick();
      // Sometimes validation waits across several steps (typing without a pause).
      if (rnd.int(3) === 0 && step < steps - 1) continue;
      scheduler.flush();
      const name = `seed ${seed} step ${step}: ${log.slice(-6).join('; ')}`;
      expectCurrent(view, watched, doc, locale(), name);
      // A list once handed out is never rewritten by a later run (the old fault's mechanism).
      expect(plain(handedOut.list), name).toEqual(handedOut.json);
      handedOut = { list: view.issues(), json: plain(view.issues()) };
    }
    dispose();
  });
}

describe('createActionPlanView: issues always equal a fresh validation of the document', () => {
  it('after the user tester’s steps: add 1.3 under Mål 1, give it a budget', async () => {
    const doc = createDocument('action-plan', importPlanTable(SAMPLE).plan);
    const scheduler = manual();
    await createRoot(async (dispose) => {
      const view = createActionPlanView(doc, { today: () => TODAY, locale: () => 'sv', isRemote: () => false, schedule: scheduler.schedule });
      const watched = watch(view);
      expectCurrent(view, watched, doc, 'sv', 'opened');
      const goal = view.plan.goals[0] ?? { id: '', number: '', activities: [] };
      const id = addActivity(doc, goal.id ?? '', { title: '', number: nextActivityNumber(goal) });
      await tick();
      scheduler.flush();
      expectCurrent(view, watched, doc, 'sv', 'added 1.3');
      updateItem(doc, 'activities', id, { budget: 25_000_00 });
      await tick();
      scheduler.flush();
      expectCurrent(view, watched, doc, 'sv', 'budget on 1.3');
      const messages = view.issues().map((issue) => issue.message);
      expect(messages).toContain('Aktiviteten ”1.3” saknar ansvarig.');
      expect(new Set(messages).size).toBe(messages.length);
      expect(allActivities(view.plan).map((a) => a.number)).toContain('1.3');
      dispose();
    });
  });

  it('never rewrites an issue list it handed out: the per-field index holds its own copies', async () => {
    const doc = createDocument('action-plan', importPlanTable(SAMPLE).plan);
    const scheduler = manual();
    await createRoot(async (dispose) => {
      const view = createActionPlanView(doc, { today: () => TODAY, locale: () => 'sv', isRemote: () => false, schedule: scheduler.schedule });
      const first = view.issues();
      const before = plain(first);
      const missing = allActivities(view.plan).find((a) => a.budget === null)?.id ?? '';
      // The same field keeps its issue, with a new message: "2.2 Resepolicy" becomes "2.2 Ny".
      updateItem(doc, 'activities', missing, { title: 'Ny' });
      await tick();
      scheduler.flush();
      expect(view.issues().map((i) => i.message)).toContain('Aktiviteten ”2.2 Ny” saknar budget.');
      expect(plain(first)).toEqual(before);
      dispose();
    });
  });

  it.each(Array.from({ length: 16 }, (_, i) => i + 1))('random edit sequence, seed %i', async (seed) => {
    await run(seed, 25);
  });
});
