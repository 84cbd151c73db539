/**
 * Issue icons show on every system (issue 17 item 4): no icon is an emoji or any other
 * character a font must supply — each severity is an SVG shape with a name in sv, nb and en.
 * The e2e side (icons.test.ts) checks what Chromium renders.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../i18n/messages.js';
import { ISSUE_ICONS } from './issue-icons.js';

const SEVERITIES = ['error', 'warning', 'info'] as const;
/** Characters that need an emoji or symbol font: pictographs, dingbats, symbols, arrows, geometric shapes. */
const FONT_DEPENDENT = /[\p{Extended_Pictographic}\p{Emoji_Presentation}\u2190-\u2bff\ufe0f]/u;

describe.each(SEVERITIES)('the %s icon', (severity) => {
  const icon = ISSUE_ICONS[severity];

  it('is a path of plain SVG commands, no character to draw', () => {
    expect(icon.path).toMatch(/^[MmLlHhVvAaZzCcSsQqTt0-9 .,\-]+$/);
    expect(FONT_DEPENDENT.test(icon.path)).toBe(false);
  });

  it.each(['sv', 'nb', 'en'] as const)('has a name in %s that is a word, not a symbol', (locale) => {
    const label = MESSAGES[locale][icon.label];
    expect(label.length).toBeGreaterThan(1);
    expect(FONT_DEPENDENT.test(label)).toBe(false);
  });
});

it('every severity has its own shape and its own name', () => {
  expect(new Set(SEVERITIES.map((s) => ISSUE_ICONS[s].path)).size).toBe(SEVERITIES.length);
  expect(new Set(SEVERITIES.map((s) => MESSAGES.sv[ISSUE_ICONS[s].label])).size).toBe(SEVERITIES.length);
});

it('the old characters are font-dependent (what the check catches)', () => {
  for (const old of ['⛔', '⚠', 'ℹ', '🕘']) expect(FONT_DEPENDENT.test(old)).toBe(true);
});
