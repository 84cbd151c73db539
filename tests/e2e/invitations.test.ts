/**
 * Invitations are links, in real Chromium (issue 16 item 3): a coordinator invites, keeps
 * the chosen role between invitations, copies the link; a new person opens it, signs up,
 * comes back to it and lands in the workspace; used and revoked links say so in Swedish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { email } from '../support/api.js';
import type { TestServer } from '../support/server.js';
import { launchBrowser } from './support/browser.js';
import { signedInContext, startE2eServer } from './support/fixture.js';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Invites `address` through the form and returns the link the page shows. */
async function inviteThroughForm(page: Page, address: string): Promise<string> {
  const shown = page.getByTestId('invite-link').locator('input');
  const before = (await shown.count()) > 0 ? await shown.inputValue() : '';
  await page.getByLabel('E-postadress').fill(address);
  await page.getByRole('button', { name: 'Bjud in' }).click();
  const box = page.getByTestId('invite-link');
  await expect.poll(() => box.locator('input').inputValue()).not.toBe(before);
  await expect.poll(() => box.textContent()).toContain(address);
  return box.locator('input').inputValue();
}

describe('inviting by link', () => {
  it('a coordinator invites; a new person opens the link, signs up, accepts and lands in the workspace', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    await anna.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const me = await anna.api.json<{ workspaces: Array<{ id: string; name: string }> }>('GET', '/api/me');
    const ws = me.workspaces[0]?.id ?? '';
    const page = await anna.context.newPage();
    await page.goto(`${server.url}/w/${ws}`);
    const role = page.locator('form select[name="role"]');
    // A new form offers the least role, never coordinator.
    await expect.poll(() => role.inputValue()).toBe('viewer');
    await role.selectOption('editor');

    const invitee = email('ny');
    const link = await inviteThroughForm(page, invitee);
    expect(link).toMatch(new RegExp(`^${server.url}/invite/[A-Za-z0-9_-]{32}$`));
    // The role the coordinator chose stays for the next invitation.
    expect(await role.inputValue()).toBe('editor');
    await expect.poll(() => page.locator('ul.invitations li', { hasText: invitee }).count()).toBe(1);
    await page.getByRole('button', { name: 'Kopiera länk' }).click();
    await page.getByText('Länken är kopierad.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    const newcomer = await browser.newContext({ locale: 'sv-SE' });
    const guest = await newcomer.newPage();
    await guest.goto(link);
    await guest.getByText('Du är inbjuden till arbetsytan Klimatnätverket Småland som redaktör.').waitFor();
    await guest.getByRole('link', { name: 'Skapa konto' }).click();
    await guest.getByLabel('Namn').fill('Nina Nykomling');
    await guest.getByLabel('E-postadress').fill(email('nina'));
    await guest.getByLabel('Lösenord').fill('ett-bra-lösenord');
    await guest.getByRole('button', { name: 'Skapa konto' }).click();
    // Back on the invitation, signed in.
    await guest.getByText('Du är inloggad som Nina Nykomling').waitFor();
    await guest.getByRole('button', { name: 'Acceptera inbjudan' }).click();
    await guest.getByRole('heading', { name: 'Klimatnätverket Småland' }).waitFor();
    expect(new URL(guest.url()).pathname).toBe(`/w/${ws}`);
    expect(await guest.locator('.workspace .role').first().textContent()).toBe('redaktör');

    // The link was single use: opened again, it says so.
    await guest.goto(link);
    await guest.getByText('Inbjudan har redan använts.', { exact: false }).waitFor();
    await Promise.all([anna.context.close(), newcomer.close()]);
  });

  it('a revoked link says so, in Swedish', async () => {
    const anna = await signedInContext(browser, server, 'anna@demo.samplan.se');
    const me = await anna.api.json<{ workspaces: Array<{ id: string }> }>('GET', '/api/me');
    const page = await anna.context.newPage();
    await page.goto(`${server.url}/w/${me.workspaces[0]?.id ?? ''}`);
    const invitee = email('aterkallad');
    const link = await inviteThroughForm(page, invitee);
    const row = page.locator('ul.invitations li', { hasText: invitee });
    await row.getByRole('button', { name: 'Återkalla' }).click();
    await expect.poll(() => row.count()).toBe(0);
    // The dead link is no longer offered to copy.
    await expect.poll(() => page.getByTestId('invite-link').count()).toBe(0);

    const guestContext = await browser.newContext({ locale: 'sv-SE' });
    const guest = await guestContext.newPage();
    await guest.goto(link);
    await guest.getByRole('alert').getByText('Inbjudan har återkallats av samordnaren.').waitFor();
    expect(await guest.getByRole('button', { name: 'Acceptera inbjudan' }).count()).toBe(0);
    await Promise.all([anna.context.close(), guestContext.close()]);
  });
});
