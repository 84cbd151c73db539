/**
 * Restoring a version's content into a live document (server/versions/restore-doc.ts):
 * random edits of every kind before and after the version, then the live document must
 * export exactly as the version did — for every document kind, seeded so a failure repeats.
 * Texts are fuzzed at surrogate pairs (an emoji split in two would be lost).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument, toJSON } from '../../shared/model/document.js';
import { ROOTS, type DocumentKind } from '../../shared/model/kinds.js';
import { restoreContent, restoreText } from '../../server/versions/restore-doc.js';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const WORDS = ['mål', 'budget', '😀', 'å', '👩‍👩‍👧', 'x', ''];

/** One random edit somewhere in the document: set, delete, add, or edit a text in place. */
function randomEdit(doc: Y.Doc, kind: DocumentKind, next: () => number): void {
  const pick = <T,>(list: T[]): T | undefined => list[Math.floor(next() * list.length)];
  // `session` is live facilitation state, which a restore leaves alone (restore-doc.ts).
  const roots: string[] = ROOTS[kind].maps.filter((name) => name !== 'meta' && name !== 'session');
  const root = doc.getMap<unknown>(pick(roots) ?? 'goals');
  const items = [...root.values()].filter((v): v is Y.Map<unknown> => v instanceof Y.Map);
  const item = pick(items);
  const roll = next();
  if (!item || roll < 0.2) {
    const map = new Y.Map<unknown>();
    root.set(`n${Math.floor(next() * 1e6)}`, map);
    map.set('title', new Y.Text(pick(WORDS) ?? ''));
    map.set('budget', Math.floor(next() * 1000));
  } else if (roll < 0.35) {
    root.delete([...root.keys()].find((k) => root.get(k) === item) ?? '');
  } else if (roll < 0.7) {
    const text = [...item.values()].find((v): v is Y.Text => v instanceof Y.Text);
    if (text) restoreText(text, `${pick(WORDS)}${text.toString().slice(0, 3)}${pick(WORDS)}`);
  } else {
    item.set(pick(['budget', 'responsible', 'start', 'order', 'extra']) ?? 'budget', next() < 0.5 ? Math.floor(next() * 1e6) : pick(WORDS) ?? null);
  }
}

const KINDS: Array<[DocumentKind, Y.Doc]> = [
  ['action-plan', createDocument('action-plan', { title: 'P', goals: [{ number: '1', title: 'Mål 😀', description: 'a', activities: [{ title: 'A', budget: 5 }, { title: 'B' }] }], costs: [{ section: 'S', label: 'L', description: '', amount: 3 }] })],
  ['strategy', createDocument('strategy', { title: 'S', vision: 'Vision 👩‍👩‍👧', focusAreas: [{ title: 'F', goals: [{ number: '1', title: 'G', description: '', objectives: ['a'], links: [], indicators: [] }] }] })],
  ['agenda', createDocument('agenda', { title: 'A', meetings: [{ title: 'M', date: '2027-01-01', start: '09:00', end: '10:00', location: '', link: '', items: [{ title: 'I', decisions: [{ text: 'D' }] }] }] })],
];

describe.each(KINDS)('restoreContent on a %s', (kind, seedDoc) => {
  it.each(Array.from({ length: 25 }, (_, i) => i + 1))('seed %i: the live document becomes the version', (seed) => {
    const next = random(seed);
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(seedDoc));
    for (let i = 0; i < 10; i++) live.transact(() => randomEdit(live, kind, next));
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(live));
    const wanted = toJSON(version);
    for (let i = 0; i < 15; i++) live.transact(() => randomEdit(live, kind, next));
    if (kind === 'strategy') live.getText('vision').insert(0, '😀 ');
    // A peer that sees only the restore's update ends equal too.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(live));
    live.on('update', (update: Uint8Array) => Y.applyUpdate(peer, update));
    live.transact(() => restoreContent(live, version, kind));
    expect(toJSON(live)).toEqual(wanted);
    expect(toJSON(peer)).toEqual(wanted);
    expect(JSON.stringify(live.getMap('meta').toJSON())).toEqual(JSON.stringify(version.getMap('meta').toJSON()));
  });
});

describe('restoreText', () => {
  const PAIRS: Array<[string, string]> = [
    ['😀', '😃'],
    ['a😀b', 'a😃b'],
    ['😀😀', '😀'],
    ['x👩‍👩‍👧y', 'x👩‍👩‍👦y'],
    ['', '😀'],
    ['😀', ''],
    ['abc', 'abc'],
    ['hej då', 'hej igen'],
  ];
  it.each(PAIRS)('%j → %j survives encoding', (from, to) => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, from);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    doc.on('update', (update: Uint8Array) => Y.applyUpdate(copy, update));
    restoreText(text, to);
    expect(text.toString()).toBe(to);
    expect(copy.getText('t').toString()).toBe(to);
  });
});
