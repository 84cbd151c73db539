/**
 * `touchesRoot`: a view of one root (the facilitation session) refreshes for every change
 * under that root, at any depth, and for none elsewhere (issue 17 item 14: the session was
 * re-read on every keystroke in a plan).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { touchesRoot } from './y-solid.js';

function doc(): Y.Doc {
  const d = new Y.Doc();
  d.transact(() => {
    const activity = new Y.Map<unknown>();
    activity.set('description', new Y.Text('a'));
    d.getMap('activities').set('a1', activity);
    const rounds = new Y.Map<unknown>();
    rounds.set('r1', new Y.Map<unknown>());
    d.getMap('session').set('rounds', rounds);
  });
  return d;
}

const activity = (d: Y.Doc) => d.getMap('activities').get('a1') as Y.Map<unknown>;
const round = (d: Y.Doc) => (d.getMap('session').get('rounds') as Y.Map<unknown>).get('r1') as Y.Map<unknown>;

describe('touchesRoot', () => {
  it.each<[string, (d: Y.Doc) => void, boolean]>([
    ['a keystroke in a description', (d) => (activity(d).get('description') as Y.Text).insert(1, 'x'), false],
    ['a plain field of an activity', (d) => activity(d).set('budget', 5), false],
    ['an activity added', (d) => d.getMap('activities').set('a2', new Y.Map()), false],
    ['a meta field', (d) => d.getMap('meta').set('title', 'T'), false],
    ['the spotlight set', (d) => d.getMap('session').set('spotlight', { collection: 'goals', id: 'g1' }), true],
    ['a round closed (two levels down)', (d) => round(d).set('status', 'closed'), true],
    ['a round added', (d) => (d.getMap('session').get('rounds') as Y.Map<unknown>).set('r2', new Y.Map()), true],
  ])('%s → %s', (_name, change, expected) => {
    const d = doc();
    const relevant = touchesRoot(d.getMap('session'));
    let seen: boolean | null = null;
    d.on('afterTransaction', (transaction: Y.Transaction) => (seen = relevant(transaction)));
    change(d);
    expect(seen).toBe(expected);
  });

  it('a remote update into the session root counts, one elsewhere does not', () => {
    const source = doc();
    const target = new Y.Doc();
    Y.applyUpdate(target, Y.encodeStateAsUpdate(source));
    const relevant = touchesRoot(target.getMap('session'));
    const seen: boolean[] = [];
    target.on('afterTransaction', (transaction: Y.Transaction) => void seen.push(relevant(transaction)));
    const before = Y.encodeStateVector(source);
    (activity(source).get('description') as Y.Text).insert(0, 'y');
    Y.applyUpdate(target, Y.encodeStateAsUpdate(source, before));
    const mid = Y.encodeStateVector(source);
    round(source).set('status', 'closed');
    Y.applyUpdate(target, Y.encodeStateAsUpdate(source, mid));
    expect(seen).toEqual([false, true]);
  });
});
