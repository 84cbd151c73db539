/**
 * Issue 17 item 2 ("wrap, don't clip"), from a fresh user test: a 200-letter word in an
 * activity title ran over Budget and Ansvar in the plan table, and "1 000 000 000 000 kr" was
 * drawn over the Ansvar column of the presentation view. The class: no text — a long word in
 * any field, the largest amount — reaches past its cell or widens the page, in the editor
 * (read by a viewer, and by an editor outside the field) and in the presentation view, at a
 * phone's and two laptops' widths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';
import { readSample } from '../support/samples.js';
import type { TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The Småland sample with one word too long for any column in each text field of 1.1, and the largest plausible-looking amount. */
function planWithLongWords(): string {
  return readSample('handlingsplan-smaland.tsv')
    .replace('1.1 Energikartläggning av skolor och förskolor', `1.1 ${'Å'.repeat(190)}`)
    .replace('- Gemensam upphandling av energikartläggning - Rapport per kommun', 'x'.repeat(600))
    .replace('420 000\tFastighetsnätverket', `1 000 000 000 000\t${'Fastighetsnätverket'.repeat(8)}`)
    .replace('Mål 2 Fossilfria transporter', `Mål 2 ${'Fossilfria'.repeat(15)} transporter`);
}

/** Cells whose content reaches past them (drawn over the next column), named by their first characters. */
function overflowingCells(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(sel)]
        // A header row hidden from sight (cards at 390 px: clipped to 1 px) holds nothing to read.
        .filter((cell) => cell.getBoundingClientRect().width > 0 && (cell.closest('thead')?.getBoundingClientRect().height ?? 2) > 1)
        .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
        .map((cell) => `${cell.tagName}.${cell.className}: ${(cell.textContent ?? '').trim().slice(0, 24)}`),
    selector,
  );
}

const WIDTHS = [390, 1280, 1440] as const;

describe('long words and large amounts stay inside their cells', () => {
  it('in the plan editor, as a viewer reads it, and in the presentation view, at 390, 1 280 and 1 440 px', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const lena = await signedInContext(browser, server, 'lena@demo.samplan.se');
    const me = await anna.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const response = await anna.api.request('POST', `/api/workspaces/${me.workspaces[0]?.id ?? ''}/import?title=Långa%20ord`, planWithLongWords(), {
      'content-type': 'text/tab-separated-values',
    });
    expect(response.status).toBe(201);
    const doc = ((await response.json()) as { id: string }).id;
    const page = await lena.context.newPage();
    const problems: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/d/${doc}`);
      await page.locator('[data-status="online"]').waitFor();
      await page.locator('[data-total="planned"]').waitFor();
      await page.locator('.plan-table tbody tr').first().waitFor();
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (pageWidth > width) problems.push(`editor ${width}: page ${pageWidth} px wide`);
      for (const cell of await overflowingCells(page, '.plan-table td, .plan-table th, .goal-fields > *')) problems.push(`editor ${width}: ${cell}`);
      await page.screenshot({ path: `/tmp/samplan-long-words-${width}.png` });

      await page.goto(`${server.url}/d/${doc}/present`);
      await page.locator('.present [data-status="online"]').waitFor();
      const presentWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (presentWidth > width) problems.push(`present ${width}: page ${presentWidth} px wide`);
      for (const cell of await overflowingCells(page, '.present-plan td, .present-plan th, .present-totals dd')) problems.push(`present ${width}: ${cell}`);
      await page.screenshot({ path: `/tmp/samplan-long-words-present-${width}.png` });
    }
    expect(problems).toEqual([]);
    await Promise.all([anna.context.close(), lena.context.close()]);
  });
});
