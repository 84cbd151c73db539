/**
 * User test U14, the presentation view (`/d/:doc/present`, what a workshop projects) during a
 * session. (1) Spotlighting an activity that is not its goal's first broke the plan table: the
 * row got an empty cell at its start and a 7th column outside the table. The class: whichever
 * row kind is spotlit (a goal, a goal's first activity, a later one), every cell of every row
 * stays under its own header, at 1024 and 1280 px. (3) On a phone the participants' bar named
 * the spotlit item twice (spotlight, then the timer's item) and took a quarter of the screen:
 * the name appears once, the bar is compact, and "Skicka röst" is never under it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
import { freshPlan, signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
let anna: Page;
let lena: Page;
let plan = '';
let agenda = '';
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  const a = await signedInContext(browser, server, 'anna@demo.samplan.se');
  const l = await signedInContext(browser, server, 'lena@demo.samplan.se');
  contexts.push(a.context, l.context);
  plan = await freshPlan(a.api, 'Fokus i presentationen');
  const me = await a.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await a.api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  agenda = ws.documents.find((d) => d.kind === 'agenda')?.id ?? '';
  [anna, lena] = await Promise.all([a.context.newPage(), l.context.newPage()]);
}, 180_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function startSession(id: string): Promise<void> {
  await anna.goto(`${server.url}/d/${id}`);
  await anna.locator('[data-status="online"]').waitFor();
  await anna.getByRole('button', { name: 'Starta arbetspass' }).click();
  await anna.locator('[data-spotlight-select]').waitFor();
}

async function spotlight(value: string): Promise<void> {
  await anna.locator('[data-spotlight-select]').selectOption(value);
  await anna.locator('[data-spotlight-commit]').click();
}

async function openPresent(page: Page, id: string): Promise<void> {
  await page.goto(`${server.url}/d/${id}/present`);
  await page.locator('.present [data-status="online"]').waitFor();
}

/**
 * Cells of the plan table not under their own header column: each activity row's last five
 * cells belong under headers 2–6, a goal cell under header 1 (px, ±1). Also the table wider
 * than its section (a column outside it).
 */
function misplacedCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const table = document.querySelector('table.present-plan');
    if (!table) return ['no table'];
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect());
    const out: string[] = [];
    const near = (a: number, b: number) => Math.abs(a - b) <= 1;
    const check = (cell: Element, column: number, what: string) => {
      const box = cell.getBoundingClientRect();
      const head = heads[column];
      if (!head || !near(box.left, head.left) || !near(box.right, head.right)) out.push(`${what} col ${column}: ${Math.round(box.left)}–${Math.round(box.right)} vs ${Math.round(head?.left ?? -1)}–${Math.round(head?.right ?? -1)}`);
    };
    for (const row of table.querySelectorAll('tbody tr')) {
      const cells = [...row.children];
      const label = row.getAttribute('data-number') ?? 'row';
      const goal = row.querySelector(':scope > th');
      if (goal) check(goal, 0, `${label} goal`);
      if (row.matches('.present-activity')) cells.slice(-5).forEach((cell, i) => check(cell, i + 1, label));
    }
    const section = table.closest('section')?.getBoundingClientRect();
    if (section && table.getBoundingClientRect().right > section.right + 1) out.push('table wider than its section');
    if (heads.length !== 6) out.push(`${heads.length} header cells`);
    return out;
  });
}

describe('the spotlight in the presentation view', () => {
  it('spotlighting a goal, a first activity or a later one leaves every cell under its header (1024 and 1280 px)', async () => {
    await startSession(plan);
    const options = await anna.locator('[data-spotlight-select] option').evaluateAll((els) => els.map((el) => ({ value: (el as HTMLOptionElement).value, text: el.textContent ?? '' })));
    // One of each kind: a goal, its first activity (shares the row with the goal cell), a later activity.
    const pick = (pattern: RegExp) => options.find((o) => pattern.test(o.text))?.value ?? '';
    const kinds = { goal: pick(/^3\.? \D/), first: pick(/^3\.1 /), later: pick(/^3\.2 /), laterOther: pick(/^2\.3 /) };
    expect(Object.values(kinds).every((v) => v !== '')).toBe(true);
    for (const width of [1024, 1280]) {
      await lena.setViewportSize({ width, height: 800 });
      await openPresent(lena, plan);
      await lena.locator('table.present-plan tbody tr').first().waitFor();
      expect(await misplacedCells(lena)).toEqual([]);
      for (const [kind, value] of Object.entries(kinds)) {
        await spotlight(value);
        const [collection, id] = value.split(':');
        const attribute = collection === 'goals' ? 'data-goal' : 'data-activity';
        await lena.locator(`.present [${attribute}="${id}"][data-spotlit]`).waitFor();
        expect(await misplacedCells(lena), `${kind} at ${width}px`).toEqual([]);
        // The star still marks the spotlit item (not colour alone).
        const star = await lena.locator('[data-spotlit], [data-spotlit] > tr:first-child > :last-child, tr[data-spotlit] > :last-child').evaluateAll((els) =>
          els.some((el) => getComputedStyle(el, '::before').content.includes('★')),
        );
        expect(star, `${kind} star`).toBe(true);
      }
      await lena.screenshot({ path: `/tmp/samplan-present-spotlight-${width}.png` });
      if (width === 1280) expect(await seriousAxeViolations(lena)).toEqual([]);
    }
  });
});

/** How often `text` occurs in the strip's visible text. */
const occurrences = (page: Page, text: string) =>
  page.locator('[data-session-strip]').evaluate((el, t) => (el as HTMLElement).innerText.split(t).length - 1, text);

describe('the participants\' bar on a phone', () => {
  it('names the spotlit item once, stays compact at 390×844, and leaves "Skicka röst" free', async () => {
    await startSession(agenda);
    // "Nästa punkt": the first agenda item spotlit and its timer running, as in the workshop.
    await anna.getByRole('button', { name: 'Nästa punkt' }).click();
    const label = (await anna.locator('[data-spotlight-select] option:checked').textContent()) ?? '';
    expect(label.length).toBeGreaterThan(10);
    await lena.setViewportSize({ width: 390, height: 844 });
    for (const path of ['', '/present']) {
      await lena.goto(`${server.url}/d/${agenda}${path}`);
      await lena.locator('[data-session-strip] [data-timer]').waitFor();
      await lena.locator('[data-spotlight-label]').waitFor();
      expect(await occurrences(lena, label), path).toBe(1);
      const height = await lena.locator('[data-session-strip]').evaluate((el) => el.getBoundingClientRect().height);
      expect(height, `${path} bar ${height}px`).toBeLessThanOrEqual(120);
    }
    await lena.screenshot({ path: '/tmp/samplan-strip-390.png' });
    expect(await seriousAxeViolations(lena)).toEqual([]);

    await anna.getByText('Ny prickröstning').click();
    await anna.getByLabel('Rubrik').fill('Vad ska vi lägga mest tid på?');
    const boxes = anna.locator('.session-round-form fieldset input[type="checkbox"]');
    for (const index of [0, 1, 2, 3]) await boxes.nth(index).check();
    await anna.getByRole('button', { name: 'Öppna röstning' }).click();
    for (const path of ['', '/present']) {
      await lena.goto(`${server.url}/d/${agenda}${path}`);
      const send = lena.locator('[data-round]').getByRole('button', { name: 'Skicka röst' });
      await send.waitFor();
      await lena.locator('[data-vote-notice]').waitFor();
      const height = await lena.locator('[data-session-strip]').evaluate((el) => el.getBoundingClientRect().height);
      expect(height, `${path} bar with a vote ${height}px`).toBeLessThanOrEqual(150);
      // Scrolled to the very end too: the page leaves room below for the bar.
      for (const how of ['into view', 'to the end']) {
        if (how === 'into view') await send.scrollIntoViewIfNeeded();
        else await lena.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        const [button, strip] = await Promise.all([send.boundingBox(), lena.locator('[data-session-strip]').boundingBox()]);
        if (how === 'into view' || (button && button.y < 844)) expect((button?.y ?? 0) + (button?.height ?? 0), `${path} ${how}`).toBeLessThanOrEqual(strip?.y ?? 0);
      }
    }
    await lena.screenshot({ path: '/tmp/samplan-strip-390-round.png' });
  });
});
