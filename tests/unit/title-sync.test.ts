/**
 * A title set over the websocket reaches the documents listing in the form `PATCH …/title`
 * would have accepted (red team F1): one line, no control, bidi control or noncharacter,
 * cut on whole characters to 200 — never the raw text, however long.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listingTitle, observeTitle } from '../../server/sync/title-sync.js';

const graphemes = (text: string) => [...new Intl.Segmenter('sv', { granularity: 'grapheme' }).segment(text)].length;

describe('listingTitle', () => {
  it.each([
    ['Plan\r\nBEGIN:VEVENT', 'Plan BEGIN:VEVENT'],
    ['A\u0000B\u0007C\u001b', 'ABC'],
    ['\u202egpj.exe', 'gpj.exe'],
    ['Plan \u2066x\u2069', 'Plan x'],
    ['  Småland 2027–2028  ', 'Småland 2027–2028'],
    ['Lone \ud800 half', 'Lone  half'],
    ['\ufffe\uffff', ''],
    ['\r\n\t', ''],
  ])('%j → %j', (raw, listed) => {
    expect(listingTitle(raw)).toBe(listed);
  });

  it.each(['A', 'å', '😀', 'e\u0301', '👍🏽'])('cuts %j × 100 000 to 200 whole characters', (unit) => {
    const listed = listingTitle(unit.repeat(100_000));
    expect(graphemes(listed)).toBe(200);
    expect(listed).toBe(unit.repeat(200));
  });
});

describe('observeTitle', () => {
  it('reports the listing form, and nothing for a title that is empty in it', () => {
    const doc = new Y.Doc();
    const seen: string[] = [];
    observeTitle(doc, 'load', (title) => seen.push(title));
    const meta = doc.getMap<unknown>('meta');
    meta.set('title', 'X'.repeat(3_500));
    meta.set('title', '\u0000\u202e');
    meta.set('title', 'Ny\ntitel');
    expect(seen).toEqual(['X'.repeat(200), 'Ny titel']);
  });
});
