/**
 * A facilitator's steps in a workshop session (DESIGN "Facilitation (any document kind)"), as the browser tests
 * take them through the page: start the session, lift an item into focus, open a dot vote.
 */
import type { Page } from 'playwright-core';

/** Clicks "Starta arbetspass" on an open plan (the page's user must be able to facilitate). */
export async function startSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Starta arbetspass' }).click();
}

/**
 * Lifts an item into focus: picks `option` in the spotlight select (a number is the option's
 * index, a string its value such as `items:<id>`) and clicks "Lyft fram". Returns the picked
 * option's text (the item's name as the select shows it).
 */
export async function spotlight(page: Page, option: number | string): Promise<string> {
  const select = page.locator('[data-spotlight-select]');
  await select.selectOption(typeof option === 'number' ? { index: option } : option);
  const name = (await select.locator('option:checked').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: 'Lyft fram', exact: true }).click();
  return name;
}

/** Opens a dot vote named `title` on the first `items` items the round form lists ("Ny prickröstning", then "Öppna röstning"). */
export async function openDotRound(page: Page, title: string, items: number): Promise<void> {
  await page.getByText('Ny prickröstning').click();
  await page.locator('.session-round-form input[name="title"]').fill(title);
  const boxes = page.locator('.session-round-form fieldset input[type="checkbox"]');
  for (let index = 0; index < items; index++) await boxes.nth(index).check();
  await page.getByRole('button', { name: 'Öppna röstning' }).click();
}
