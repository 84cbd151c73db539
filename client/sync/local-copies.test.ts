/**
 * Local copies are kept per person and a person's sign-out forgets exactly theirs (issue
 * 15/16: an edit typed after logout was sent by the next person to sign in, under their name).
 */
import { describe, expect, it } from 'vitest';
import { API_CACHE, clearLocalCopies, isCopyToClear, localCopyName, type DatabaseFactory } from './local-copies.js';

const ERIK = '5f1c0c43-9d6e-4f55-8a51-0f2d8f1e7a10';
const ANNA = 'a3b1e0d2-1111-4c2b-9b1e-2d7c9e0f4a22';

describe('local copy names', () => {
  it('name the person and the document, so two people never share a copy', () => {
    expect(localCopyName(ERIK, 'doc-1')).toBe(`samplan:${ERIK}:doc-1`);
    expect(localCopyName(ERIK, 'doc-1')).not.toBe(localCopyName(ANNA, 'doc-1'));
  });

  it.each([
    [localCopyName(ERIK, 'doc-1'), ERIK, true],
    [localCopyName(ERIK, 'doc-1'), ANNA, false],
    // Before copies were per person: nobody knows whose edits it holds, so it never survives a sign-out.
    ['samplan:doc-1', ANNA, true],
    ['samplan:doc-1', ERIK, true],
    // One id a prefix of another must not take the other's copies.
    [localCopyName('u10', 'doc-1'), 'u1', false],
    [localCopyName('u1', 'doc-1'), 'u1', true],
    ['other-app:doc-1', ERIK, false],
    ['samplan.locale', ERIK, false],
    ['', ERIK, false],
  ])('%s is cleared when %s signs out: %s', (name, user, cleared) => {
    expect(isCopyToClear(name, user)).toBe(cleared);
  });
});

function fakeFactory(names: string[], answer: 'onsuccess' | 'onerror' | 'onblocked' = 'onsuccess'): DatabaseFactory & { deleted: string[] } {
  const deleted: string[] = [];
  return {
    deleted,
    databases: () => Promise.resolve(names.map((name) => ({ name }))),
    deleteDatabase(name: string) {
      deleted.push(name);
      const request: Record<string, unknown> = { onsuccess: null, onerror: null, onblocked: null };
      queueMicrotask(() => (request[answer] as () => void)());
      return request as { onsuccess: unknown; onerror: unknown; onblocked: unknown };
    },
  };
}

describe('clearLocalCopies', () => {
  it('deletes the person’s copies and unowned old ones, and leaves everyone else’s', async () => {
    const factory = fakeFactory([localCopyName(ERIK, 'd1'), localCopyName(ERIK, 'd2'), localCopyName(ANNA, 'd1'), 'samplan:d3', 'unrelated']);
    expect(await clearLocalCopies(ERIK, factory)).toBe(3);
    expect(factory.deleted).toEqual([localCopyName(ERIK, 'd1'), localCopyName(ERIK, 'd2'), 'samplan:d3']);
  });

  it.each(['onerror', 'onblocked'] as const)('resolves when a deletion answers %s (another tab still has it open)', async (answer) => {
    const factory = fakeFactory([localCopyName(ERIK, 'd1')], answer);
    expect(await clearLocalCopies(ERIK, factory)).toBe(1);
  });

  it('does nothing, without failing, where databases cannot be listed', async () => {
    expect(await clearLocalCopies(ERIK, { deleteDatabase: () => ({ onsuccess: null, onerror: null, onblocked: null }) })).toBe(0);
    expect(await clearLocalCopies(ERIK, undefined)).toBe(0);
    const failing = { ...fakeFactory([]), databases: () => Promise.reject(new Error('denied')) };
    expect(await clearLocalCopies(ERIK, failing)).toBe(0);
  });
});

describe('clearLocalCopies and the service worker’s API cache', () => {
  it.each([
    ['databases listed', fakeFactory([localCopyName(ERIK, 'd1')])],
    ['databases not listable', undefined],
  ])('deletes the cached /api/me and document answers (%s)', async (_, factory) => {
    const deleted: string[] = [];
    await clearLocalCopies(ERIK, factory, { delete: async (name) => (deleted.push(name), true) });
    expect(deleted).toEqual([API_CACHE]);
  });

  it('still deletes the copies when the cache cannot be deleted', async () => {
    const factory = fakeFactory([localCopyName(ERIK, 'd1')]);
    expect(await clearLocalCopies(ERIK, factory, { delete: () => Promise.reject(new Error('denied')) })).toBe(1);
  });
});
