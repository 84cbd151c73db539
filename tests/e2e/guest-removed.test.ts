/**
 * A share link whose document was moved to the trash says so (user report: the guest page
 * said "Länken finns inte. Kontrollera att hela länken kom med." as for a mistyped link).
 * The server answers 404 `share.document-deleted` (DESIGN: deleted is 404), and a page open
 * when the document is deleted gets its socket closed 4404: both now read "Dokumentet har
 * tagits bort" (nb, en); a mistyped link still reads "Länken finns inte …".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { freshPlan, signedInContext, startE2eServer } from './support/fixture.js';
import type { TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** A fresh plan with a share link: Anna's API, the plan and the link's address on this server. */
async function sharedPlan(title: string) {
  const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
  contexts.push(anna.context);
  const doc = await freshPlan(anna.api, title);
  const link = await anna.api.json<{ url: string }>('POST', `/api/documents/${doc}/share-links`, { label: 'Ledamöter' }, 201);
  return { api: anna.api, doc, url: link.url.replace(/^https?:\/\/[^/]+/, server.url) };
}

async function guestPage(url: string, locale: string) {
  const context = await browser.newContext({ locale });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const REMOVED: Array<[string, string, string]> = [
  ['sv-SE', 'Dokumentet har tagits bort', 'Dokumentet som länken gick till har flyttats till papperskorgen. Fråga den som delade det om det finns kvar.'],
  ['nb-NO', 'Dokumentet er slettet', 'Dokumentet lenken gikk til, er flyttet til papirkurven. Spør den som delte det om det fortsatt finnes.'],
  ['en-GB', 'The document has been removed', 'The document this link led to was moved to the trash. Ask whoever shared it whether it still exists.'],
];

describe('a share link to a document in the trash', () => {
  it.each(REMOVED)('opened after the deletion (%s): says the document was removed', async (locale, heading, help) => {
    const { api, doc, url } = await sharedPlan(`Borttagen ${locale}`);
    await api.json('DELETE', `/api/documents/${doc}`, undefined, 204);
    const page = await guestPage(url, locale);
    const gone = page.locator('[data-link-ended="removed"]');
    await gone.waitFor();
    expect(plain(await gone.locator('h1').textContent())).toBe(heading);
    expect(plain(await gone.locator('p').textContent())).toBe(help);
  });

  it('open while the document is deleted: the page says it was removed', async () => {
    const { api, doc, url } = await sharedPlan('Tas bort medan gästen läser');
    const page = await guestPage(url, 'sv-SE');
    await page.locator('.present [data-status="online"]').waitFor();
    await api.json('DELETE', `/api/documents/${doc}`, undefined, 204);
    const gone = page.locator('[data-link-ended="removed"]');
    await gone.waitFor();
    expect(plain(await gone.locator('h1').textContent())).toBe('Dokumentet har tagits bort');
  });

  it('a mistyped link still says the link does not exist', async () => {
    const page = await guestPage(`${server.url}/s/${'A'.repeat(32)}`, 'sv-SE');
    const gone = page.locator('[data-link-ended="missing"]');
    await gone.waitFor();
    expect(plain(await gone.locator('h1').textContent())).toBe('Länken finns inte. Kontrollera att hela länken kom med.');
  });
});
