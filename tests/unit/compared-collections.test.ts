/**
 * COMPARED_COLLECTIONS names exactly the collections `flatten` files each kind's items under:
 * the history route answers a `?collection=` filter from it (400 for any other name), so a
 * collection missing there would make its history unreachable. Checked on the demo content,
 * which has an item of every collection of every kind.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_AGENDA, DEMO_STRATEGY } from '../../server/demo/content.js';
import { COMPARED_COLLECTIONS, flatten } from '../../shared/compare/flatten.js';
import { createDocument, toJSON } from '../../shared/model/document.js';
import { importPlanTable } from '../../shared/table/import.js';
import { readSample } from '../support/samples.js';

const DOCUMENTS = [
  ['action-plan', () => createDocument('action-plan', importPlanTable(readSample('handlingsplan-smaland.tsv')).plan)],
  ['strategy', () => createDocument('strategy', DEMO_STRATEGY)],
  ['agenda', () => createDocument('agenda', DEMO_AGENDA)],
] as const;

describe('COMPARED_COLLECTIONS', () => {
  it.each(DOCUMENTS)('%s: the collections of its items, every one', (kind, make) => {
    const collections = new Set(flatten(toJSON(make())).map((item) => item.collection));
    expect([...collections].sort()).toEqual([...COMPARED_COLLECTIONS[kind]].sort());
  });
});
