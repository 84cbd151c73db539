/**
 * Issue 19, a live workshop on the demo agenda with three browsers: Anna facilitates
 * (coordinator), Erik takes part (editor) in a browser whose clock is 5 minutes fast, Lena
 * watches (viewer). Follow moves Erik and leaving follow stops it; the timer reads the same in
 * both clocks; hands queue in the order raised; a dot-vote round in which Erik and Lena vote
 * ranks the items for everyone once Anna closes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';
import { readmeShot } from './support/screenshots.js';
import type { ApiClient } from '../support/api.js';
import type { TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
let anna: Page;
let erik: Page;
let lena: Page;
let agendaId = '';
const contexts: BrowserContext[] = [];

const FIVE_MINUTES = 5 * 60_000;

/**
 * Shifts this context's clock: `Date.now()` and `new Date()` run `shiftMs` off the real
 * time (the server's), the way a badly set laptop would. Ahead, not behind: a clock behind
 * would read a fresh timer as not begun yet (capped at its duration), so only a fast clock
 * shows a wrong remaining time at once when the server's time is not used. Playwright's own clock would also
 * freeze timers; this shifts only what a wrong system clock shifts.
 */
function shiftClock(shiftMs: number): string {
  return `(() => {
    const RealDate = Date;
    const shift = ${shiftMs};
    class ShiftedDate extends RealDate {
      constructor(...args) { if (args.length === 0) super(RealDate.now() + shift); else super(...args); }
      static now() { return RealDate.now() + shift; }
    }
    globalThis.Date = ShiftedDate;
  })();`;
}

async function demoAgenda(api: ApiClient): Promise<string> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  return ws.documents.find((d) => d.kind === 'agenda')?.id ?? '';
}

async function openAgenda(page: Page): Promise<void> {
  await page.goto(`${server.url}/d/${agendaId}`);
  await page.locator('[data-status="online"]').waitFor();
  await page.locator('.agenda-item').first().waitFor();
}

const inViewport = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const box = document.querySelector(sel)?.getBoundingClientRect();
    return box !== undefined && box.bottom > 0 && box.top < window.innerHeight;
  }, selector);

/** The facilitator spotlights `value` (`collection:id`): choose it, then "Lyft fram". */
async function spotlight(page: Page, value: string): Promise<void> {
  await page.locator('[data-spotlight-select]').selectOption(value);
  await page.locator('[data-spotlight-commit]').click();
}

const remaining = async (page: Page) => Number(await page.locator('[data-timer]').getAttribute('data-remaining'));

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  const a = await signedInContext(browser, server, 'anna@demo.samplan.se');
  const e = await signedInContext(browser, server, 'erik@demo.samplan.se');
  const l = await signedInContext(browser, server, 'lena@demo.samplan.se');
  contexts.push(a.context, e.context, l.context);
  await e.context.addInitScript(shiftClock(FIVE_MINUTES));
  agendaId = await demoAgenda(a.api);
  [anna, erik, lena] = await Promise.all([a.context.newPage(), e.context.newPage(), l.context.newPage()]);
  await Promise.all([openAgenda(anna), openAgenda(erik), openAgenda(lena)]);
  await anna.getByRole('button', { name: 'Starta arbetspass' }).click();
  await erik.locator('[data-session-strip]').waitFor();
  // Three browsers opening the agenda at once on a two-core machine: more than the default minute.
}, 180_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('a workshop on the agenda', () => {
  it('follow moves the participant to the spotlit item; after "Sluta följa" it no longer does, "Följ igen" does again', async () => {
    const items = await anna.locator('.agenda-item[data-item]').evaluateAll((els) => els.map((el) => el.getAttribute('data-item') ?? ''));
    const last = items[items.length - 1] ?? '';
    const first = items[0] ?? '';
    expect(items.length).toBeGreaterThan(2);
    await erik.evaluate(() => window.scrollTo(0, 0));
    await spotlight(anna, `items:${last}`);
    await erik.locator(`[data-item="${last}"][data-spotlit]`).waitFor();
    await expect.poll(() => inViewport(erik, `[data-item="${last}"]`)).toBe(true);
    await expect.poll(() => erik.locator('[data-spotlight-label]').textContent()).toContain('I fokus:');

    await erik.getByRole('button', { name: 'Sluta följa' }).click();
    await erik.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await spotlight(anna, `items:${first}`);
    // Marked for Erik too (it is in the document), but his page stays where he is.
    await erik.locator(`[data-item="${first}"][data-spotlit]`).waitFor();
    expect(await inViewport(erik, `[data-item="${first}"]`)).toBe(false);
    // Anna sees that Erik does not follow.
    await expect.poll(() => anna.locator('.session-org', { hasText: 'Erik Redaktör' }).textContent()).toContain('(följer inte)');

    await erik.getByRole('button', { name: 'Följ igen' }).click();
    await expect.poll(() => inViewport(erik, `[data-item="${first}"]`)).toBe(true);
  });

  it('the timer shows the same remaining time in a browser whose clock is 5 minutes fast', async () => {
    // Bracketed by this process's readings of the same system clock (a second either side for
    // two clocks' rounding), not bounded by how long a slow page takes to answer.
    const before = Date.now();
    const skew = await erik.evaluate(() => Date.now());
    const after = Date.now();
    expect(skew).toBeGreaterThanOrEqual(before + FIVE_MINUTES - 1_000);
    expect(skew).toBeLessThanOrEqual(after + FIVE_MINUTES + 1_000);
    await anna.getByLabel('Minuter (fri timer)').fill('10');
    const clicked = Date.now();
    await anna.getByRole('button', { name: 'Starta fri timer' }).click();
    await erik.locator('[data-timer]').waitFor();
    // Bounds from the time this run took (whole seconds, +1 for the display's rounding), not
    // fixed ones a loaded machine outlasts: a 5-minute skew is 300 s off either way.
    const seconds = (since: number) => Math.ceil((Date.now() - since) / 1000);
    for (let i = 0; i < 3; i++) {
      const read = Date.now();
      const [a, e] = await Promise.all([remaining(anna), remaining(erik)]);
      expect(a).toBeGreaterThanOrEqual(600 - seconds(clicked) - 1);
      expect(a).toBeLessThanOrEqual(600);
      expect(Math.abs(a - e)).toBeLessThanOrEqual(1 + seconds(read));
    }
    expect(await erik.locator('[data-timer]').textContent()).toMatch(/\d\d:\d\d kvar/);
    await anna.getByRole('button', { name: 'Pausa' }).click();
    await expect.poll(() => erik.locator('[data-timer]').textContent()).toContain('pausad');
  });

  it('hands queue in the order raised, and the facilitator lowers one', async () => {
    await lena.getByRole('button', { name: 'Räck upp handen' }).click();
    await anna.locator('[data-hand]').first().waitFor();
    await erik.getByRole('button', { name: 'Räck upp handen' }).click();
    await expect.poll(() => anna.locator('[data-hand]').evaluateAll((els) => els.map((el) => el.textContent?.replace('Sänk', '').trim()))).toEqual(['Lena Politiker', 'Erik Redaktör']);
    await anna.getByRole('button', { name: 'Sänk Lena Politikers hand' }).click();
    await lena.getByRole('button', { name: 'Räck upp handen' }).waitFor();
    // Focus goes to the next hand's button, not to the top of the page.
    await expect.poll(() => anna.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Sänk Erik Redaktörs hand');
    await expect.poll(() => anna.locator('[data-hand]').count()).toBe(1);
    await erik.getByRole('button', { name: 'Ta ner handen' }).click();
    await expect.poll(() => anna.locator('[data-hand]').count()).toBe(0);
    // The running session (bar, strip, timer, people) passes axe for the facilitator and a participant.
    expect(await seriousAxeViolations(anna)).toEqual([]);
    expect(await seriousAxeViolations(erik)).toEqual([]);
  });

  it('a dot-vote round: the participant and the viewer vote, the facilitator closes it, and everyone sees the ranking', async () => {
    const items = await anna.locator('.agenda-item[data-item]').evaluateAll((els) => els.slice(0, 4).map((el) => el.getAttribute('data-item') ?? ''));
    await anna.getByText('Ny prickröstning').click();
    await anna.getByLabel('Rubrik').fill('Vad är viktigast?');
    const form = anna.locator('.session-round-form');
    const boxes = form.locator('fieldset input[type="checkbox"]');
    for (const index of [0, 1, 2, 3]) await boxes.nth(index).check();
    await form.getByLabel('Anonym röstning').uncheck();
    await anna.getByRole('button', { name: 'Öppna röstning' }).click();

    const vote = async (page: Page, plus: Array<[string, number]>) => {
      const round = page.locator('[data-round]');
      await round.waitFor();
      await expect.poll(() => round.locator('[data-dots-left]').textContent()).toContain('3 prickar kvar');
      // An empty ballot is not sent.
      expect(await round.getByRole('button', { name: 'Skicka röst' }).isDisabled()).toBe(true);
      expect(await round.textContent()).toContain('Du har inte placerat några prickar');
      for (const [id, times] of plus) for (let i = 0; i < times; i++) await round.locator(`[data-ballot-item="items:${id}"] button`).last().click();
      await round.getByRole('button', { name: 'Skicka röst' }).click();
      await expect.poll(() => round.getByRole('status').textContent()).toContain('Din röst är sparad');
    };
    await vote(erik, [[items[1] ?? '', 2], [items[0] ?? '', 1]]);
    expect(await erik.locator(`[data-ballot-item="items:${items[0]}"] [data-dots]`).textContent()).toBe('1 prick');
    await vote(lena, [[items[1] ?? '', 1], [items[2] ?? '', 2]]);
    await expect.poll(() => anna.locator('[data-voters]').getAttribute('data-voters'), { timeout: 10_000 }).toBe('2');
    // Not anonymous: the facilitator sees who voted what; a participant does not.
    await expect.poll(() => anna.locator('[data-ballots]').textContent(), { timeout: 10_000 }).toContain('Lena Politiker');
    expect(await anna.locator('[data-ballots]').textContent()).toContain('Erik Redaktör');
    expect(await erik.locator('[data-ballots]').count()).toBe(0);

    await anna.getByRole('button', { name: 'Stäng röstning' }).click();
    for (const page of [anna, erik, lena]) {
      await page.locator('[data-results] [data-rank="1"]').waitFor();
      expect(await page.locator('[data-results] [data-rank="1"]').getAttribute('data-result')).toBe(`items:${items[1]}`);
      expect(await page.locator('[data-results] [data-rank="1"]').textContent()).toContain('Prioritet 1');
      expect(await page.locator('[data-results] canvas').count()).toBeGreaterThan(0);
      // Nobody gave the fourth item a dot: no priority, in the list and on the item.
      await expect.poll(() => page.locator('[data-results] [data-rank="4"]').textContent()).toContain('0 prickar – ingen prioritet');
      expect(await page.locator('[data-results] [data-rank="4"]').textContent()).not.toContain('Prioritet');
      await expect.poll(() => page.locator(`.agenda-item[data-item="${items[1]}"] [data-priority]`).textContent()).toBe('Prioritet 1');
      expect(await page.locator(`.agenda-item[data-item="${items[3]}"] [data-priority]`).count()).toBe(0);
    }
    await anna.evaluate(() => window.scrollTo(0, 0));
    await anna.screenshot({ path: readmeShot('facilitation-session.png') });
    expect(await lena.locator('[data-round]').count()).toBe(0);
  });

  it('the presentation view (projector) shows the spotlit item and the timer too', async () => {
    const spotlit = (await anna.locator('.agenda-item[data-item]').nth(1).getAttribute('data-item')) ?? '';
    await spotlight(anna, `items:${spotlit}`);
    await anna.getByRole('button', { name: 'Starta fri timer' }).click();
    const projector = await contexts[2]?.newPage();
    if (!projector) throw new Error('no viewer context');
    await projector.goto(`${server.url}/d/${agendaId}/present`);
    await projector.locator('.present [data-status="online"]').waitFor();
    await projector.locator(`.present-item[data-item="${spotlit}"][data-spotlit]`).waitFor();
    expect(await projector.locator('[data-timer]').textContent()).toMatch(/\d\d:\d\d kvar/);
    // Large type across the room, and the round's priority on the item.
    expect(await projector.locator('[data-timer]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(30);
    expect(await projector.locator(`.present-item[data-item="${spotlit}"] [data-priority="1"]`).count()).toBe(1);
    // The projector has no facilitator's bar, whoever is signed in.
    expect(await projector.locator('.facilitator-bar').count()).toBe(0);
    await projector.close();
  });

  it('captures a decision and an action item on the current agenda item, and the action becomes a plan activity linked both ways', async () => {
    const first = (await anna.locator('.agenda-item[data-item]').first().getAttribute('data-item')) ?? '';
    await spotlight(anna, `items:${first}`);
    const capture = anna.locator('.session-capture');
    await capture.getByLabel('Beslut').fill('Nätverket antar tidplanen');
    await capture.getByRole('button', { name: 'Lägg till beslut' }).click();
    await expect.poll(() => erik.locator(`.agenda-item[data-item="${first}"] input`).evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))).toContain('Nätverket antar tidplanen');

    await capture.getByLabel('Åtgärd').fill('Ta fram laddkarta');
    await capture.getByLabel('Ansvarig').fill('Erik');
    await capture.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    const action = capture.locator('[data-action]', { hasText: 'Ta fram laddkarta' });
    await action.getByRole('button', { name: /Gör till aktivitet/ }).click();
    const plan = action.getByLabel('Handlingsplan', { exact: true });
    await expect.poll(() => plan.locator('option').count()).toBeGreaterThan(1);
    const planId = (await plan.locator('option').nth(1).getAttribute('value')) ?? '';
    await plan.selectOption(planId);
    const goal = action.getByLabel('Mål', { exact: true });
    await expect.poll(() => goal.locator('option').count()).toBeGreaterThan(1);
    await goal.selectOption({ index: 1 });
    await action.getByRole('button', { name: 'Gör till aktivitet' }).click();
    const link = action.locator(`a[data-plan-activity^="${planId}:"]`);
    await link.waitFor();
    const activityId = ((await link.getAttribute('data-plan-activity')) ?? '').slice(planId.length + 1);
    expect(await link.getAttribute('href')).toBe(`/d/${planId}#activity-${activityId}`);
    // The agenda item itself shows the link too, for every member.
    await erik.locator(`.agenda-item[data-item="${first}"] a[href="/d/${planId}#activity-${activityId}"]`).waitFor();

    await anna.goto(`${server.url}/d/${planId}`);
    await anna.locator('[data-status="online"]').waitFor();
    const fromAgenda = anna.locator('[data-activity-source]');
    await fromAgenda.waitFor();
    expect(await fromAgenda.locator('a').getAttribute('href')).toMatch(new RegExp(`^/d/${agendaId}#action-`));
    expect(await fromAgenda.textContent()).toContain('Från agenda:');
    // Arriving by the link: the activity's row, scrolled to and marked; it links back to the action item.
    await anna.goto(`${server.url}/d/${planId}#activity-${activityId}`);
    const row = anna.locator(`tr.activity[data-activity="${activityId}"][data-link-target]`);
    await row.waitFor();
    await expect.poll(() => inViewport(anna, `tr.activity[data-activity="${activityId}"]`)).toBe(true);
    const back = row.locator('a.activity-source');
    await expect.poll(() => back.textContent()).toContain('Från agenda: Nätverksträffar 2027');
    await back.click();
    await anna.locator('[data-action-item][data-link-target]').waitFor();
    expect(anna.url()).toContain(`/d/${agendaId}#action-`);
    await expect.poll(() => inViewport(anna, '[data-action-item][data-link-target]')).toBe(true);
  });
});
