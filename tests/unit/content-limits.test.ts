/**
 * Red team F5, the class behind content-limits.test.ts (integration): whatever a client
 * pushes, the room's guard refuses exactly the updates that take the document past a
 * content limit (shared/content-limits.ts) — checked by a fuzz against an independent
 * reference that measures the whole document before and after, in grapheme clusters — and
 * the cheap proof (content-growth.ts) never accepts what the exact check refuses. Plus the
 * default 20 000 items per document, at and past the limit.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentLimits, isCollectionRoot, textLimitOf } from '../../shared/content-limits.js';
import { characterLength } from '../../shared/strings.js';
import { createDocument } from '../../shared/model/document.js';
import { provenWithinLimits } from '../../server/sync/content-growth.js';
import { contentOverLimits } from '../../server/sync/content-trial.js';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';
import { scanContextOf, allowedRootsOf } from '../../server/sync/protected-fields.js';
import { UpdateGuard } from '../../server/sync/update-guard.js';
import { RefusedUpdate, scanUpdate } from '../../server/sync/update-scan.js';
import { wholeItem } from '../support/required-items.js';

const MAX_ITEMS = 40;
const segmenter = new Intl.Segmenter('sv', { granularity: 'grapheme' });
/** Characters as README counts them: grapheme clusters, and a text of more than 16 UTF-16 units per character allowed is over. */
// Printable ASCII is one character per unit; anything else is segmented whole (slow, so long texts are ASCII here).
const graphemes = (text: string) => (/^[\x20-\x7e]*$/.test(text) ? text.length : [...segmenter.segment(text)].length);
const overText = (text: string, limit: number) => graphemes(text) > limit || text.length > limit * 16;

/** The reference: every place of the document over its limit, with its size (graphemes, entries, items). */
function overLimits(doc: Y.Doc): Map<string, number> {
  const over = new Map<string, number>();
  let items = 0;
  const visit = (path: string, key: string | null, value: unknown) => {
    if (value instanceof Y.Text) {
      if (overText(value.toString(), textLimitOf(key))) over.set(path, value.length);
    } else if (value instanceof Y.Map) {
      if (value.size > ContentLimits.maxEntriesPerMap) over.set(path, value.size);
      for (const [k, v] of value) visit(`${path}.${k}`, k, v);
    } else if (typeof value === 'string' && overText(value, textLimitOf(key))) over.set(path, value.length);
  };
  for (const name of ['meta', 'goals', 'activities', 'costs']) {
    const root = doc.getMap<unknown>(name);
    if (isCollectionRoot(name)) items += root.size;
    else if (root.size > ContentLimits.maxEntriesPerMap) over.set(name, root.size);
    for (const [k, v] of root) visit(`${name}.${k}`, k, v);
  }
  if (items > MAX_ITEMS) over.set('items', items);
  return over;
}

/** Whether the reference refuses going from `before` to `after`: something over its limit that grew. */
function referenceRefuses(before: Y.Doc, after: Y.Doc): boolean {
  const was = overLimits(before);
  return [...overLimits(after)].some(([path, size]) => size > (was.get(path) ?? 0));
}

const UNITS = ['a', 'å', '😀', 'e\u0301', '👨‍👩‍👧', '🇸🇪', '\u0301'];

/** A seeded generator (Park–Miller), so a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
}

function itemWithText(doc: Y.Doc, collection: string, id: string): Y.Map<unknown> {
  const existing = doc.getMap<unknown>(collection).get(id);
  if (existing instanceof Y.Map) return existing;
  // A whole item (required-fields.ts): its title and description are new empty texts.
  return doc.getMap<unknown>(collection).set(id, wholeItem('action-plan', collection));
}

/** One random edit near some limit: typing, deleting, setting values, adding items or entries. */
function randomEdit(doc: Y.Doc, next: () => number): void {
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(next() * values.length)] ?? (values[0] as T);
  const item = itemWithText(doc, pick(['goals', 'activities']), pick(['a', 'b']));
  const key = pick(['title', 'description']);
  const text = item.get(key);
  const unit = key === 'title' ? pick(UNITS) : pick(['a', 'bc']);
  switch (Math.floor(next() * 8)) {
    case 6: {
      // Items deleted, so later sets of their keys re-add them (a set names the deleted value as its origin).
      const collection = doc.getMap<unknown>(pick(['goals', 'costs']));
      for (const key of [...collection.keys()]) if (next() < 0.3) collection.delete(key);
      break;
    }
    case 7:
      for (let i = Math.floor(next() * 6); i > 0; i--) {
        const root = pick(['goals', 'costs']);
        doc.getMap<unknown>(root).set(`r${Math.floor(next() * 10)}`, wholeItem('action-plan', root));
      }
      break;
    case 0:
      if (text instanceof Y.Text) text.insert(Math.floor(next() * (text.length + 1)), unit.repeat(Math.floor(next() * (key === 'title' ? 120 : 12_000))));
      break;
    case 1:
      if (text instanceof Y.Text && text.length > 0) {
        // A prefix, or a few units anywhere (a ZWJ or half a flag: a character split in two).
        const at = next() < 0.5 ? 0 : Math.floor(next() * text.length);
        text.delete(at, Math.min(text.length - at, at === 0 ? Math.floor(next() * text.length) : 1 + Math.floor(next() * 3)));
      }
      break;
    case 2: {
      // A plain value near its limit: a collection's entries are item maps and an item's title a text (field-types.ts).
      doc.getMap<unknown>('meta').set('title', unit.repeat(190 + Math.floor(next() * 20)));
      break;
    }
    case 3:
      for (let i = Math.floor(next() * 12); i > 0; i--) {
        const root = pick(['goals', 'costs']);
        doc.getMap<unknown>(root).set(`n${Math.floor(next() * 1e9)}`, wholeItem('action-plan', root));
      }
      break;
    case 4: {
      // A map of free keys and values: `meta` is open beyond its named fields (schema-keys.ts, field-types.ts).
      const meta = doc.getMap<unknown>('meta');
      const held = meta.get('inner');
      const inner = held instanceof Y.Map ? (held as Y.Map<unknown>) : meta.set('inner', new Y.Map<unknown>());
      for (let i = Math.floor(next() * 60); i > 0; i--) inner.set(`k${Math.floor(next() * 400)}`, i);
      break;
    }
    default:
      // `number`: a plain string key goals and activities both have, whose limit is not a title's (titles are texts).
      item.set('number', unit.repeat(Math.floor(next() * 300)));
  }
}

describe('content limits, fuzzed against a reference', () => {
  it('refuses exactly what takes the document past a limit; the cheap proof never accepts what the exact check refuses', { timeout: 120_000 }, () => {
    const limits = { ...DEFAULT_SYNC_LIMITS, maxItemsPerDocument: MAX_ITEMS };
    let refused = 0;
    let accepted = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const next = random(seed * 7_919);
      const server = createDocument('action-plan', { title: 'Plan' });
      const guard = new UpdateGuard(limits);
      guard.describe(server);
      for (let round = 0; round < 40; round++) {
        const client = new Y.Doc();
        Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
        client.transact(() => {
          for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) randomEdit(client, next);
        });
        const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
        const scan = scanUpdate(update, scanContextOf(server, limits.maxStructsPerUpdate, allowedRootsOf(server)));
        const exact = contentOverLimits(server, update, MAX_ITEMS);
        if (provenWithinLimits(server, scan.growth, MAX_ITEMS)) expect(exact, `seed ${seed} round ${round}`).toBeNull();
        const after = new Y.Doc();
        Y.applyUpdate(after, Y.encodeStateAsUpdate(server));
        Y.applyUpdate(after, update);
        const shouldRefuse = referenceRefuses(server, after);
        let didRefuse = false;
        try {
          guard.admit(server, update, 0, { facilitates: false });
        } catch (error) {
          if (!(error instanceof RefusedUpdate)) throw error;
          didRefuse = true;
        }
        expect(didRefuse, `seed ${seed} round ${round}`).toBe(shouldRefuse);
        if (didRefuse) refused++;
        else {
          accepted++;
          Y.applyUpdate(server, update);
        }
      }
    }
    // The fuzz reached both sides of the limits.
    expect(refused).toBeGreaterThan(20);
    expect(accepted).toBeGreaterThan(100);
  });
});

describe('structs waiting for a missing predecessor', () => {
  it('are checked when the update that releases them comes, and hold nobody else up', () => {
    const server = createDocument('action-plan', { title: 'Plan' });
    const guard = new UpdateGuard(DEFAULT_SYNC_LIMITS);
    guard.describe(server);
    const send = (update: Uint8Array) => {
      guard.admit(server, update, 0, { facilitates: false });
      Y.applyUpdate(server, update);
    };
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(server));
    const title = itemWithText(attacker, 'goals', 'g').get('title');
    if (!(title instanceof Y.Text)) throw new Error('a title');
    send(Y.encodeStateAsUpdate(attacker, Y.encodeStateVector(server)));
    const beforeA = Y.encodeStateVector(attacker);
    title.insert(0, 'x'.repeat(150));
    const afterA = Y.encodeStateVector(attacker);
    const first = Y.encodeStateAsUpdate(attacker, beforeA);
    title.insert(150, 'y'.repeat(150));
    // Someone else, synced before the attack (a pending struct is nobody's to send on).
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    // The second half alone: it waits for the first, then the two together are 300 characters.
    send(Y.encodeStateAsUpdate(attacker, afterA));
    expect(server.store.pendingStructs).not.toBeNull();
    // Their edit meanwhile is proven without the exact check.
    const synced = Y.encodeStateVector(other);
    other.getMap('meta').set('subtitle', 'annan');
    const theirs = Y.encodeStateAsUpdate(other, synced);
    expect(provenWithinLimits(server, scanUpdate(theirs, scanContextOf(server, 1_000_000, allowedRootsOf(server))).growth)).toBe(true);
    expect(() => guard.admit(server, first, 0, { facilitates: false })).toThrow(RefusedUpdate);
  });

  it('an update that waits whole skips the exact check; one that joins now, even partly, never does', () => {
    const server = createDocument('action-plan', { title: 'Plan' });
    const guard = new UpdateGuard(DEFAULT_SYNC_LIMITS);
    guard.describe(server);
    const context = () => scanContextOf(server, 1_000_000, allowedRootsOf(server));
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(server));
    const title = itemWithText(attacker, 'goals', 'g').get('title');
    if (!(title instanceof Y.Text)) throw new Error('a title');
    const item = Y.encodeStateAsUpdate(attacker, Y.encodeStateVector(server));
    guard.admit(server, item, 0, { facilitates: false });
    Y.applyUpdate(server, item);
    const before = Y.encodeStateVector(attacker);
    title.insert(0, 'x'.repeat(150));
    const middle = Y.encodeStateVector(attacker);
    const first = Y.encodeStateAsUpdate(attacker, before);
    title.insert(150, 'y'.repeat(150));
    const second = Y.encodeStateAsUpdate(attacker, middle);
    expect(scanUpdate(second, context()).waitsWhole).toBe(true);
    // Both halves in one update (merged, or as two groups of one client): it joins now, so it is checked.
    for (const joined of [Y.mergeUpdates([second, first]), Y.encodeStateAsUpdate(attacker, before)]) {
      expect(scanUpdate(joined, context()).waitsWhole).toBe(false);
      expect(() => guard.admit(server, joined, 0, { facilitates: false })).toThrow(RefusedUpdate);
    }
    // Waiting structs with a deletion of something present: the deletion applies now.
    const deleting = new Y.Doc();
    Y.applyUpdate(deleting, Y.encodeStateAsUpdate(server));
    const synced = Y.encodeStateVector(deleting);
    deleting.getMap('goals').delete('g');
    const withDeletion = Y.mergeUpdates([second, Y.encodeStateAsUpdate(deleting, synced)]);
    expect(scanUpdate(withDeletion, context()).waitsWhole).toBe(false);
  });
});

describe('deleting can make a text longer in characters', () => {
  it('refuses taking the ZWJs out of a title of 200 family emoji (600 characters), cheaply proven or not', () => {
    const server = createDocument('action-plan', { title: 'Plan' });
    const item = itemWithText(server, 'goals', 'g');
    const title = item.get('title');
    if (!(title instanceof Y.Text)) throw new Error('a title');
    title.insert(0, '👨‍👩‍👧'.repeat(200));
    const guard = new UpdateGuard(DEFAULT_SYNC_LIMITS);
    guard.describe(server);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const theirs = client.getMap<Y.Map<unknown>>('goals').get('g')?.get('title');
    if (!(theirs instanceof Y.Text)) throw new Error('a title');
    client.transact(() => {
      for (let at = theirs.length - 1; at >= 0; at--) if (theirs.toString().charAt(at) === '\u200d') theirs.delete(at, 1);
    });
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(() => guard.admit(server, update, 0, { facilitates: false })).toThrow(RefusedUpdate);
  });
});

describe('whole characters at any length', () => {
  it('characterLength counts what Intl.Segmenter counts, across its windows (fuzz)', () => {
    const pool = ['a', ' ', 'å', 'e\u0301', '\u0301', '\u0308', '😀', '👍🏽', '👨‍👩‍👧', '🇸', '🇪', '\u200d', '\r', '\n', '각', '\u1100', '\u1161'];
    const next = random(4_242);
    for (let run = 0; run < 300; run++) {
      const text = Array.from({ length: Math.floor(next() * 1_500) }, () => pool[Math.floor(next() * pool.length)] ?? 'a').join('');
      expect(characterLength(text), JSON.stringify(text.slice(0, 40))).toBe([...segmenter.segment(text)].length);
    }
  });

  it.each(['😀', '👨‍👩‍👧', 'e\u0301', '🇸🇪'])('counts 40 000 of %j in linear time (the segmenter alone is quadratic)', (unit) => {
    expect(characterLength(unit.repeat(40_000))).toBe(40_000);
  });
});

describe('the default items per document (20 000, the largest import)', () => {
  it('accepts the 20 000th item and refuses the 20 001st', () => {
    const server = createDocument('action-plan', { title: 'Stor' });
    server.transact(() => {
      for (let i = 0; i < ContentLimits.maxItemsPerDocument - 1; i++) server.getMap('costs').set(`c${i}`, new Y.Map());
    });
    const guard = new UpdateGuard(DEFAULT_SYNC_LIMITS);
    guard.describe(server);
    const push = (id: string) => {
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      client.getMap('goals').set(id, wholeItem('action-plan', 'goals'));
      const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
      guard.admit(server, update, 0, { facilitates: false });
      Y.applyUpdate(server, update);
    };
    push('last');
    expect(() => push('one-too-many')).toThrow(RefusedUpdate);
  });
});
