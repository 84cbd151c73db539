/**
 * User test U14 item 7: an older round's results must say the priorities that round gave,
 * not the items' current ones (a later round re-ranks them). Round 1 ranks A, B, C; round 2
 * votes on C and B only, so the document's priorities become C 1, B 2, A 3. Each round's
 * result list (and its chart's text) still reads its own ranking — on a document page that
 * followed round 2 closing live, and in a presentation view opened after — while the plan
 * rows show the current priorities.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPlan } from './support/fixture.js';
import { useE2eSuite } from './support/suite.js';
import type { ApiClient } from '../support/api.js';

const e2e = useE2eSuite();

async function closedRound(api: ApiClient, doc: string, title: string, dots: Record<string, number>): Promise<string> {
  const items = Object.keys(dots).map((id) => ({ collection: 'activities', id }));
  const round = (await api.json<{ id: string }>('POST', `/api/documents/${doc}/rounds`, { title, items, dotsPerPerson: 10, anonymous: false }, 201)).id;
  await api.json('PUT', `/api/documents/${doc}/rounds/${round}/ballot`, { dots: Object.fromEntries(Object.entries(dots).map(([id, n]) => [`activities:${id}`, n])) }, 204);
  await api.json('POST', `/api/documents/${doc}/rounds/${round}/close`, undefined, 200);
  return round;
}

/** A round's ranking as read: item id → the "Prioritet n" beside it ('' without one). */
function ranking(page: Page, round: string): Promise<Record<string, string>> {
  return page.locator(`[data-results="${round}"] .session-ranking li`).evaluateAll((items) =>
    Object.fromEntries(items.map((li) => [(li.getAttribute('data-result') ?? '').split(':')[1] ?? '', li.querySelector('.priority-badge')?.textContent?.trim() ?? ''])),
  );
}

describe('an older round’s results', () => {
  it('read the priorities that round gave, not the current ones', async () => {
    const anna = await e2e.signedIn('anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Två omgångar');
    const plan = await anna.api.json<{ goals: Array<{ activities: Array<{ id: string; number: string }> }> }>('GET', `/api/documents/${doc}/export.json`);
    const [a, b, c] = plan.goals.flatMap((g) => g.activities);
    if (!a || !b || !c) throw new Error('the demo plan has three activities');
    const first = await closedRound(anna.api, doc, 'Första', { [a.id]: 3, [b.id]: 2, [c.id]: 1 });
    // One page follows live while round 2 closes; the other is opened after it.
    const live = await e2e.pageAs('lena@demo.samplan.se', { viewport: { width: 1440, height: 900 } });
    await live.goto(`${e2e.server.url}/d/${doc}`);
    await live.locator(`[data-results="${first}"] .session-ranking li`).first().waitFor();
    const second = await closedRound(anna.api, doc, 'Andra', { [c.id]: 3, [b.id]: 1 });

    for (const path of [`/d/${doc}`, `/d/${doc}/present`]) {
      const page = path === `/d/${doc}` ? live : await e2e.pageAs('lena@demo.samplan.se', { viewport: { width: 1440, height: 900 } });
      if (page !== live) await page.goto(`${e2e.server.url}${path}`);
      await page.locator(`[data-results="${first}"] .session-ranking li`).first().waitFor();
      await page.locator(`[data-results="${second}"] .session-ranking li`).first().waitFor();
      expect(await ranking(page, first)).toEqual({ [a.id]: 'Prioritet 1', [b.id]: 'Prioritet 2', [c.id]: 'Prioritet 3' });
      expect(await ranking(page, second)).toEqual({ [c.id]: 'Prioritet 1', [b.id]: 'Prioritet 2' });
      // The chart's text names the same order as its round's list.
      const summary = (await page.locator(`[data-results="${first}"] .session-chart`).getAttribute('aria-label')) ?? '';
      expect(summary.indexOf(a.number)).toBeLessThan(summary.indexOf(b.number));
      expect(summary.indexOf(b.number)).toBeLessThan(summary.indexOf(c.number));
      if (path === `/d/${doc}`) {
        // The plan rows show the current priorities: A went to 3 after round 2.
        await expect.poll(() => page.locator(`tr.activity[data-number="${a.number}"] [data-priority]`).textContent()).toBe('Prioritet 3');
        expect(await page.locator(`tr.activity[data-number="${c.number}"] [data-priority]`).textContent()).toBe('Prioritet 1');
      }
    }
  });
});
