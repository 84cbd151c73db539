/**
 * Same field, two people (issue 17 item 10): two Y.Docs exchange updates the way the
 * websocket does (`Y.applyUpdate`, not local), with awareness carrying the names.
 */
import { describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { createFieldGuard, fieldSlot, writerName, type FieldGuard } from './field-binding.js';

const REMOTE = { remote: true };

interface Person {
  doc: Y.Doc;
  awareness: Awareness;
}

function person(name: string | null): Person {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  if (name !== null) awareness.setLocalStateField('user', { name, color: '#1f6feb' });
  return { doc, awareness };
}

/** Two people on one plan with one activity; each knows the other's awareness. */
function pair(nameA: string | null = 'Erik Redaktör', nameB: string | null = 'Anna Samordnare') {
  const a = person(nameA);
  const b = person(nameB);
  a.doc.transact(() => {
    const item = new Y.Map<unknown>();
    a.doc.getMap('activities').set('x1', item);
    item.set('budget', 100_000_00);
    a.doc.getMap('meta').set('title', 'Plan');
  });
  sync(a, b);
  for (const [from, to] of [[a, b], [b, a]] as const) applyAwarenessUpdate(to.awareness, encodeAwarenessUpdate(from.awareness, [from.doc.clientID]), REMOTE);
  return { a, b };
}

/** Sends everything `from` has that `to` lacks, as the websocket would. */
function sync(from: Person, to: Person): void {
  Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), REMOTE);
}

function setField(p: Person, path: string[], value: unknown): void {
  const slot = fieldSlot(p.doc, path);
  if (!slot) throw new Error(`no field ${path.join('.')}`);
  p.doc.transact(() => slot.map.set(slot.key, value), { local: true });
}

function guarded<T>(p: Person, path: string[], run: (guard: FieldGuard) => T): T {
  return createRoot(() => {
    const guard = createFieldGuard(p.doc, p.awareness, path);
    guard.watch();
    return run(guard);
  });
}

const BUDGET = ['activities', 'x1', 'budget'];

describe('a remote change to a field being typed in', () => {
  it('is held, with the name of who made it, and the stored value is theirs', () => {
    const { a, b } = pair();
    guarded(a, BUDGET, (guard) => {
      guard.draft();
      setField(b, BUDGET, 380_000_00);
      sync(b, a);
      expect(guard.held()).toEqual({ value: 380_000_00, by: 'Anna Samordnare' });
      expect(guard.drafting()).toBe(true);
      expect(fieldSlot(a.doc, BUDGET)?.map.get('budget')).toBe(380_000_00);
    });
  });

  it('names nobody when the writer has no awareness state', () => {
    const { a, b } = pair('Erik Redaktör', null);
    guarded(a, BUDGET, (guard) => {
      guard.draft();
      setField(b, BUDGET, 1);
      sync(b, a);
      expect(guard.held()).toEqual({ value: 1, by: null });
    });
  });

  it('"use theirs" (settle) lets remote values show again, and later ones are not held', () => {
    const { a, b } = pair();
    guarded(a, BUDGET, (guard) => {
      guard.draft();
      setField(b, BUDGET, 2);
      sync(b, a);
      guard.settle();
      expect(guard.held()).toBeNull();
      setField(b, BUDGET, 3);
      sync(b, a);
      expect(guard.held()).toBeNull();
      expect(guard.replaced()).toBeNull();
    });
  });

  it('"keep mine" writes the draft over theirs; their browser is told its value was replaced', () => {
    const { a, b } = pair();
    const guardB = guarded(b, BUDGET, (guard) => guard);
    guarded(a, BUDGET, (guard) => {
      guard.draft();
      setField(b, BUDGET, 380_000_00);
      sync(b, a);
      setField(a, BUDGET, 420_000_00);
      expect(guard.held()).toBeNull();
      guard.settle();
      sync(a, b);
    });
    expect(fieldSlot(b.doc, BUDGET)?.map.get('budget')).toBe(420_000_00);
    expect(guardB.replaced()).toEqual({ mine: 380_000_00, theirs: 420_000_00, by: 'Erik Redaktör' });
  });
});

describe('without a draft', () => {
  it.each([
    ['not focused at all', (guard: FieldGuard) => guard],
    ['focused, nothing typed', (guard: FieldGuard) => guard],
    ['typed and committed', (guard: FieldGuard) => (guard.draft(), guard.settle(), guard)],
  ])('%s: a remote value is never held', (_, prepare) => {
    const { a, b } = pair();
    guarded(a, BUDGET, (guard) => {
      prepare(guard);
      setField(b, BUDGET, 5);
      sync(b, a);
      expect(guard.held()).toBeNull();
    });
  });
});

describe('two people commit the same field at once', () => {
  it.each([
    ['a budget', BUDGET, 420_000_00, 380_000_00],
    ['a title (root map field)', ['meta', 'title'], 'Min titel', 'Deras titel'],
    ['a value cleared by one side', BUDGET, null, 7],
  ])('%s: exactly the losing side is told, with both values', (_, path, valueA, valueB) => {
    const { a, b } = pair();
    const guardA = guarded(a, path, (guard) => guard);
    const guardB = guarded(b, path, (guard) => guard);
    setField(a, path, valueA);
    setField(b, path, valueB);
    sync(a, b);
    sync(b, a);
    const slotA = fieldSlot(a.doc, path);
    const winner = slotA?.map.get(slotA.key);
    expect(fieldSlot(b.doc, path)?.map.get(slotA?.key ?? '')).toEqual(winner);
    const [loser, winnerGuard, lost, loserName] = winner === valueA ? [guardB, guardA, valueB, 'Erik Redaktör'] : [guardA, guardB, valueA, 'Anna Samordnare'];
    expect(loser.replaced()).toEqual({ mine: lost, theirs: winner, by: loserName });
    expect(winnerGuard.replaced()).toBeNull();
  });

  it('the same value from both sides is no news', () => {
    const { a, b } = pair();
    const guardA = guarded(a, BUDGET, (guard) => guard);
    const guardB = guarded(b, BUDGET, (guard) => guard);
    setField(a, BUDGET, 9);
    setField(b, BUDGET, 9);
    sync(a, b);
    sync(b, a);
    expect(guardA.replaced()).toBeNull();
    expect(guardB.replaced()).toBeNull();
  });
});

describe('writerName', () => {
  it('sanitizes the name from awareness and is null for unknown keys', () => {
    const { a, b } = pair('Erik', 'Anna\u202e Samordnare\u0007');
    setField(b, BUDGET, 1);
    sync(b, a);
    const slot = fieldSlot(a.doc, BUDGET);
    expect(slot && writerName(slot.map, 'budget', a.awareness)).toBe('Anna Samordnare');
    expect(slot && writerName(slot.map, 'nothing', a.awareness)).toBeNull();
  });

  it('fieldSlot is null for an item that does not exist or a path of the wrong length', () => {
    const { a } = pair();
    expect(fieldSlot(a.doc, ['activities', 'nope', 'budget'])).toBeNull();
    expect(fieldSlot(a.doc, ['activities'])).toBeNull();
    expect(fieldSlot(a.doc, ['a', 'b', 'c', 'd'])).toBeNull();
  });
});
