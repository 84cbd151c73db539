/**
 * A guest's last visit (guest-source.ts; docs/versions.md): kept per link under a key that
 * never holds the token, always a time the server gave, and storage that throws (private
 * mode, full) is "never visited", not an error. Seeded tokens: the key class, not one token.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { guestSeenKey, guestSource } from './guest-source.js';
import { versionsApi, type ChangesSince } from './versions-api.js';

/** A deterministic base64url token of `newToken()`'s length (32 characters), from `seed`. */
function token(seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let x = seed * 2654435761 + 1;
  let out = '';
  for (let i = 0; i < 32; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += alphabet[(x >>> 16) % 64];
  }
  return out;
}

function storage(fail = false) {
  const items = new Map<string, string>();
  const localStorage = {
    getItem: (k: string) => {
      if (fail) throw new Error('SecurityError');
      return items.get(k) ?? null;
    },
    setItem: (k: string, v: string) => {
      if (fail) throw new Error('QuotaExceededError');
      items.set(k, v);
    },
  };
  vi.stubGlobal('window', { localStorage });
  return items;
}

const list = (at: string): ChangesSince => ({ changes: [], from: { kind: 'none', at: null }, to: { at } });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('guestSeenKey', () => {
  it('over 2 000 seeded tokens: stable, never holds the token or a quarter of it, distinct per token', () => {
    const keys = new Set<string>();
    for (let seed = 0; seed < 2_000; seed++) {
      const t = token(seed);
      const key = guestSeenKey(t);
      expect(key).toBe(guestSeenKey(t));
      expect(key).toMatch(/^samplan:guest-seen:[0-9a-f]{16}$/);
      expect(key).not.toContain(t.slice(0, 8));
      keys.add(key);
    }
    expect(keys.size).toBe(2_000);
  });
});

describe('guestSource', () => {
  it('a first visit asks without since; marking read keeps the list\'s to.at; the next visit asks since it', async () => {
    const items = storage();
    const changes = vi.spyOn(versionsApi, 'sharedChanges').mockResolvedValue(list('2027-03-15T10:00:00.000Z'));
    const source = guestSource(token(1));
    await source.changesSince();
    expect(changes).toHaveBeenLastCalledWith(token(1), null);
    await source.markRead('2027-03-15T10:05:00.000Z');
    expect([...items.values()]).toEqual(['2027-03-15T10:05:00.000Z']);
    await source.changesSince();
    expect(changes).toHaveBeenLastCalledWith(token(1), '2027-03-15T10:05:00.000Z');
    // Another link of the same browser has its own last visit.
    await guestSource(token(2)).changesSince();
    expect(changes).toHaveBeenLastCalledWith(token(2), null);
  });

  it.each([
    ['no list shown yet: the server\'s time, never this browser\'s clock', undefined, '2027-03-15T10:00:00.000Z'],
    ['a list shown: its to.at', '2027-03-15T09:00:00.000Z', '2027-03-15T09:00:00.000Z'],
  ])('markRead with %s', async (_what, at, kept) => {
    const items = storage();
    vi.spyOn(versionsApi, 'sharedChanges').mockResolvedValue(list('2027-03-15T10:00:00.000Z'));
    await guestSource(token(3)).markRead(at);
    expect([...items.values()]).toEqual([kept]);
  });

  it('storage that throws is a first visit, and marking read does not fail', async () => {
    storage(true);
    const changes = vi.spyOn(versionsApi, 'sharedChanges').mockResolvedValue(list('2027-03-15T10:00:00.000Z'));
    const source = guestSource(token(4));
    await source.changesSince();
    expect(changes).toHaveBeenLastCalledWith(token(4), null);
    await expect(source.markRead('2027-03-15T10:00:00.000Z')).resolves.toBeUndefined();
  });

  it('a stored value that is not a time is ignored', async () => {
    const items = storage();
    items.set(guestSeenKey(token(5)), 'igår');
    const changes = vi.spyOn(versionsApi, 'sharedChanges').mockResolvedValue(list('2027-03-15T10:00:00.000Z'));
    await guestSource(token(5)).changesSince();
    expect(changes).toHaveBeenLastCalledWith(token(5), null);
  });
});
