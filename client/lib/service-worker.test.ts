/**
 * The offline app shell's registration (issue 17 item 12): which answers are asked again once
 * the worker controls the page, so a document opened on the first visit opens offline too.
 */
import { describe, expect, it } from 'vitest';
import { isOfflineNeeded, registerServiceWorker, type WorkerHost } from './service-worker.js';

const ORIGIN = 'https://samplan.example';

describe('isOfflineNeeded', () => {
  it.each([
    [`${ORIGIN}/api/me`, true],
    [`${ORIGIN}/api/documents/d1`, true],
    [`${ORIGIN}/api/documents/d1?x=1`, true],
    [`${ORIGIN}/api/documents/d1/export.json`, false],
    [`${ORIGIN}/api/documents/d1/export.tsv`, false],
    [`${ORIGIN}/api/me/export`, false],
    [`${ORIGIN}/api/me/sessions`, false],
    [`${ORIGIN}/api/shared/tok`, false],
    [`${ORIGIN}/assets/index-abc.js`, false],
    ['https://elsewhere.example/api/me', false],
    [`${ORIGIN}.evil.example/api/me`, false],
  ])('%s → %s', (url, expected) => {
    expect(isOfflineNeeded(url, ORIGIN)).toBe(expected);
  });
});

function fakeHost(controlled: boolean, requested: string[]) {
  const listeners: Array<() => void> = [];
  const fetched: string[] = [];
  const registered: string[] = [];
  const host: WorkerHost = {
    origin: ORIGIN,
    serviceWorker: {
      controller: controlled ? ({} as ServiceWorker) : null,
      register: async (url: string | URL) => {
        registered.push(String(url));
        return {} as ServiceWorkerRegistration;
      },
      addEventListener: (type: string, listener: unknown) => {
        if (type === 'controllerchange' && typeof listener === 'function') listeners.push(listener as () => void);
      },
    },
    requested: () => requested,
    fetch: async (url) => fetched.push(url),
  };
  return { host, listeners, fetched, registered };
}

describe('registerServiceWorker', () => {
  it('on the first visit, asks the offline-needed calls again once the worker takes control, each once', () => {
    const requested = [`${ORIGIN}/api/me`, `${ORIGIN}/api/documents/d1`, `${ORIGIN}/api/me`, `${ORIGIN}/api/documents/d1/export.json`, `${ORIGIN}/assets/a.js`];
    const fake = fakeHost(false, requested);
    registerServiceWorker(fake.host);
    expect(fake.registered).toEqual(['/sw.js']);
    expect(fake.fetched).toEqual([]);
    fake.listeners.forEach((listener) => listener());
    expect(fake.fetched).toEqual([`${ORIGIN}/api/me`, `${ORIGIN}/api/documents/d1`]);
  });

  it('asks nothing again when a worker already controls the page (its calls went through it)', () => {
    const fake = fakeHost(true, [`${ORIGIN}/api/me`]);
    registerServiceWorker(fake.host);
    expect(fake.listeners).toEqual([]);
    expect(fake.registered).toEqual(['/sw.js']);
  });

  it('does nothing where there are no service workers', () => {
    expect(() => registerServiceWorker({ origin: ORIGIN, requested: () => [], fetch: async () => undefined })).not.toThrow();
  });
});
