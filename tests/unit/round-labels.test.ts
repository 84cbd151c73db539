/**
 * User test U14 (leftovers, item 1): a closed round's results name each item as it was when
 * the round closed. The server stores the label (`labelResults`) for every votable item of
 * every kind, as the page lists it; the client names a result by it, with the current label
 * beside it when renamed since, marked removed when gone (`resultName`).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_AGENDA, DEMO_STRATEGY } from '../../server/demo/content.js';
import { labelResults } from '../../server/facilitation/round-document.js';
import { PRIORITY_COLLECTIONS, type DocumentKind } from '../../shared/model/kinds.js';
import { createDocument } from '../../shared/model/document.js';
import { sessionItems } from '../../shared/model/session-items.js';
import { importPlanTable } from '../../shared/table/import.js';
import { resultName } from '../../client/components/facilitation/results.js';
import { readSample } from '../support/samples.js';

const DOCUMENTS: Array<[DocumentKind, () => Y.Doc]> = [
  ['action-plan', () => createDocument('action-plan', importPlanTable(readSample('handlingsplan-smaland.tsv')).plan)],
  ['strategy', () => createDocument('strategy', DEMO_STRATEGY)],
  ['agenda', () => createDocument('agenda', DEMO_AGENDA)],
];

describe('labelResults', () => {
  it.each(DOCUMENTS)('labels every votable item of a %s as the page lists it', (kind, make) => {
    const doc = make();
    const votable: readonly string[] = PRIORITY_COLLECTIONS[kind];
    const items = sessionItems(kind, doc).filter((item) => votable.includes(item.collection));
    expect(items.length).toBeGreaterThan(0);
    const results = labelResults(doc, items.map((item) => ({ collection: item.collection, id: item.id, dots: 1, voters: 1 })));
    expect(results.map((r) => r.label)).toEqual(items.map((item) => item.label));
  });

  it('leaves an item the document no longer has without a label, and keeps dots and order', () => {
    const doc = DOCUMENTS[0]?.[1]() ?? new Y.Doc();
    const results = labelResults(doc, [{ collection: 'activities', id: 'gone', dots: 4, voters: 2 }]);
    expect(results).toEqual([{ collection: 'activities', id: 'gone', dots: 4, voters: 2 }]);
  });
});

describe('resultName', () => {
  const words = { renamed: (label: string, now: string) => `${label} (nu: ${now})`, removed: (label: string) => `${label} (borttagen)` };
  it.each<[string, string | undefined, string | undefined, string]>([
    ['unchanged', '1.1 Skolor', '1.1 Skolor', '1.1 Skolor'],
    ['renamed since', '1.1 Skolor', '1.1 Nytt namn', '1.1 Skolor (nu: 1.1 Nytt namn)'],
    ['renumbered since', '1.1 Skolor', '2.1 Skolor', '1.1 Skolor (nu: 2.1 Skolor)'],
    ['removed since', '1.1 Skolor', undefined, '1.1 Skolor (borttagen)'],
    ['an older round (no stored label), item there', undefined, '1.1 Skolor', '1.1 Skolor'],
    ['an older round (no stored label), item gone', undefined, undefined, '–'],
  ])('%s', (_case, voted, current, expected) => {
    expect(resultName(voted, current, words)).toBe(expected);
  });
});
