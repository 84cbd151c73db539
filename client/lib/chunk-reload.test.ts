import { describe, expect, it } from 'vitest';
import { claimReload, installChunkReload, isChunkLoadError, RELOAD_GUARD_MS, RELOAD_KEY, type ReloadHost } from './chunk-reload.js';

/** A tab: its sessionStorage survives reloads; reloads are counted. */
function fakeTab() {
  const stored = new Map<string, string>();
  let listener: ((event: Event) => void) | undefined;
  const tab = {
    reloads: 0,
    sessionStorage: { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) },
    location: { reload: () => void (tab.reloads += 1) },
    addEventListener: (_type: 'vite:preloadError', l: (event: Event) => void) => void (listener = l),
    fail: () => {
      const event = new Event('vite:preloadError', { cancelable: true });
      listener?.(event);
      return event.defaultPrevented;
    },
    stored,
  };
  return tab;
}

describe('reload once when a lazy chunk fails', () => {
  it('reloads on the first failure and handles the event', () => {
    const tab = fakeTab();
    installChunkReload(tab satisfies ReloadHost, () => 1_000_000);
    expect(tab.fail()).toBe(true);
    expect(tab.reloads).toBe(1);
    expect(tab.stored.get(RELOAD_KEY)).toBe('1000000');
  });

  // [what, ms since the last reload, reloads again]
  const cases: Array<[string, number, boolean]> = [
    ['right after the reload (the chunk is still missing): no loop', 0, false],
    ['within the guard', RELOAD_GUARD_MS - 1, false],
    ['after the guard (a later deploy)', RELOAD_GUARD_MS, true],
    ['much later', 24 * 3_600_000, true],
  ];
  it.each(cases)('a second failure %s', (_what, after, again) => {
    const tab = fakeTab();
    let now = 5_000_000;
    installChunkReload(tab, () => now);
    tab.fail();
    now += after;
    expect(tab.fail()).toBe(again);
    expect(tab.reloads).toBe(again ? 2 : 1);
  });

  it('never reloads in a loop however often the chunk fails', () => {
    const tab = fakeTab();
    let now = 0;
    installChunkReload(tab, () => now);
    for (let i = 0; i < 100; i++) {
      now += 500;
      tab.fail();
    }
    expect(tab.reloads).toBe(Math.ceil((100 * 500) / RELOAD_GUARD_MS));
  });

  it.each([
    ['storage that throws', { getItem: () => { throw new Error('denied'); }, setItem: () => undefined }],
    ['storage that cannot write', { getItem: () => null, setItem: () => { throw new Error('quota'); } }],
  ])('does not reload with %s (no guard could be kept)', (_what, storage) => {
    expect(claimReload(storage, 1)).toBe(false);
  });

  it('treats a clock that went back as a new failure, not a guard forever', () => {
    const storage = fakeTab().sessionStorage;
    storage.setItem(RELOAD_KEY, String(10_000_000));
    expect(claimReload(storage, 1_000)).toBe(true);
  });
});

describe('which errors are a chunk that did not load', () => {
  it.each([
    ['Chromium', new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:8931/assets/DocumentPage-Bx1.js'), true],
    ['Firefox', new TypeError('error loading dynamically imported module: http://x/assets/DocumentPage-Bx1.js'), true],
    ['Safari', new TypeError('Importing a module script failed.'), true],
    ['Vite CSS preload', new Error('Unable to preload CSS for /assets/DocumentPage-Bx1.css'), true],
    ['a string', 'Failed to fetch dynamically imported module: /assets/a.js', true],
    ['a page bug', new TypeError("Cannot read properties of undefined (reading 'goals')"), false],
    ['a failed API call', new Error('Failed to fetch'), false],
    ['nothing', undefined, false],
    ['an object', { message: 'Failed to fetch dynamically imported module' }, false],
  ])('%s', (_what, error, chunk) => {
    expect(isChunkLoadError(error)).toBe(chunk);
  });
});
