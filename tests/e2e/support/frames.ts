/**
 * Waiting for the page's own events instead of for time (a flaky test is a bug): a fixed
 * `waitForTimeout` after a resize, a key press or a scroll was either too short on a loaded
 * 2-core machine (the test failed by chance) or long enough only by luck.
 */
import type { Page } from 'playwright-core';

/**
 * Resolves after the page has drawn `count` more frames. A resize's `resize` and
 * `matchMedia` handlers, and whatever a key press set off synchronously, have run and been
 * laid out by then: the browser runs them before the frame's animation callbacks.
 */
export async function afterFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(async (frames) => {
    for (let i = 0; i < frames; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  }, count);
}

/**
 * Resolves once the window's scroll position held still over three frames in a row: a
 * smooth scroll (`scrollIntoView`, focus moving) has ended, however long the machine took.
 */
export async function scrollSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let still = 0;
    let last = window.scrollY;
    while (still < 3) {
      await frame();
      still = window.scrollY === last ? still + 1 : 0;
      last = window.scrollY;
    }
  });
}
