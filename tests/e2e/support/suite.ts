/**
 * The set-up most browser-test files repeat: one real server with demo data and one
 * Chromium for the whole file, every context a test opens closed at the end.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ApiClient } from '../../support/api.js';
import type { TestServer } from '../../support/server.js';
import { launchBrowser } from './browser.js';
import { signedInContext, startE2eServer, type ContextOptions } from './fixture.js';

export interface E2eSuite {
  readonly server: TestServer;
  readonly browser: Browser;
  /** Keeps `context` to be closed after the file's tests; returns it. */
  keep(context: BrowserContext): BrowserContext;
  /** A kept context signed in as the demo user `email` (see `signedInContext` for `options`). */
  signedIn(email: string, options?: ContextOptions): Promise<{ context: BrowserContext; api: ApiClient }>;
  /** A new page in a kept context signed in as `email`, e.g. a member at 390 px in `nb-NO`. */
  pageAs(email: string, options?: ContextOptions): Promise<Page>;
  /** A new page in a kept context with no account (a guest), `options` as for `signedIn`. */
  guestPage(options?: ContextOptions): Promise<Page>;
  /** A link the server made (its own origin) pointed at this test server instead. */
  onServer(url: string): string;
}

/**
 * Registers the file's `beforeAll` (server and browser started side by side; 180 s, since
 * the first start waits for other files' builds) and `afterAll` (kept contexts, browser and
 * server closed), and returns the suite. Its fields are read inside tests: they throw
 * before `beforeAll` has run.
 *
 * @example const e2e = useE2eSuite(); … const { context, api } = await e2e.signedIn('anna@demo.samplan.se');
 */
export function useE2eSuite(): E2eSuite {
  let started: { server: TestServer; browser: Browser } | undefined;
  const contexts: BrowserContext[] = [];
  const get = () => {
    if (!started) throw new Error('useE2eSuite: read before beforeAll ran');
    return started;
  };
  beforeAll(async () => {
    const [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    started = { server, browser };
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await started?.browser.close();
    await started?.server.stop();
  });
  const keep = (context: BrowserContext) => {
    contexts.push(context);
    return context;
  };
  const suite: E2eSuite = {
    get server() {
      return get().server;
    },
    get browser() {
      return get().browser;
    },
    keep,
    async signedIn(email, options) {
      const signed = await signedInContext(get().browser, get().server, email, options);
      keep(signed.context);
      return signed;
    },
    async pageAs(email, options) {
      return (await suite.signedIn(email, options)).context.newPage();
    },
    async guestPage(options = {}) {
      const { viewport = { width: 1400, height: 900 }, locale = 'sv-SE', ...rest } = options;
      return keep(await get().browser.newContext({ viewport, locale, ...rest })).newPage();
    },
    onServer: (url) => url.replace(/^https?:\/\/[^/]+/, get().server.url),
  };
  return suite;
}
