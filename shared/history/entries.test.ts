/** Per-field history's pure parts: the changes one edit makes, and the merge rule as a table. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editSmaland, smalandIds } from '../../tests/support/smaland-edits.js';
import { createDocument, toJSON } from '../model/document.js';
import { importPlanTable } from '../table/import.js';
import { moveActivityToGoal, removeItem, updateItem } from '../model/action-plan.js';
import { compareDocuments } from '../compare/index.js';
import { HISTORY_MERGE_WINDOW_MS, historyChanges, mergesInto, type MergeCandidate } from './entries.js';

const sample = readFileSync(new URL('../samples/handlingsplan-smaland.tsv', import.meta.url), 'utf8');

describe('historyChanges', () => {
  it('lists exactly what compare lists but computed goal budgets, with field null for added and removed items', () => {
    const doc = createDocument('action-plan', importPlanTable(sample).plan);
    const before = toJSON(doc);
    const id = smalandIds(doc);
    editSmaland(doc);
    const after = toJSON(doc);
    const changes = historyChanges(before, after);
    const listed = compareDocuments(before, after).changes.filter((c) => !(c.collection === 'goals' && c.field === 'budget'));
    expect(changes).toHaveLength(listed.length);
    expect(changes).toContainEqual({ op: 'changed', collection: 'activities', id: id.a11, label: '1.1 Energikartläggning av skolor och förskolor', field: 'budget', before: 420_000_00, after: 450_000_00 });
    expect(changes.find((c) => c.op === 'removed')).toMatchObject({ id: id.a23, field: null, after: null });
    expect(changes.find((c) => c.op === 'added')).toMatchObject({ field: null, before: null });
  });

  it('lists nothing for a document that had no content before, or none after', () => {
    const json = toJSON(createDocument('agenda', { title: 'Träffar' }));
    expect(historyChanges(null, json)).toEqual([]);
    expect(historyChanges(json, null)).toEqual([]);
    expect(historyChanges(json, json)).toEqual([]);
  });
});

describe('historyChanges leaves out computed fields (a goal budget is the sum of its activities)', () => {
  const edits: Array<[string, (doc: ReturnType<typeof createDocument>) => void]> = [
    ['an activity budget', (doc) => updateItem(doc, 'activities', smalandIds(doc).a11, { budget: 455_000_00 })],
    ['an activity budget cleared', (doc) => updateItem(doc, 'activities', smalandIds(doc).a21, { budget: null })],
    ['an activity removed', (doc) => removeItem(doc, 'activities', smalandIds(doc).a23)],
    ['an activity moved to another goal', (doc) => moveActivityToGoal(doc, smalandIds(doc).a121, smalandIds(doc).goal2)],
    ['all the sample edits', (doc) => void editSmaland(doc)],
  ];
  it.each(edits)('%s: no goal budget entry, while compare still lists the goal budget delta', (_name, edit) => {
    const doc = createDocument('action-plan', importPlanTable(sample).plan);
    const before = toJSON(doc);
    edit(doc);
    const after = toJSON(doc);
    const isGoalBudget = (c: { collection: string; field?: string | null }) => c.collection === 'goals' && c.field === 'budget';
    expect(compareDocuments(before, after).changes.some(isGoalBudget)).toBe(true);
    expect(historyChanges(before, after).filter(isGoalBudget)).toEqual([]);
    expect(historyChanges(before, after).length).toBeGreaterThan(0);
  });
});

const text = (at: number, userId: string | null = 'erik', before = 'Ett', after = 'Ett två'): MergeCandidate => ({ op: 'changed', userId, at, before, after });
const W = HISTORY_MERGE_WINDOW_MS;

describe('mergesInto (same item and field, newest entry first)', () => {
  const cases: Array<[string, MergeCandidate, MergeCandidate, boolean]> = [
    ['same person, text, 1 s later', text(0), text(1_000), true],
    ['same person, text, exactly the window later', text(0), text(W), true],
    ['same person, text, past the window', text(0), text(W + 1), false],
    ['same person, text, earlier (clock went back)', text(10_000), text(0), false],
    ['another person', text(0, 'erik'), text(1_000, 'anna'), false],
    ['server change (no person) after a server change', text(0, null), text(1_000, null), false],
    ['a number', { ...text(0), before: 1, after: 2 }, { ...text(1_000), before: 2, after: 3 }, false],
    ['text then a number', text(0), { ...text(1_000), before: 'x', after: 3 }, false],
    ['to or from null', { ...text(0), after: null }, { ...text(1_000), before: null }, false],
    ['a move', { ...text(0), op: 'moved' }, { ...text(1_000), op: 'moved' }, false],
    ['an addition after a change', text(0), { ...text(1_000), op: 'added' }, false],
  ];
  it.each(cases)('%s', (_name, previous, next, expected) => {
    expect(mergesInto(previous, next)).toBe(expected);
  });
});
