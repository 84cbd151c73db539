/**
 * User test U14 item 5: versions with the same name read differently in every list — with
 * their author and minute, and with seconds where name, author and minute are all shared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/index.js';
import type { Version } from '../../versions-api.js';
import { nameShared, versionWhen, withWhen } from './version-when.js';

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  globalThis.document = { documentElement: {} } as Document;
});
afterAll(() => setLocale('sv'));

const anna = { id: 'u1', name: 'Anna Samordnare' };
const erik = { id: 'u2', name: 'Erik Redaktör' };
const version = (id: string, name: string, createdAt: string, createdBy: Version['createdBy'] = anna): Version => ({ id, name, kind: createdBy ? 'named' : 'auto', createdAt, createdBy, decision: null, restoreOf: null });

describe('versionWhen', () => {
  const cases: Array<[string, Version[]]> = [
    ['same name, same author, same minute', [version('a', 'Remiss', '2026-12-01T13:05:10Z'), version('b', 'Remiss', '2026-12-01T13:05:40Z')]],
    ['same name, other authors, same minute', [version('a', 'Remiss', '2026-12-01T13:05:10Z'), version('b', 'Remiss', '2026-12-01T13:05:10Z', erik)]],
    ['same name, other minutes', [version('a', 'Remiss', '2026-12-01T13:05:10Z'), version('b', 'Remiss', '2026-12-01T13:06:10Z')]],
    ['same name, same author, same second', [version('a', 'Remiss', '2026-12-01T13:05:10.100Z'), version('b', 'Remiss', '2026-12-01T13:05:10.900Z'), version('c', 'Remiss', '2026-12-01T13:05:10.500Z')]],
    ['automatic, no author', [version('a', 'Automatisk', '2026-12-01T13:05:10Z', null), version('b', 'Automatisk', '2026-12-01T13:05:50Z', null)]],
  ];
  for (const locale of ['sv', 'nb', 'en'] as const) {
    it.each(cases)(`${locale}: %s read differently`, (_name, versions) => {
      setLocale(locale);
      const whenOf = versionWhen(versions);
      const labels = versions.map((v) => withWhen(v.name, v, whenOf));
      expect(new Set(labels).size).toBe(versions.length);
      for (const v of versions) {
        expect(whenOf.get(v.id)).toMatch(/2026/);
        if (v.createdBy) expect(whenOf.get(v.id)).toContain(v.createdBy.name);
      }
    });
  }

  it('keeps minutes where nothing else would read the same', () => {
    setLocale('sv');
    const whenOf = versionWhen([version('a', 'Remiss', '2026-12-01T13:05:10Z'), version('b', 'Antagen', '2026-12-01T13:05:40Z')]);
    expect(whenOf.get('a')).not.toMatch(/:\d\d:\d\d/);
    expect(nameShared({ id: 'a', name: 'Remiss' }, [version('a', 'Remiss', '2026-12-01T13:05:10Z'), version('b', 'Antagen', '2026-12-01T13:05:40Z')])).toBe(false);
  });
});
