/**
 * User test (fresh user, last session) item 4: a member's presentation view showed the last
 * workshop's results (the closed round's chart and ranking) above the document's title. Now
 * the title comes first and the results are a section of their own after it, headings in
 * order; at 390 and 1 280 px, with axe. The results chart's names are not cut at its edges.
 */
import { describe, expect, it } from 'vitest';
import { axeRuleViolations, seriousAxeViolations } from './support/browser.js';
import { freshPlan } from './support/fixture.js';
import { useE2eSuite } from './support/suite.js';

const e2e = useE2eSuite();

describe('presentation view with a workshop’s results', () => {
  it.each([390, 1280])('has the title before the results (%i px)', async (width) => {
    const anna = await e2e.signedIn('anna@demo.samplan.se');
    const doc = await freshPlan(anna.api, `Resultat ${width}`);
    const plan = await anna.api.json<{ goals: Array<{ activities: Array<{ id: string }> }> }>('GET', `/api/documents/${doc}/export.json`);
    const ids = plan.goals.flatMap((g) => g.activities.map((a) => a.id)).slice(0, 3);
    const round = (await anna.api.json<{ id: string }>('POST', `/api/documents/${doc}/rounds`, { title: 'Prioritera', items: ids.map((id) => ({ collection: 'activities', id })), dotsPerPerson: 6, anonymous: false }, 201)).id;
    await anna.api.json('PUT', `/api/documents/${doc}/rounds/${round}/ballot`, { dots: Object.fromEntries(ids.map((id, i) => [`activities:${id}`, 3 - i])) }, 204);
    await anna.api.json('POST', `/api/documents/${doc}/rounds/${round}/close`, undefined, 200);

    const page = await e2e.pageAs('lena@demo.samplan.se', { viewport: { width, height: 900 } });
    await page.goto(`${e2e.server.url}/d/${doc}/present`);
    await page.locator('.present [data-status="online"]').waitFor();
    await page.locator('.session-results .session-ranking li').first().waitFor();
    await page.screenshot({ path: `/tmp/c2-present-results-${width}.png` });

    // Document order: the title, then the results; the results' heading below the page's.
    const order = await page.evaluate(() => {
      const title = document.querySelector('.present h1');
      const results = document.querySelector('.session-results');
      return { title: title?.textContent, titleFirst: !!title && !!results && (title.compareDocumentPosition(results) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 };
    });
    expect(order).toEqual({ title: `Resultat ${width}`, titleFirst: true });
    // The bars' names are drawn on the canvas: a name cut at its edge is ink on the edge (the
    // last, rotated name ran off the right at 390 px).
    const inkOnEdges = await page.locator('.session-chart canvas').evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d');
      const edge = (x: number, y: number, w: number, h: number) => (ctx?.getImageData(x, y, w, h).data ?? []).some((v, i) => i % 4 === 3 && v > 0);
      return { left: edge(0, 0, 1, canvas.height), right: edge(canvas.width - 1, 0, 1, canvas.height), bottom: edge(0, canvas.height - 1, canvas.width, 1) };
    });
    expect(inkOnEdges).toEqual({ left: false, right: false, bottom: false });
    expect(await axeRuleViolations(page, ['heading-order'])).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
