/**
 * The last seen list of a workspace's documents (issue 17 item 12) is kept per person and
 * goes when that person's session ends, as their local copies do; what is read back is
 * validated; and the documents one can open offline are those whose copy and record are kept.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Workspace } from '../api.js';
import { API_CACHE, clearLocalCopies, keptDocumentIds, localCopyName } from './local-copies.js';
import { forgetSeenWorkspaces, rememberWorkspace, seenKey, seenWorkspace, type SeenStorage } from './seen-workspaces.js';

const ERIK = '5f1c0c43-9d6e-4f55-8a51-0f2d8f1e7a10';
const ANNA = 'a3b1e0d2-1111-4c2b-9b1e-2d7c9e0f4a22';
const AT = new Date('2026-11-30T18:05:00.000Z');

function mapStorage(): SeenStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

function workspace(id: string, titles: string[]): Workspace {
  return {
    id,
    name: `Arbetsyta ${id}`,
    country: 'SE',
    role: 'editor',
    members: [{ id: ERIK, email: 'erik@demo.samplan.se', name: 'Erik', role: 'editor' }],
    invitations: [],
    documents: titles.map((title, i) => ({ id: `${id}-doc-${i}`, kind: 'action-plan', title })),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('the last seen list of a workspace', () => {
  it('is kept per person and per workspace, with the documents and when it was fetched', () => {
    const storage = mapStorage();
    rememberWorkspace(ERIK, workspace('ws1', ['Plan A', 'Plan B']), AT, storage);
    rememberWorkspace(ANNA, workspace('ws1', ['Bara Annas']), AT, storage);
    rememberWorkspace(ERIK, workspace('ws2', []), AT, storage);
    expect(seenWorkspace(ERIK, 'ws1', storage)).toEqual({
      id: 'ws1',
      name: 'Arbetsyta ws1',
      country: 'SE',
      role: 'editor',
      seenAt: AT.toISOString(),
      documents: [
        { id: 'ws1-doc-0', kind: 'action-plan', title: 'Plan A' },
        { id: 'ws1-doc-1', kind: 'action-plan', title: 'Plan B' },
      ],
    });
    expect(seenWorkspace(ANNA, 'ws1', storage)?.documents.map((doc) => doc.title)).toEqual(['Bara Annas']);
    expect(seenWorkspace(ERIK, 'ws2', storage)?.documents).toEqual([]);
    expect(seenWorkspace(ANNA, 'ws2', storage)).toBeNull();
    // Members and invitations are not kept: the offline page needs the documents only.
    expect(storage.map.get(seenKey(ERIK, 'ws1'))).not.toContain('erik@demo');
  });

  it('a later visit replaces the earlier list', () => {
    const storage = mapStorage();
    rememberWorkspace(ERIK, workspace('ws1', ['Gammal']), AT, storage);
    rememberWorkspace(ERIK, workspace('ws1', ['Ny', 'Nyare']), new Date(AT.getTime() + 60_000), storage);
    expect(seenWorkspace(ERIK, 'ws1', storage)?.documents.map((doc) => doc.title)).toEqual(['Ny', 'Nyare']);
    expect(seenWorkspace(ERIK, 'ws1', storage)?.seenAt).toBe('2026-11-30T18:06:00.000Z');
  });

  it.each([
    ['not JSON', '{'],
    ['another workspace under this key', JSON.stringify({ id: 'ws9', name: 'x', role: 'editor', documents: [], seenAt: AT.toISOString() })],
    ['an unknown role', JSON.stringify({ id: 'ws1', name: 'x', role: 'owner', documents: [], seenAt: AT.toISOString() })],
    ['an unknown kind', JSON.stringify({ id: 'ws1', name: 'x', role: 'editor', documents: [{ id: 'd', kind: 'memo', title: 't' }], seenAt: AT.toISOString() })],
    ['a title too long', JSON.stringify({ id: 'ws1', name: 'x', role: 'editor', documents: [{ id: 'd', kind: 'agenda', title: 'x'.repeat(201) }], seenAt: AT.toISOString() })],
    ['no time', JSON.stringify({ id: 'ws1', name: 'x', role: 'editor', documents: [] })],
    ['a time that is not one', JSON.stringify({ id: 'ws1', name: 'x', role: 'editor', documents: [], seenAt: 'igår' })],
    ['null', 'null'],
  ])('a stored value that is %s reads as none', (_, text) => {
    const storage = mapStorage();
    storage.setItem(seenKey(ERIK, 'ws1'), text);
    expect(seenWorkspace(ERIK, 'ws1', storage)).toBeNull();
  });

  it('a storage that throws keeps nothing and reads nothing, never failing the page', () => {
    const broken = { ...mapStorage(), getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    expect(() => rememberWorkspace(ERIK, workspace('ws1', ['A']), AT, broken)).not.toThrow();
    expect(seenWorkspace(ERIK, 'ws1', broken)).toBeNull();
    expect(() => forgetSeenWorkspaces(ERIK, { ...broken, key: () => { throw new Error('denied'); } })).not.toThrow();
    expect(seenWorkspace(ERIK, 'ws1', undefined)).toBeNull();
  });
});

describe('the country of a workspace as last seen (the strategy offline: objectives, currency)', () => {
  it.each([['SE'], ['NO']] as const)('%s is kept and read back', (country) => {
    const storage = mapStorage();
    rememberWorkspace(ERIK, { ...workspace('ws1', ['Plan A']), country }, AT, storage);
    expect(seenWorkspace(ERIK, 'ws1', storage)?.country).toBe(country);
  });

  it('a record saved before the country was kept still reads, without one', () => {
    const storage = mapStorage();
    storage.setItem(seenKey(ERIK, 'ws1'), JSON.stringify({ id: 'ws1', name: 'x', role: 'editor', documents: [{ id: 'd', kind: 'action-plan', title: 'P' }], seenAt: AT.toISOString() }));
    const seen = seenWorkspace(ERIK, 'ws1', storage);
    expect(seen?.documents).toEqual([{ id: 'd', kind: 'action-plan', title: 'P' }]);
    expect(seen?.country).toBeUndefined();
  });

  it.each([['a country the app does not know', 'DK'], ['a country that is not text', 46], ['an empty country', ''], ['null', null]])('a stored record with %s reads as none', (_, country) => {
    const storage = mapStorage();
    storage.setItem(seenKey(ERIK, 'ws1'), JSON.stringify({ id: 'ws1', name: 'x', country, role: 'editor', documents: [], seenAt: AT.toISOString() }));
    expect(seenWorkspace(ERIK, 'ws1', storage)).toBeNull();
  });

  it('a workspace whose country the app does not know is kept without one, its documents still', () => {
    const storage = mapStorage();
    rememberWorkspace(ERIK, { ...workspace('ws1', ['Plan A']), country: 'XX' }, AT, storage);
    expect(seenWorkspace(ERIK, 'ws1', storage)?.documents.map((doc) => doc.title)).toEqual(['Plan A']);
    expect(seenWorkspace(ERIK, 'ws1', storage)?.country).toBeUndefined();
  });
});

describe('when a session ends', () => {
  it.each([
    // [who signs out, whose lists stay]
    [ERIK, [ANNA]],
    [ANNA, [ERIK]],
    // One id a prefix of another must not take the other's lists.
    ['u1', [ERIK, ANNA, 'u10']],
    ['u10', [ERIK, ANNA, 'u1']],
  ])('%s signing out deletes exactly their lists (clearLocalCopies, as the copies)', async (leaving, staying) => {
    const storage = mapStorage();
    storage.setItem('samplan.locale', 'sv');
    for (const user of [ERIK, ANNA, 'u1', 'u10']) for (const ws of ['ws1', 'ws2']) rememberWorkspace(user, workspace(ws, ['P']), AT, storage);
    vi.stubGlobal('localStorage', storage);
    await clearLocalCopies(leaving, undefined, undefined);
    for (const ws of ['ws1', 'ws2']) {
      expect(seenWorkspace(leaving, ws, storage)).toBeNull();
      for (const user of staying) expect(seenWorkspace(user, ws, storage)).not.toBeNull();
    }
    expect(storage.getItem('samplan.locale')).toBe('sv');
  });
});

describe('the documents one can open offline', () => {
  const cacheOf = (paths: string[]) => ({
    open: () => Promise.resolve({ keys: () => Promise.resolve(paths.map((path) => new Request(`http://localhost${path}`))) } as unknown as Cache),
  });
  const factoryOf = (names: string[]) => ({ databases: () => Promise.resolve(names.map((name) => ({ name }))) });

  it('are the person’s local copies whose record the worker keeps', async () => {
    const factory = factoryOf([localCopyName(ERIK, 'd1'), localCopyName(ERIK, 'd2'), localCopyName(ANNA, 'd3'), 'samplan:d4', localCopyName(`${ERIK}x`, 'd5'), 'other']);
    const cache = cacheOf(['/api/me', '/api/documents/d1', '/api/documents/d3', '/api/documents/d4', '/api/documents/d5']);
    expect([...(await keptDocumentIds(ERIK, factory, cache))]).toEqual(['d1']);
    expect([...(await keptDocumentIds(ERIK, factory, undefined))].sort()).toEqual(['d1', 'd2']);
    expect([...(await keptDocumentIds(ANNA, factory, cache))]).toEqual(['d3']);
  });

  it('are none where databases cannot be listed or the cache cannot be read', async () => {
    expect((await keptDocumentIds(ERIK, {}, cacheOf(['/api/documents/d1']))).size).toBe(0);
    expect((await keptDocumentIds(ERIK, undefined, undefined)).size).toBe(0);
    expect((await keptDocumentIds(ERIK, { databases: () => Promise.reject(new Error('no')) }, undefined)).size).toBe(0);
    const refusing = { open: () => Promise.reject(new Error('denied')) };
    expect((await keptDocumentIds(ERIK, factoryOf([localCopyName(ERIK, 'd1')]), refusing)).size).toBe(0);
    expect(API_CACHE).toBe('samplan-api');
  });
});
