/** The bench's browser windows (issue 17 item 14): what of a page reaches the display. */
import type { Page } from 'playwright-core';

/**
 * Room the window keeps above the page (px): Debian's Chromium with `--headless` (the new
 * headless mode) draws a page 87 px below its window's top, while Playwright sizes the window
 * to the emulated viewport (no insets when headless), so the page's bottom 87 px were never on
 * the display. A keystroke repainting only there made a frame without damage ("Draw skipped"),
 * presented with the next frame that had some: 300–900 ms in Event Timing (diary, 2026-11-30
 * night). 200 leaves a margin; the page still lays out at the emulated viewport.
 */
const WINDOW_FRAME_PX = 200;

/**
 * Makes the window of `page` tall enough that its whole emulated viewport is drawn on the
 * display (CDP `Browser.setWindowBounds`); call after `newPage`, before measuring paints.
 */
export async function showWholeViewport(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) return;
  const session = await page.context().newCDPSession(page);
  try {
    const { windowId } = await session.send('Browser.getWindowForTarget');
    await session.send('Browser.setWindowBounds', { windowId, bounds: { width: viewport.width, height: viewport.height + WINDOW_FRAME_PX } });
  } finally {
    await session.detach();
  }
}
