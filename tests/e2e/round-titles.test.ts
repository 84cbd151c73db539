/**
 * User test U14 (leftovers, item 1): an older round's results must name the items as they
 * were voted on. A round ranks A, B, C; then A is renamed. The round's list and its chart's
 * text still name A by the title it had when the round closed, with the current one beside
 * it ("(nu: …)"), B and C as they are — on the page where the rename was typed and in a
 * presentation view opened after. (An item removed since: unit round-labels.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPlan } from './support/fixture.js';
import { useE2eSuite } from './support/suite.js';
import { seriousAxeViolations } from './support/browser.js';

const e2e = useE2eSuite();

/** A round's list as read: item id → the line's text after its priority badge. */
function lines(page: Page, round: string): Promise<Record<string, string>> {
  return page.locator(`[data-results="${round}"] .session-ranking li`).evaluateAll((items) =>
    Object.fromEntries(items.map((li) => [(li.getAttribute('data-result') ?? '').split(':')[1] ?? '', li.querySelector('[data-result-name]')?.textContent?.trim() ?? ''])),
  );
}

describe('an older round’s results', () => {
  it('name the items as they were voted on, with the current title when renamed', async () => {
    const anna = await e2e.signedIn('anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Omdöpt efter röstning');
    const plan = await anna.api.json<{ goals: Array<{ activities: Array<{ id: string; number: string; title: string }> }> }>('GET', `/api/documents/${doc}/export.json`);
    const [a, b, c] = plan.goals.flatMap((g) => g.activities);
    if (!a || !b || !c) throw new Error('the demo plan has three activities');
    const items = [a, b, c].map((x) => ({ collection: 'activities', id: x.id }));
    const round = (await anna.api.json<{ id: string }>('POST', `/api/documents/${doc}/rounds`, { title: 'Första', items, dotsPerPerson: 10, anonymous: false }, 201)).id;
    await anna.api.json('PUT', `/api/documents/${doc}/rounds/${round}/ballot`, { dots: { [`activities:${a.id}`]: 3, [`activities:${b.id}`]: 2, [`activities:${c.id}`]: 1 } }, 204);
    await anna.api.json('POST', `/api/documents/${doc}/rounds/${round}/close`, undefined, 200);

    const page = await anna.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${e2e.server.url}/d/${doc}`);
    await page.locator(`[data-results="${round}"] .session-ranking li`).first().waitFor();
    const title = page.locator(`[id="f-activities-${a.id}-title"]`);
    await title.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Nytt namn');
    await page.keyboard.press('Tab');

    const voted = (x: { number: string; title: string }) => `${x.number} ${x.title}`;
    const expected = {
      [a.id]: `${voted(a)} (nu: ${a.number} Nytt namn)`,
      [b.id]: voted(b),
      [c.id]: voted(c),
    };
    await expect.poll(async () => lines(page, round)).toEqual(expected);
    const present = await anna.context.newPage();
    await present.setViewportSize({ width: 1440, height: 900 });
    await present.goto(`${e2e.server.url}/d/${doc}/present`);
    await present.locator(`[data-results="${round}"] .session-ranking li`).first().waitFor();
    await expect.poll(async () => lines(present, round)).toEqual(expected);
    const summary = (await present.locator(`[data-results="${round}"] .session-chart`).getAttribute('aria-label')) ?? '';
    expect(summary).toContain(`${voted(a)} (nu: ${a.number} Nytt namn)`);
    for (const shown of [page, present]) {
      for (const width of [390, 1440]) {
        await shown.setViewportSize({ width, height: 900 });
        expect(await seriousAxeViolations(shown)).toEqual([]);
      }
    }
  });
});
