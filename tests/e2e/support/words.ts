/** Words that do not fit their table cells: a browser without a hyphenation dictionary breaks them mid-word. */
import type { Page } from 'playwright-core';

/**
 * Words (runs without spaces or hyphens) wider than the content box of their table cell, as
 * "word (px > px)", for the cells `cells` selects (e.g. `.present-plan tbody th, … td`). Every
 * text node in a cell counts, each in its own element's font; hidden cells (0 px wide, such as
 * a column left out at this width) are skipped.
 */
export function wordsWiderThanCell(page: Page, cells: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const canvas = document.createElement('canvas').getContext('2d');
    const found: string[] = [];
    if (!canvas) return ['no canvas'];
    for (const cell of document.querySelectorAll(selector)) {
      if (cell.clientWidth === 0) continue;
      const style = getComputedStyle(cell);
      const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      for (const part of [cell, ...cell.querySelectorAll('*')]) {
        canvas.font = getComputedStyle(part).font;
        for (const node of part.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE) continue;
          for (const word of (node.textContent ?? '').split(/[\s\-–]+/)) {
            const width = canvas.measureText(word).width;
            if (width > room + 0.5) found.push(`${word} (${Math.round(width)} > ${Math.round(room)})`);
          }
        }
      }
    }
    return found;
  }, cells);
}
