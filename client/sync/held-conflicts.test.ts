/**
 * An undecided same-field conflict survives a reload (issue 17 item 2): the typist's draft
 * and the value waiting beside it come back in a new guard over the reloaded copy, unless
 * the conflict was decided or the field changed since. Two Y.Docs exchange updates as the
 * websocket does; "reload" = a new doc from this browser's state (its local copy) and a new
 * guard over the same storage.
 */
import { describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { createFieldGuard, fieldSlot, type FieldGuard, type KeptConflict } from './field-binding.js';
import { conflictKey, conflictStore, forgetHeldConflicts, keptConflict, type KeyValueStorage } from './held-conflicts.js';

const REMOTE = { remote: true };
const BUDGET = ['activities', 'x1', 'budget'];

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

function person(name: string) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { id: `id-${name}`, name, color: '#1f6feb' });
  return { doc, awareness };
}
type Person = ReturnType<typeof person>;

function sync(from: Person, to: Person): void {
  Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), REMOTE);
}

function setField(p: Person, value: unknown, origin: unknown = { local: true }): void {
  const slot = fieldSlot(p.doc, BUDGET);
  p.doc.transact(() => slot?.map.set(slot.key, value), origin);
}

/** Erik (typing) and Anna on one plan; each knows the other's name. */
function pair() {
  const erik = person('Erik Redaktör');
  const anna = person('Anna Samordnare');
  erik.doc.transact(() => {
    const item = new Y.Map<unknown>();
    erik.doc.getMap('activities').set('x1', item);
    item.set('budget', 100_000_00);
  });
  sync(erik, anna);
  for (const [from, to] of [[erik, anna], [anna, erik]] as const) applyAwarenessUpdate(to.awareness, encodeAwarenessUpdate(from.awareness, [from.doc.clientID]), REMOTE);
  return { erik, anna };
}

function guardIn(p: Person, kept: KeptConflict | null): { guard: FieldGuard; dispose: () => void } {
  return createRoot((dispose) => {
    const guard = createFieldGuard(p.doc, p.awareness, BUDGET, kept);
    guard.watch();
    return { guard, dispose };
  });
}

/** The page reloaded: this browser's copy of the document, a new guard over the same storage. */
function reload(p: Person, kept: KeptConflict) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(p.doc), REMOTE);
  const again = { doc, awareness: new Awareness(doc) };
  return { person: again, ...guardIn(again, kept) };
}

/** Erik types 420 000 while Anna commits 380 000: the conflict waits beside his field. */
function undecided() {
  const { erik, anna } = pair();
  const storage = memoryStorage();
  const kept = { store: conflictStore(storage), key: conflictKey('id-erik', 'doc-1', BUDGET) };
  const page = guardIn(erik, kept);
  page.guard.draft('42');
  page.guard.draft('420000');
  setField(anna, 380_000_00);
  sync(anna, erik);
  expect(page.guard.held()).toEqual({ value: 380_000_00, by: 'Anna Samordnare' });
  return { erik, anna, storage, kept, page };
}

describe('an undecided conflict and a reload', () => {
  it('comes back: the draft in the field, their value waiting with their name', () => {
    const { erik, kept, page } = undecided();
    page.dispose();
    const after = reload(erik, kept);
    expect(after.guard.restoredDraft()).toBe('420000');
    expect(after.guard.drafting()).toBe(true);
    expect(after.guard.held()).toEqual({ value: 380_000_00, by: 'Anna Samordnare' });
    // Still undecided: another reload brings it back again.
    after.dispose();
    expect(reload(after.person, kept).guard.held()).toEqual({ value: 380_000_00, by: 'Anna Samordnare' });
  });

  it('keeps what was typed after the conflict arrived', () => {
    const { erik, kept, page } = undecided();
    page.guard.draft('4200001');
    page.dispose();
    expect(reload(erik, kept).guard.restoredDraft()).toBe('4200001');
  });

  it.each([
    ['"Behåll mitt" (their draft written, settled)', (g: FieldGuard, p: Person) => (setField(p, 420_000_00), g.settle())],
    ['"Använd deras" / Escape (settled)', (g: FieldGuard) => g.settle()],
    ['committing with Enter (a write of one\u2019s own)', (_g: FieldGuard, p: Person) => setField(p, 420_000_00)],
  ])('is gone once decided: %s', (_name, decide) => {
    const { erik, storage, kept, page } = undecided();
    decide(page.guard, erik);
    expect(storage.map.size).toBe(0);
    page.dispose();
    const after = reload(erik, kept);
    expect(after.guard.held()).toBeNull();
    expect(after.guard.restoredDraft()).toBeNull();
    expect(after.guard.drafting()).toBe(false);
  });

  it.each([
    ['someone else changed the field again', (p: Person) => setField(p, 1, REMOTE)],
    ['the field was cleared', (p: Person) => setField(p, null, REMOTE)],
    ['the activity is gone', (p: Person) => p.doc.transact(() => p.doc.getMap('activities').delete('x1'), REMOTE)],
  ])('is dropped when the field changed before the reload: %s', (_name, change) => {
    const { erik, storage, kept, page } = undecided();
    page.dispose();
    change(erik);
    const after = reload(erik, kept);
    expect(after.guard.held()).toBeNull();
    expect(after.guard.restoredDraft()).toBeNull();
    expect(storage.map.size).toBe(0);
  });

  it('is dropped when the field changes after the reload (the server had a newer value); the field shows it', () => {
    const { erik, anna, storage, kept, page } = undecided();
    page.dispose();
    const after = reload(erik, kept);
    expect(after.guard.held()).not.toBeNull();
    setField(anna, 5_000_00);
    sync(anna, after.person);
    expect(after.guard.held()).toBeNull();
    expect(after.guard.drafting()).toBe(false);
    expect(storage.map.size).toBe(0);
  });

  it('typed again after the reload, it is a draft like any other: a newer value waits beside it', () => {
    const { erik, anna, kept, page } = undecided();
    page.dispose();
    const after = reload(erik, kept);
    after.guard.draft('4200009');
    setField(anna, 5_000_00);
    sync(anna, after.person);
    expect(after.guard.held()).toEqual({ value: 5_000_00, by: null });
    after.dispose();
    expect(reload(after.person, kept).guard.restoredDraft()).toBe('4200009');
  });

  it('belongs to its person, document and field: another key restores nothing', () => {
    const { erik, kept, page } = undecided();
    page.dispose();
    for (const key of [conflictKey('id-anna', 'doc-1', BUDGET), conflictKey('id-erik', 'doc-2', BUDGET), conflictKey('id-erik', 'doc-1', ['activities', 'x1', 'spent'])]) {
      expect(reload(erik, { ...kept, key }).guard.held()).toBeNull();
    }
  });
});

/** A page whose local copy is older than the server: `synced()` stands for the server's sync. */
function reloadBeforeSync(localCopy: Y.Doc, kept: KeptConflict) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(localCopy), REMOTE);
  const waiting: Array<() => void> = [];
  const page = { doc, awareness: new Awareness(doc) };
  const afterSync = (then: () => void) => (waiting.push(then), () => void waiting.splice(waiting.indexOf(then), 1));
  const guarded = guardIn(page, { ...kept, afterSync });
  return { person: page, ...guarded, waiting, synced: () => waiting.splice(0).forEach((then) => then()) };
}

describe('a reload whose local copy was written before their value arrived', () => {
  /** The conflict is kept, but the local copy still holds the value from before Anna's. */
  function olderCopy() {
    const { erik, anna } = pair();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(erik.doc));
    const setup = (() => {
      const storage = memoryStorage();
      const kept = { store: conflictStore(storage), key: conflictKey('id-erik', 'doc-1', BUDGET) };
      const page = guardIn(erik, kept);
      page.guard.draft('420000');
      setField(anna, 380_000_00);
      sync(anna, erik);
      page.dispose();
      return { storage, kept };
    })();
    return { erik, anna, copy, ...setup };
  }

  it('comes back once the server\u2019s state brings their value, the draft with it', () => {
    const { erik, copy, kept } = olderCopy();
    const after = reloadBeforeSync(copy, kept);
    expect(after.guard.held()).toBeNull();
    Y.applyUpdate(after.person.doc, Y.encodeStateAsUpdate(erik.doc), REMOTE);
    after.synced();
    expect(after.guard.held()).toEqual({ value: 380_000_00, by: 'Anna Samordnare' });
    expect(after.guard.restoredDraft()).toBe('420000');
    expect(after.guard.drafting()).toBe(true);
  });

  it.each([
    ['the server holds a newer value', (p: Person) => setField(p, 5_000_00)],
    ['the server holds no value', (p: Person) => setField(p, null)],
  ])('is dropped once synced when %s', (_name, change) => {
    const { anna, copy, kept, storage } = olderCopy();
    change(anna);
    const after = reloadBeforeSync(copy, kept);
    Y.applyUpdate(after.person.doc, Y.encodeStateAsUpdate(anna.doc), REMOTE);
    after.synced();
    expect(after.guard.held()).toBeNull();
    expect(after.guard.restoredDraft()).toBeNull();
    expect(storage.map.size).toBe(0);
  });

  it('typing before the sync answers it: the new text stays, the old draft never comes back', () => {
    const { erik, copy, kept, storage } = olderCopy();
    const after = reloadBeforeSync(copy, kept);
    after.guard.draft('7');
    expect(storage.map.size).toBe(0);
    expect(after.waiting).toHaveLength(0);
    Y.applyUpdate(after.person.doc, Y.encodeStateAsUpdate(erik.doc), REMOTE);
    after.synced();
    expect(after.guard.restoredDraft()).toBeNull();
  });

  it('a field gone before the sync stops waiting', () => {
    const { copy, kept } = olderCopy();
    const after = reloadBeforeSync(copy, kept);
    after.dispose();
    expect(after.waiting).toHaveLength(0);
  });
});

describe('what the storage holds is an input', () => {
  it.each([
    ['not JSON', '{'],
    ['another shape', JSON.stringify({ draft: 1, theirs: 2 })],
    ['an object as their value', JSON.stringify({ draft: '1', theirs: { a: 1 }, by: null })],
    ['a draft longer than any field', JSON.stringify({ draft: 'x'.repeat(20_001), theirs: 1, by: null })],
    ['a name longer than a name', JSON.stringify({ draft: '1', theirs: 1, by: 'x'.repeat(201) })],
  ])('%s: read as nothing', (_name, text) => {
    const storage = memoryStorage();
    storage.setItem('k', text);
    expect(conflictStore(storage).read('k')).toBeNull();
  });

  it('a storage that throws (full, disabled) never breaks the field', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const { erik, anna } = pair();
    const { guard } = guardIn(erik, { store: conflictStore(broken), key: 'k' });
    guard.draft('1');
    setField(anna, 2);
    sync(anna, erik);
    expect(guard.held()).toEqual({ value: 2, by: 'Anna Samordnare' });
    guard.settle();
    expect(guard.held()).toBeNull();
  });

  it('keptConflict needs a store, a document and a person', () => {
    const store = conflictStore(memoryStorage());
    const { erik } = pair();
    expect(keptConflict(store, erik.awareness, 'doc-1', BUDGET)?.key).toBe(conflictKey('id-Erik Redaktör', 'doc-1', BUDGET));
    expect(keptConflict(null, erik.awareness, 'doc-1', BUDGET)).toBeNull();
    expect(keptConflict(store, erik.awareness, undefined, BUDGET)).toBeNull();
    expect(keptConflict(store, new Awareness(new Y.Doc()), 'doc-1', BUDGET)).toBeNull();
  });
});

describe('the end of a session', () => {
  it('forgets that person\u2019s kept conflicts in every document, and nobody else\u2019s', () => {
    const storage = memoryStorage();
    const mine = [conflictKey('u1', 'doc-1', BUDGET), conflictKey('u1', 'doc-2', ['meta', 'title'])];
    const others = [conflictKey('u10', 'doc-1', BUDGET), conflictKey('u', 'doc-1', BUDGET), 'samplan:u1:doc-1', 'other'];
    for (const key of [...mine, ...others]) storage.setItem(key, '{}');
    const listable = Object.assign(storage, { get length() { return storage.map.size; }, key: (i: number) => [...storage.map.keys()][i] ?? null });
    forgetHeldConflicts('u1', listable);
    expect([...storage.map.keys()].sort()).toEqual([...others].sort());
  });
});
