/**
 * User test U14 item 2: a viewer's agenda fields looked editable (an input's border and
 * background) and a long one-line value was cut at the field's edge. Now, for a viewer at
 * 390 and 1 440 px, every text field of the demo agenda says it is read-only (readonly or
 * aria-readonly), draws no input border, and shows its whole text: a long place wraps
 * inside its field instead of being clipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';
import type { ApiClient } from '../support/api.js';

let server: TestServer;
let browser: Browser;
let agenda = '';
const LONG_PLACE = 'Växjö, Kommunhuset, stora sammanträdesrummet på plan fyra med ingång från Västra Esplanaden och hiss vid receptionen';

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  const anna = await signedInContext(browser, server, 'anna@demo.samplan.se', { serviceWorkers: 'block' });
  agenda = await demoAgenda(anna.api);
  const page = await anna.context.newPage();
  await open(page);
  const place = page.locator('section.meeting').first().getByLabel('Plats', { exact: true });
  await place.fill(LONG_PLACE);
  await place.press('Tab');
  await anna.context.close();
  // The server has it once a fresh viewer's page shows it (checked in each test).
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function demoAgenda(api: ApiClient): Promise<string> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const ws = await api.json<{ documents: Array<{ id: string; kind: string }> }>('GET', `/api/workspaces/${me.workspaces[0]?.id}`);
  return ws.documents.find((d) => d.kind === 'agenda')?.id ?? '';
}

async function open(page: Page): Promise<void> {
  await page.goto(`${server.url}/d/${agenda}`);
  await page.locator('[data-status="online"]').waitFor();
  await page.locator('.agenda-item').first().waitFor();
}

interface FieldLook {
  label: string;
  readOnly: boolean;
  border: boolean;
  clipped: boolean;
}

/** Each text field in the agenda's meetings: read-only?, a visible border?, text cut off? */
function textFieldLooks(page: Page): Promise<FieldLook[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('section.meeting .field :is(input:not([type]), input[type="text"], textarea, [role="textbox"])')]
      .filter((el) => el.closest('[aria-hidden="true"]') === null)
      .map((el) => {
        const style = getComputedStyle(el);
        const drawn = (side: 'Top' | 'Bottom') =>
          style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' &&
          parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 &&
          !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(style.getPropertyValue(`border-${side.toLowerCase()}-color`));
        return {
          label: document.getElementById(`${el.id}-label`)?.textContent ?? el.id,
          readOnly: (el as HTMLInputElement).readOnly === true || el.getAttribute('aria-readonly') === 'true',
          border: drawn('Top') || drawn('Bottom'),
          clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
        };
      }),
  );
}

describe('a viewer’s agenda fields', () => {
  for (const width of [390, 1440]) {
    it(`look read-only and show long text whole at ${width} px`, async () => {
      const { context } = await signedInContext(browser, server, 'lena@demo.samplan.se', { serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await open(page);
      const place = page.locator('section.meeting').first().getByLabel('Plats', { exact: true });
      await expect.poll(() => place.evaluate((el) => (el as HTMLInputElement).value ?? el.textContent)).toBe(LONG_PLACE);
      const looks = await textFieldLooks(page);
      expect(looks.length).toBeGreaterThan(10);
      expect(looks.filter((f) => !f.readOnly || f.border || f.clipped)).toEqual([]);
      // The long place takes more than one line: wrapped, not cut.
      const lines = await place.evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
      expect(lines).toBeGreaterThan(1.5);
      await context.close();
    });
  }
});
