/**
 * The export shape (DESIGN "Document schemas": "Orphans export under a goal/item entry with
 * `id: null`"): a strategy's indicators whose goal is gone export under a goal entry with
 * `id: null` — the contract audit found them under a key of their own, `orphanIndicators`.
 * Undoing it gives the model's shape back, for every kind.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument, toJSON, type DocumentJSON } from './document.js';
import { exportShape, modelShape } from './export-shape.js';
import type { StrategyJSON } from './strategy.js';

const STRATEGY = {
  title: 'Strategi',
  vision: 'Vision',
  focusAreas: [{ title: 'Område', goals: [{ number: '1', title: 'Mål', description: '', objectives: [], links: [], indicators: [] }] }],
  goals: [{ number: '2', title: 'Utan område', description: '', objectives: [], links: [], indicators: [] }],
};

/** A strategy with `orphans` indicators whose goal id names no goal, as a concurrent delete leaves them. */
function strategyWithOrphans(orphans: number): StrategyJSON {
  const doc = createDocument('strategy', STRATEGY);
  const indicators = doc.getMap<Y.Map<unknown>>('indicators');
  for (let i = 0; i < orphans; i++) {
    const indicator = new Y.Map<unknown>();
    indicators.set(`orphan-${i}`, indicator);
    for (const [key, value] of Object.entries({ goalId: 'gone', order: `a${i}`, name: `Indikator ${i}`, unit: 't', direction: 'decrease' })) indicator.set(key, value);
  }
  const json = toJSON(doc);
  if (json?.kind !== 'strategy') throw new Error('not a strategy');
  return json;
}

describe('a strategy in the export shape', () => {
  it('puts indicators whose goal is gone under a last goal entry with id null, and has no orphanIndicators', () => {
    const model = strategyWithOrphans(2);
    expect(model.orphanIndicators).toHaveLength(2);
    const exported = exportShape(model);
    expect(exported).not.toHaveProperty('orphanIndicators');
    if (exported.kind !== 'strategy') throw new Error('kind');
    const holder = exported.goals.at(-1);
    expect(holder).toMatchObject({ id: null, focusAreaId: null, number: '', title: '' });
    expect(holder?.indicators.map((i) => i.name)).toEqual(['Indikator 0', 'Indikator 1']);
    expect(exported.goals.filter((g) => g.id === null)).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(exported)).goals.at(-1).id).toBeNull();
  });

  it.each([0, 1, 3])('with %i orphaned indicators comes back to the model unchanged', (orphans) => {
    const model = strategyWithOrphans(orphans);
    expect(modelShape(exportShape(model))).toEqual(model);
  });

  it('without orphans adds no null entry', () => {
    const exported = exportShape(strategyWithOrphans(0));
    if (exported.kind !== 'strategy') throw new Error('kind');
    expect(exported.goals.every((g) => g.id !== null)).toBe(true);
  });
});

describe('other kinds', () => {
  it.each(['action-plan', 'agenda'] as const)('%s exports as the model has it (its orphans already under an id: null entry)', (kind) => {
    const json = toJSON(createDocument(kind, { title: 'T' })) as DocumentJSON;
    expect(exportShape(json)).toBe(json);
    expect(modelShape(json)).toBe(json);
  });
});
