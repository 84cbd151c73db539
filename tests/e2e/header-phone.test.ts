/**
 * The header on a phone, in every language (user test u11: at 390 px the language selector
 * was cut off — its "Norsk bokmål" clipped inside a fixed 5.75rem select). On the plan page
 * (the fullest header: connection, presence, undo/redo, account, log-out) at 390 px, in sv,
 * nb and en: the selector lies wholly inside the window, shows its longest choice whole, is
 * not covered by anything, nothing in the header reaches past the window or its header, and
 * the page does not scroll sideways. axe finds nothing serious there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let planId: string;
const SHOTS = mkdtempSync(join(tmpdir(), 'samplan-header-'));

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  const signedIn = await signedInContext(browser, server, 'anna@demo.samplan.se');
  context = signedIn.context;
  const me = await signedIn.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const docs = (await signedIn.api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`)).documents;
  planId = docs.find((d) => d.kind === 'action-plan')?.id ?? '';
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('the header at 390 px', () => {
  it.each(['sv', 'nb', 'en'] as const)('%s: the language selector is whole and in view, nothing in the header overflows', async (lang) => {
    const page = await context.newPage();
    await page.addInitScript((l) => localStorage.setItem('samplan.locale', l), lang);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/d/${planId}`);
    await page.locator('[data-status="online"]').waitFor();
    await page.locator('[data-total="planned"]').waitFor();
    await page.screenshot({ path: join(SHOTS, `header-${lang}-390.png`) });
    const found = await page.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('.app-header .language select');
      const header = document.querySelector<HTMLElement>('.app-header');
      if (!select || !header) return { missing: true } as const;
      const box = select.getBoundingClientRect();
      const style = getComputedStyle(select);
      // The longest choice, in the select's own font, must fit beside its padding and the arrow (~14 px).
      const measure = document.createElement('canvas').getContext('2d');
      if (measure) measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const widest = Math.max(...[...select.options].map((o) => measure?.measureText(o.text).width ?? 0));
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 14;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const headerBox = header.getBoundingClientRect();
      return {
        missing: false,
        box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
        widest: Math.ceil(widest),
        room: Math.floor(room),
        covered: hit !== select && !select.contains(hit),
        overflowing: [...header.querySelectorAll('*')]
          .filter((el) => !el.closest('.visually-hidden'))
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && (r.left < -1 || r.right > innerWidth + 1 || r.right > headerBox.right + 1);
          })
          .map((el) => `${el.tagName}.${el.className}`),
        headerScrolls: header.scrollWidth > header.clientWidth + 1,
        pageScrolls: document.documentElement.scrollWidth > innerWidth,
        innerWidth,
        innerHeight,
      };
    });
    expect(found.missing).toBe(false);
    if (found.missing) return;
    expect(found.box.left).toBeGreaterThanOrEqual(0);
    expect(found.box.top).toBeGreaterThanOrEqual(0);
    expect(found.box.right).toBeLessThanOrEqual(found.innerWidth);
    expect(found.box.bottom).toBeLessThanOrEqual(found.innerHeight);
    expect(found.widest, 'the longest language name fits in the select').toBeLessThanOrEqual(found.room);
    expect(found.covered).toBe(false);
    expect(found.overflowing).toEqual([]);
    expect(found.headerScrolls).toBe(false);
    expect(found.pageScrolls).toBe(false);
    await page.close();
  });

  it('axe finds nothing serious on the plan page at 390 px', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/d/${planId}`);
    await page.locator('[data-status="online"]').waitFor();
    await page.locator('[data-total="planned"]').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
