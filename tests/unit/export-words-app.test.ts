/**
 * An export says what the app says (user test u13: the xlsx read "Kvar att planera" where the
 * editor and GLOSSARY.md say "Kvar att fördela"). Every word an export shares with the editor
 * by name reads the same, but those the plan table's layout fixes (DESIGN "Plan table":
 * the budget frame's row labels, the column header "Nr") or that name a shorter column.
 */
import { describe, expect, it } from 'vitest';
import { EXPORT_WORDS } from '../../server/export/labels.js';
import { editorEn, editorNb, editorSv } from '../../client/i18n/editor-messages.js';

const EDITOR = { sv: editorSv, nb: editorNb, en: editorEn } as const;
/** Table words DESIGN's plan-table layout gives (its labels are read back by the import), and the period heading. */
const TABLE_WORDS = new Set(['number', 'frame', 'frameWithIncome', 'period']);

describe.each(['sv', 'nb', 'en'] as const)('export words in %s', (locale) => {
  const exportWords = EXPORT_WORDS[locale] as unknown as Record<string, unknown>;
  const editorWords = EDITOR[locale] as unknown as Record<string, unknown>;
  const shared = Object.keys(exportWords).filter((key) => key in editorWords && typeof exportWords[key] === 'string' && !TABLE_WORDS.has(key));

  it('share some words with the editor (the check is not empty)', () => {
    expect(shared.length).toBeGreaterThan(5);
  });

  it.each(shared)('%s reads as in the editor', (key) => {
    expect(exportWords[key]).toBe(editorWords[key]);
  });
});
