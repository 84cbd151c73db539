/**
 * User test (fresh user, last session) item 3: a new share link said "inte använd än" after a
 * guest had opened it, until the owner reloaded. The coordinator creates a link in the panel,
 * a guest (another browser, no account) opens it, and the coordinator's list says "senast
 * använd …" without a reload; axe finds nothing serious in the panel at 390 and 1 280 px.
 */
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/browser.js';
import { freshPlan, openPlan } from './support/fixture.js';
import { useE2eSuite } from './support/suite.js';

const e2e = useE2eSuite();

describe('share link list', () => {
  it.each([390, 1280])('shows a guest’s use without a reload (%i px)', async (width) => {
    const anna = await e2e.signedIn('anna@demo.samplan.se', { viewport: { width, height: 900 } });
    const page = await anna.context.newPage();
    await openPlan(page, e2e.server, await freshPlan(anna.api, `Delad ${width}`));
    const panel = page.locator('section.share-panel');
    await panel.getByLabel('Etikett (vem länken är till)').fill('KS-ledamöter');
    await panel.getByRole('button', { name: 'Skapa länk' }).click();
    const url = e2e.onServer(await panel.getByLabel('Delad länk').inputValue());
    const item = panel.locator('li[data-share-link]', { hasText: 'KS-ledamöter' });
    await expect.poll(() => item.textContent()).toContain('inte använd än');

    const guestPage = await e2e.guestPage();
    await guestPage.goto(url);
    await guestPage.locator('.present [data-status="online"]').waitFor();

    await expect.poll(() => item.textContent()).toContain('senast använd');
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/c2-share-used-${width}.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
