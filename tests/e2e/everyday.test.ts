/**
 * Issue 17 in real Chromium, items 1, 3, 4 and 11: downloads download, a page that cannot
 * load says why with a way on, the header stays in view without hiding focus, every page
 * has its own title and takes focus at its heading, skip links, remote carets kept out of
 * the text screen readers read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { freshPlan, openPlan as openPlanRaw, signedInContext, startE2eServer } from './support/fixture.js';
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

interface Doc {
  id: string;
  kind: string;
  title: string;
}

async function demoDocuments(api: ApiClient): Promise<{ workspace: string; documents: Doc[] }> {
  const me = await api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
  const workspace = me.workspaces[0]?.id ?? '';
  const ws = await api.json<{ documents: Doc[] }>('GET', `/api/workspaces/${workspace}`);
  return { workspace, documents: ws.documents };
}

async function openDocument(page: Page, id: string): Promise<void> {
  await page.goto(`${server.url}/d/${id}`);
  await page.locator('[data-status="online"]').waitFor();
}

/** openPlan that, when the document never comes online, says what the page showed instead. */
async function openPlan(page: Page, srv: TestServer, id: string): Promise<void> {
  await openPlanRaw(page, srv, id).catch(async (e: unknown) => {
    console.log('document did not open:', page.url(), await page.locator('body').innerText(), await page.locator('[data-status]').getAttribute('data-status').catch(() => 'none'));
    throw e;
  });
}

const focused = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent?.trim() ?? '', id: document.activeElement?.id ?? '' }));

describe('downloads (item 1)', () => {
  it('every download link on every document kind downloads a named file and leaves the page where it was', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const plan = await freshPlan(api, 'Nedladdning Småland 2027–2028');
    const { documents } = await demoDocuments(api);
    const cases = [
      { id: plan, names: ['Nedladdning Småland 2027–2028.json', 'Nedladdning Småland 2027–2028.tsv'] },
      ...documents.filter((d) => d.kind !== 'action-plan').map((d) => ({ id: d.id, names: [] })),
    ];
    const page = await context.newPage();
    for (const { id, names } of cases) {
      await openDocument(page, id);
      const links = page.locator('a[download]');
      const count = await links.count();
      expect(count, `download links on ${id}`).toBeGreaterThan(0);
      const downloaded: string[] = [];
      for (let i = 0; i < count; i++) {
        const [download] = await Promise.all([page.waitForEvent('download'), links.nth(i).click()]);
        downloaded.push(download.suggestedFilename());
        expect((await download.failure()) ?? 'ok').toBe('ok');
        // The router did not catch the click: still the document, never "Sidan finns inte".
        expect(new URL(page.url()).pathname).toBe(`/d/${id}`);
        await expect(page.getByRole('heading', { name: 'Sidan finns inte' }).count()).resolves.toBe(0);
      }
      // Every format by the title, å/ä/ö kept (the server's filename*, issue 17 U4).
      if (id === plan) expect(downloaded.filter((name) => /\.(json|tsv)$/.test(name))).toEqual(names);
      if (id === plan) expect(new Set(downloaded.map((name) => name.replace(/\.\w+$/, '')))).toEqual(new Set(['Nedladdning Småland 2027–2028']));
      for (const name of downloaded) expect(name).toMatch(/^[^/\\]+\.(json|tsv|xlsx|csv|docx|ics)$/);
      expect(downloaded.length).toBeGreaterThan(id === plan ? 2 : 0);
    }
    await context.close();
  });
});

describe('a page that cannot load (item 3)', () => {
  it.each([
    ['an unknown document', '/d/00000000-0000-4000-8000-000000000000', 'missing', 'Dokumentet finns inte'],
    ['an unknown workspace', '/w/00000000-0000-4000-8000-000000000000', 'missing', 'Arbetsytan finns inte'],
  ])('%s says so, with a way back to the workspaces', async (_what, path, kind, text) => {
    const { context } = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const page = await context.newPage();
    await page.goto(server.url + path);
    const error = page.locator(`[data-load-error="${kind}"]`);
    await error.waitFor();
    expect(await error.getByRole('heading', { level: 1 }).textContent()).toContain(text);
    expect(await page.title()).toBe(`${text} – Samplan`);
    await error.getByRole('link', { name: 'Till arbetsytorna' }).click();
    await page.getByRole('heading', { name: 'Arbetsytor' }).waitFor();
    await context.close();
  });

  it('a document in a workspace one is not a member of is not found, not loading for ever', async () => {
    // Lena's own workspace (not Anna's: other tests import into Anna's first workspace).
    const lena = await signedInContext(browser, server, 'lena@demo.samplan.se');
    const created = await lena.api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Lenas egna' }, 201);
    const doc = await lena.api.json<{ id: string }>('POST', `/api/workspaces/${created.id}/documents`, { kind: 'agenda', title: 'Hemlig' }, 201);
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const page = await erik.context.newPage();
    for (const path of [`/d/${doc.id}`, `/w/${created.id}`]) {
      await page.goto(server.url + path);
      await page.locator('[data-load-error="missing"]').waitFor();
    }
    await Promise.all([lena.context.close(), erik.context.close()]);
  });

  it('after logging out, Back shows the sign-in page (never the signed-in page), and signing in returns there', async () => {
    const { context, api } = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const { documents } = await demoDocuments(api);
    const doc = documents.find((d) => d.kind === 'agenda')?.id ?? '';
    const page = await context.newPage();
    await openDocument(page, doc);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    // Back may restore a page from the back/forward cache: it must not show what it showed signed in.
    await page.goBack();
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    expect(await page.getByText('Laddar …').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Klimatnätverket Småland' }).count()).toBe(0);
    const next = new URL(page.url()).searchParams.get('next') ?? '/';
    await page.getByLabel('E-postadress').fill('erik@demo.samplan.se');
    await page.getByLabel('Lösenord').fill('samplan-demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(server.url + next);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await context.close();
  });

  it('signed out elsewhere (the session ended, the page still thinks it is signed in): a sign-in link that comes back', async () => {
    const { context, api } = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const { workspace } = await demoDocuments(api);
    const page = await context.newPage();
    await page.goto(`${server.url}/w/${workspace}`);
    await page.getByRole('heading', { name: 'Medlemmar' }).waitFor();
    await api.request('POST', '/api/auth/logout');
    await page.locator('.cards a').first().click();
    const error = page.locator('[data-load-error="signed-out"]');
    await error.waitFor();
    const href = await error.getByRole('link', { name: 'Logga in' }).getAttribute('href');
    expect(href).toMatch(/^\/login\?next=%2Fd%2F/);
    await context.close();
  });
});

describe('the sticky header (item 4)', () => {
  it('stays in view deep in a plan, and a field reached by keyboard is never under it', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(api, 'Klistrig rubrik');
    const page = await context.newPage();
    await openPlan(page, server, doc);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const header = await page.locator('.app-header').boundingBox();
    expect(header?.y).toBe(0);
    await expect(page.locator('[data-status="online"]').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Ångra' }).isVisible()).resolves.toBe(true);
    const headerBottom = (header?.y ?? 0) + (header?.height ?? 0);
    // Put a row's fields just under the header, then Tab into them from the field before.
    const target = page.getByLabel('Budget 1.2', { exact: true });
    const before = page.locator('#' + (await page.getByLabel('Beskrivning 1.2', { exact: true }).getAttribute('id')));
    await before.focus();
    await page.evaluate(async (bottom) => {
      const el = document.querySelector('tr.activity[data-number="1.2"]');
      window.scrollBy(0, (el?.getBoundingClientRect().top ?? 0) - bottom / 2);
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }, headerBottom);
    expect((await target.boundingBox())?.y ?? 0).toBeLessThan(headerBottom);
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page).then((f) => f.id)).toBe(await target.getAttribute('id'));
    await expect.poll(async () => (await target.boundingBox())?.y ?? 0).toBeGreaterThanOrEqual(headerBottom);
    await context.close();
  });
});

describe('titles, focus and skip links (item 11)', () => {
  it('names every page in the tab title and moves focus to its heading after navigation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    expect(await page.title()).toBe('Logga in – Samplan');
    await page.getByLabel('E-postadress').fill('anna@demo.samplan.se');
    await page.getByLabel('Lösenord').fill('samplan-demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { name: 'Arbetsytor' }).waitFor();
    expect(await page.title()).toBe('Arbetsytor – Samplan');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: 'Arbetsytor' });

    await page.getByRole('link', { name: 'Klimatnätverket Småland' }).click();
    await expect.poll(() => page.title()).toBe('Klimatnätverket Småland – Samplan');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: 'Klimatnätverket Småland' });

    await page.getByRole('link', { name: /Handlingsplan/ }).first().focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-status="online"]').waitFor();
    await expect.poll(() => page.title()).toMatch(/^Handlingsplan .* – Samplan$/);
    await expect.poll(() => focused(page).then((f) => f.tag)).toBe('H1');
    expect((await focused(page)).text).toMatch(/^Handlingsplan /);
    // The presentation view is told apart from the editor of the same document.
    await page.goto(`${page.url().replace(/\/$/, '')}/present`);
    await expect.poll(() => page.title()).toMatch(/^Handlingsplan .* – Presentationsvy – Samplan$/);
    await page.goBack();

    // Back: the workspace's heading again.
    await page.goBack();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: 'Klimatnätverket Småland' });
    // A link in the header leads to a page whose heading takes focus from it.
    await page.locator('[data-account-link]').click();
    await expect.poll(() => page.title()).toBe('Mitt konto – Samplan');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: 'Mitt konto' });
    await context.close();
  });

  it('skip links reach the content and "Att åtgärda" in two Tabs', async () => {
    const { context, api } = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const doc = await freshPlan(api, 'Hopplänkar');
    const page = await context.newPage();
    await openPlan(page, server, doc);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Hoppa till innehållet');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Hoppa till Att åtgärda');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('issues');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#issues') !== null)).toBe(true);
    await context.close();
  });

  it('keeps the remote caret’s name out of the text and announces who came instead', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const erik = await signedInContext(browser, server, 'erik@demo.samplan.se');
    const doc = await freshPlan(anna.api, 'Skärmläsare');
    const [pageA, pageB] = await Promise.all([anna.context.newPage(), erik.context.newPage()]);
    await openPlan(pageA, server, doc);
    await openPlan(pageB, server, doc);
    await expect.poll(() => pageA.locator('[data-presence-news]').textContent()).toContain('Erik Redaktör har öppnat dokumentet');
    const description = (page: Page) => page.getByRole('textbox', { name: 'Beskrivning 1.1', exact: true });
    await description(pageA).click();
    await description(pageB).click();
    await pageA.keyboard.press('End');
    await pageA.keyboard.type(' (Anna)');
    await expect.poll(() => pageB.locator('.cm-ySelectionInfo', { hasText: 'Anna Samordnare' }).count()).toBe(1);
    const carets = await pageB.locator('.cm-ySelectionCaret').evaluateAll((els) => els.map((el) => el.getAttribute('aria-hidden')));
    expect(carets.length).toBeGreaterThan(0);
    expect(carets.every((hidden) => hidden === 'true')).toBe(true);
    // What a screen reader reads of the text: everything not under aria-hidden.
    const read = await description(pageB).evaluate((box) => {
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest('[aria-hidden="true"]')) text += node.textContent ?? '';
      return text;
    });
    expect(read).toContain('(Anna)');
    expect(read).not.toContain('Anna Samordnare');
    await Promise.all([anna.context.close(), erik.context.close()]);
  });
});
