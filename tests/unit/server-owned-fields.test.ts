/**
 * Red-team FA2-7: editors forged `priority` (and `source`) through the websocket. The update
 * scan now refuses, for every writer (coordinators too), any client write of an item field
 * the server owns — `priority` on ranked collections, `source` on activities, `planActivity`
 * on actions — other than `null` on a new key, any overwrite of one, and (x17 finding 4)
 * any deletion of one but with its item (server/sync/item-fields.ts). Table of edits a client makes with the shared model or raw Yjs, each
 * refused or allowed; then a fuzz: random mixes of allowed edits are never refused, and the
 * same mixes with one forged write always are.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActivity, addGoal } from '../../shared/model/action-plan.js';
import { AGENDA_COLLECTIONS } from '../../shared/model/agenda.js';
import { addItem } from '../../shared/model/collections.js';
import { createDocument } from '../../shared/model/document.js';
import { addIndicator, setMeasurement } from '../../shared/model/strategy.js';
import { DEMO_STRATEGY } from '../../server/demo/content.js';
import { allowedRootsOf, scanContextOf } from '../../server/sync/protected-fields.js';
import { RefusedUpdate, scanUpdate } from '../../server/sync/update-scan.js';
import { wholeItem } from '../support/required-items.js';

type Kind = 'action-plan' | 'strategy' | 'agenda';

/** A server document of `kind` with one ranked item in each collection, and a client copy of it. */
function scene(kind: Kind) {
  const server = kind === 'action-plan'
    ? createDocument('action-plan', { title: 'Plan', goals: [{ number: '1', title: 'Mål', description: '', priority: 2, activities: [{ number: '1.1', title: 'Akt', budget: 100, priority: 1, source: null }] }] })
    : kind === 'strategy'
      ? createDocument('strategy', DEMO_STRATEGY)
      : createDocument('agenda', { title: 'A', meetings: [{ title: 'M', date: '2027-03-01', start: '', end: '', location: '', link: '', items: [{ title: 'Punkt', actions: [{ text: 'Gör', owner: '', due: null, done: false }] }] }] });
  // A goal as a schema-1 client made it: no priority key.
  if (kind === 'action-plan') server.getMap<Y.Map<unknown>>('goals').set('old', new Y.Map<unknown>([['title', 'v1']]));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const first = (root: string) => [...client.getMap<Y.Map<unknown>>(root).keys()][0] ?? '';
  return { server, client, first };
}

/** Scans what `edit` makes on the client against the server's document; 'refused' or 'ok'. */
function outcome(kind: Kind, edit: (s: ReturnType<typeof scene>) => void, facilitates = false): 'refused' | 'ok' {
  const s = scene(kind);
  const before = Y.encodeStateVector(s.server);
  edit(s);
  const update = Y.encodeStateAsUpdate(s.client, before);
  try {
    scanUpdate(update, scanContextOf(s.server, 1_000_000, allowedRootsOf(s.server), { facilitates }));
    return 'ok';
  } catch (error) {
    if (error instanceof RefusedUpdate) return 'refused';
    throw error;
  }
}

const item = (s: ReturnType<typeof scene>, root: string) => s.client.getMap<Y.Map<unknown>>(root).get(s.first(root));

/** Every owned item field of every kind: [kind, collection root, key]. */
const OWNED_KEYS: Array<[Kind, string, string]> = [
  ['action-plan', 'goals', 'priority'],
  ['action-plan', 'activities', 'priority'],
  ['action-plan', 'activities', 'source'],
  ['strategy', 'focusAreas', 'priority'],
  ['strategy', 'goals', 'priority'],
  ['agenda', 'items', 'priority'],
  ['agenda', 'actions', 'planActivity'],
];

// [what, kind, edit, expected]
const CASES: Array<[string, Kind, (s: ReturnType<typeof scene>) => void, 'refused' | 'ok']> = [
  ['set an existing goal’s priority', 'action-plan', (s) => item(s, 'goals')?.set('priority', 1), 'refused'],
  ['clear an existing goal’s priority (a change)', 'action-plan', (s) => item(s, 'goals')?.set('priority', null), 'refused'],
  ['set an existing activity’s priority', 'action-plan', (s) => item(s, 'activities')?.set('priority', 7), 'refused'],
  ['set an existing activity’s source', 'action-plan', (s) => item(s, 'activities')?.set('source', 'agenda:action'), 'refused'],
  ['a new goal created with priority 1', 'action-plan', (s) => s.client.getMap('goals').set('g-new', wholeItem('action-plan', 'goals', { title: 'Ny', priority: 1 })), 'refused'],
  ['a new goal with priority null, then 1 in the same update', 'action-plan', (s) => s.client.transact(() => {
    const goal = wholeItem('action-plan', 'goals', { title: 'Ny', priority: null });
    s.client.getMap('goals').set('g-new', goal);
    goal.set('priority', 1);
  }), 'refused'],
  ['a new goal whose priority is a nested map', 'action-plan', (s) => s.client.getMap('goals').set('g-new', wholeItem('action-plan', 'goals', { priority: new Y.Map() })), 'refused'],
  ['a new goal whose priority is a string', 'action-plan', (s) => s.client.getMap('goals').set('g-new', wholeItem('action-plan', 'goals', { priority: '1' })), 'refused'],
  ['an existing goal replaced under its id by one with priority 1', 'action-plan', (s) => s.client.getMap('goals').set(s.first('goals'), wholeItem('action-plan', 'goals', { title: 'X', priority: 1 })), 'refused'],
  ['a new activity with a source', 'action-plan', (s) => s.client.getMap('activities').set('a-new', wholeItem('action-plan', 'activities', { title: 'Ny', priority: null, source: 'agenda:x' })), 'refused'],
  ['priority 3 on an old item that had no priority key', 'action-plan', (s) => s.client.getMap<Y.Map<unknown>>('goals').get('old')?.set('priority', 3), 'refused'],
  ['set a focus area’s priority (strategy)', 'strategy', (s) => item(s, 'focusAreas')?.set('priority', 1), 'refused'],
  ['set a strategy goal’s priority', 'strategy', (s) => item(s, 'goals')?.set('priority', 1), 'refused'],
  ['set an agenda item’s priority', 'agenda', (s) => item(s, 'items')?.set('priority', 1), 'refused'],
  ['set an action’s planActivity', 'agenda', (s) => item(s, 'actions')?.set('planActivity', 'plan:activity'), 'refused'],
  ['a new action linked to a plan', 'agenda', (s) => s.client.getMap('actions').set('x', wholeItem('agenda', 'actions', { text: 'Gör', planActivity: 'plan:a' })), 'refused'],
  // x17 finding 4: deleting an owned key of an item that stays, each owned key of each kind.
  ...OWNED_KEYS.map(([kind, root, key]): [string, Kind, (s: ReturnType<typeof scene>) => void, 'refused'] => [`delete ${root}.${key} of an item that stays`, kind, (s) => item(s, root)?.delete(key), 'refused']),
  ...OWNED_KEYS.map(([kind, root, key]): [string, Kind, (s: ReturnType<typeof scene>) => void, 'refused'] => [`delete ${root}.${key}, then set it null`, kind, (s) => s.client.transact(() => {
    item(s, root)?.delete(key);
    item(s, root)?.set(key, null);
  }), 'refused']),
  // What clients do every day stays allowed.
  ['a new goal from the model (priority null)', 'action-plan', (s) => void addGoal(s.client, { number: '2', title: 'Nytt mål' }), 'ok'],
  ['a new activity from the model (priority and source null)', 'action-plan', (s) => void addActivity(s.client, s.first('goals'), { number: '1.2', title: 'Ny', budget: 5 }), 'ok'],
  ['a new action from the model (planActivity null)', 'agenda', (s) => void addItem(s.client, AGENDA_COLLECTIONS.actions, { itemId: s.first('items'), text: 'Ny', owner: '', due: null, done: false, planActivity: null }), 'ok'],
  ['editing a goal’s title text', 'action-plan', (s) => {
    const title = item(s, 'goals')?.get('title');
    if (title instanceof Y.Text) title.insert(0, 'Nya ');
  }, 'ok'],
  ['changing an activity’s budget', 'action-plan', (s) => item(s, 'activities')?.set('budget', 200), 'ok'],
  ['priority null on an old item that had no priority key', 'action-plan', (s) => s.client.getMap<Y.Map<unknown>>('goals').get('old')?.set('priority', null), 'ok'],
  ['a measurement’s source (an indicator field, not an activity’s)', 'strategy', (s) => setMeasurement(s.client, s.first('indicators'), 2027, { value: 5, source: 'SCB' }), 'ok'],
  ['a new indicator', 'strategy', (s) => void addIndicator(s.client, s.first('goals'), { name: 'Ny', unit: '%', direction: 'increase', baselineYear: null, baselineValue: null, targetYear: null, targetValue: null }), 'ok'],
  ['deleting a ranked goal', 'action-plan', (s) => s.client.getMap('goals').delete(s.first('goals')), 'ok'],
  // Deleting the item deletes its owned fields with it (Yjs names them in the delete set).
  ...OWNED_KEYS.map(([kind, root]): [string, Kind, (s: ReturnType<typeof scene>) => void, 'ok'] => [`deleting a ${root} item (its ${root === 'actions' ? 'link' : 'owned fields'} with it)`, kind, (s) => s.client.getMap(root).delete(s.first(root)), 'ok']),
  ...OWNED_KEYS.map(([kind, root, key]): [string, Kind, (s: ReturnType<typeof scene>) => void, 'ok'] => [`deleting ${root}.${key}, then its item, in one update`, kind, (s) => s.client.transact(() => {
    item(s, root)?.delete(key);
    s.client.getMap(root).delete(s.first(root));
  }), 'ok']),
];

describe('server-owned item fields through the websocket', () => {
  it.each(CASES.map(([what, kind, edit, expected]) => [what, kind, expected, edit] as const))('%s (%s): %s', (_what, kind, expected, edit) => {
    expect(outcome(kind, edit)).toBe(expected);
    // Coordinators are no exception: the tally is the server's.
    expect(outcome(kind, edit, true)).toBe(expected);
  });

  it('fuzz: allowed edits are never refused; the same edits plus one forged owned field always are', () => {
    let state = 11;
    const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    // Not deleting a goal: a forged write into a goal deleted in the same update is garbage-collected, never applied.
    const allowed = CASES.filter(([what, kind, , expected]) => kind === 'action-plan' && expected === 'ok' && !what.startsWith('deleting')).map(([, , edit]) => edit);
    const forged = CASES.filter(([, kind, , expected]) => kind === 'action-plan' && expected === 'refused').map(([, , edit]) => edit);
    for (let run = 0; run < 200; run++) {
      // Each allowed edit at most once: setting an owned field twice is an overwrite, refused even null over null.
      const picks = [...allowed].sort(() => next() - 0.5).slice(0, 1 + Math.floor(next() * 4));
      const forgery = forged[Math.floor(next() * forged.length)];
      const at = Math.floor(next() * (picks.length + 1));
      expect(outcome('action-plan', (s) => s.client.transact(() => picks.forEach((edit) => edit?.(s)))), picks.map((edit) => CASES.find((c) => c[2] === edit)?.[0]).join(' + ')).toBe('ok');
      const withForgery = [...picks.slice(0, at), forgery, ...picks.slice(at)];
      const names = withForgery.map((edit) => CASES.find((c) => c[2] === edit)?.[0]);
      expect(outcome('action-plan', (s) => s.client.transact(() => withForgery.forEach((edit) => edit?.(s)))), names.join(' + ')).toBe('refused');
    }
  });
});
