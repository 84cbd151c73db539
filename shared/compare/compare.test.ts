/**
 * The change list (DESIGN "Versions, changes, the live draft"): exact output for the
 * Småland sample after one edit of each kind, and a table over every kind of document ×
 * every op, so a collection the flattening forgets fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editSmaland, smalandIds } from '../../tests/support/smaland-edits.js';
import { createDocument, toJSON } from '../model/document.js';
import { addStrategyGoal, addIndicator, setMeasurement, STRATEGY_COLLECTIONS } from '../model/strategy.js';
import { AGENDA_COLLECTIONS } from '../model/agenda.js';
import { addItem, deleteItem, setItemFields } from '../model/collections.js';
import { importPlanTable } from '../table/import.js';
import { compareDocuments } from './index.js';

const sample = readFileSync(new URL('../samples/handlingsplan-smaland.tsv', import.meta.url), 'utf8');

function smaland(): Y.Doc {
  return createDocument('action-plan', importPlanTable(sample).plan);
}

describe('compareDocuments on the Småland sample', () => {
  it('lists every edit exactly, with budget deltas per goal and in the totals', () => {
    const doc = smaland();
    const before = toJSON(doc);
    const id = smalandIds(doc);
    const added = editSmaland(doc);
    const result = compareDocuments(before, toJSON(doc));
    expect(result.changes).toEqual([
      { op: 'changed', collection: 'goals', id: id.goal1, label: expect.stringMatching(/^1 Minska energianvändningen/), field: 'budget', before: 534_500_00, after: 546_500_00 },
      { op: 'changed', collection: 'goals', id: id.goal2, label: expect.stringMatching(/^2 Fossilfria/), field: 'budget', before: 562_750_00, after: 268_000_00 },
      { op: 'changed', collection: 'goals', id: id.goal3, label: expect.stringMatching(/^3 Klimatanpassad/), field: 'budget', before: 749_000_00, after: 769_000_00 },
      { op: 'changed', collection: 'activities', id: id.a11, label: '1.1 Energikartläggning av skolor och förskolor', field: 'budget', before: 420_000_00, after: 450_000_00 },
      { op: 'changed', collection: 'activities', id: id.a21, label: '2.1 Gemensam laddplan för regionen', field: 'responsible', before: 'Region Småland + kommunerna', after: 'Region Kronoberg' },
      { op: 'changed', collection: 'activities', id: id.a21, label: '2.1 Gemensam laddplan för regionen', field: 'end', before: '2027-12-31', after: '2028-03-31' },
      {
        op: 'moved', collection: 'activities', id: id.a121, label: '1.2.1 Studiebesök hos föregångskommun', field: 'goalId',
        before: { id: id.goal1, label: expect.stringMatching(/^1 Minska/) }, after: { id: id.goal2, label: expect.stringMatching(/^2 Fossilfria/) },
      },
      {
        op: 'changed', collection: 'activities', id: id.a32, label: '3.2 Workshopserie om klimatanpassning i ÖP', field: 'description',
        before: '- Fyra workshoppar med planerare och politiker', after: '- Fem workshoppar med planerare och politiker',
      },
      { op: 'added', collection: 'activities', id: added, label: '3.3 Klimatdag för förtroendevalda', after: expect.objectContaining({ budget: 20_000_00, responsible: 'Nätverkssamordnaren', number: '3.3' }) },
      { op: 'removed', collection: 'activities', id: id.a23, label: '2.3 Samordnad varudistribution', before: expect.objectContaining({ budget: 312_750_00, start: '2027-08-15', end: '2028-06-30' }) },
    ]);
    // Minor units (öre): +30 000 − 312 750 + 20 000 kr of activities; cost lines unchanged.
    expect(result.totals?.before).toMatchObject({ activities: 1_846_250_00, costs: 1_435_000_00, planned: 3_281_250_00, remaining: 88_750_00 });
    expect(result.totals?.after).toMatchObject({ activities: 1_583_500_00, costs: 1_435_000_00, planned: 3_018_500_00, remaining: 351_500_00 });
  });

  it('finds nothing between a state and itself, and everything added from nothing', () => {
    const json = toJSON(smaland());
    expect(compareDocuments(json, json).changes).toEqual([]);
    const fromNothing = compareDocuments(null, json).changes;
    expect(fromNothing.every((change) => change.op === 'added')).toBe(true);
    expect(fromNothing.filter((change) => change.collection === 'activities')).toHaveLength(8);
    expect(compareDocuments(json, null).changes.every((change) => change.op === 'removed')).toBe(true);
  });
});

type Edit = (doc: Y.Doc) => void;
interface KindCase {
  name: string;
  make(): Y.Doc;
  /** One edit per op, each expected to show as `[op, collection, field?]`. */
  edits: Array<[string, Edit, [string, string, string?]]>;
}

const strategyDoc = () => createDocument('strategy', { title: 'Strategi', vision: 'Fossilfritt', focusAreas: [{ title: 'Energi', goals: [{ number: '1', title: 'Mindre energi', description: '', objectives: [], links: [], indicators: [] }] }, { title: 'Transporter' }] });
const agendaDoc = () => createDocument('agenda', { title: 'Träffar', meetings: [{ title: 'Vårträff', date: '2027-03-01', start: '09:00', end: '12:00', location: 'Växjö', link: '', items: [{ title: 'Inledning', decisions: [{ text: 'Beslut ett' }], actions: [] }] }, { title: 'Höstträff', date: '2027-09-01', start: '09:00', end: '12:00', location: 'Kalmar', link: '' }] });
const first = (doc: Y.Doc, root: string) => [...doc.getMap(root).keys()].sort()[0] ?? '';
const strategyIds = (doc: Y.Doc) => { const json = toJSON(doc); return json?.kind === 'strategy' ? json : null; };

const KINDS: KindCase[] = [
  {
    name: 'strategy',
    make: strategyDoc,
    edits: [
      ['vision text', (doc) => { const t = doc.getText('vision'); t.insert(t.length, ' 2030'); }, ['changed', 'document', 'vision']],
      ['goal added', (doc) => void addStrategyGoal(doc, null, { number: '2', title: 'Ny' }), ['added', 'goals']],
      ['focus area removed', (doc) => deleteItem(doc, STRATEGY_COLLECTIONS.focusAreas, strategyIds(doc)?.focusAreas[1]?.id ?? ''), ['removed', 'focusAreas']],
      ['goal moved', (doc) => setItemFields(doc, STRATEGY_COLLECTIONS.goals, strategyIds(doc)?.focusAreas[0]?.goals[0]?.id ?? '', { focusAreaId: strategyIds(doc)?.focusAreas[1]?.id }), ['moved', 'goals', 'focusAreaId']],
      ['indicator added', (doc) => void addIndicator(doc, first(doc, 'goals'), { name: 'kWh', unit: 'kWh', direction: 'decrease', baselineYear: 2020, baselineValue: 10, targetYear: 2030, targetValue: 5 }), ['added', 'indicators']],
      ['measurement added', (doc) => { const ind = addIndicator(doc, first(doc, 'goals'), { name: 'CO2', unit: 't', direction: 'decrease', baselineYear: null, baselineValue: null, targetYear: null, targetValue: null }); setMeasurement(doc, ind, 2027, { value: 3, source: 'SCB' }); }, ['added', 'measurements']],
    ],
  },
  {
    name: 'agenda',
    make: agendaDoc,
    edits: [
      ['title', (doc) => doc.getMap('meta').set('title', 'Nätverksträffar'), ['changed', 'document', 'title']],
      ['meeting changed', (doc) => setItemFields(doc, AGENDA_COLLECTIONS.meetings, first(doc, 'meetings'), { location: 'Jönköping' }), ['changed', 'meetings', 'location']],
      ['item moved', (doc) => { const json = toJSON(doc); if (json?.kind !== 'agenda') return; setItemFields(doc, AGENDA_COLLECTIONS.items, json.meetings[0]?.items[0]?.id ?? '', { meetingId: json.meetings[1]?.id }); }, ['moved', 'items', 'meetingId']],
      ['decision removed', (doc) => deleteItem(doc, AGENDA_COLLECTIONS.decisions, first(doc, 'decisions')), ['removed', 'decisions']],
      ['milestone added', (doc) => void addItem(doc, AGENDA_COLLECTIONS.milestones, { title: 'Rapport', date: '2027-12-01', done: false }), ['added', 'milestones']],
      ['participant added', (doc) => void addItem(doc, AGENDA_COLLECTIONS.participants, { name: 'Lena', organisation: 'Växjö', email: '', role: 'politician' }), ['added', 'participants']],
    ],
  },
];

describe.each(KINDS)('compareDocuments on a $name', ({ make, edits }) => {
  it.each(edits)('%s', (_name, edit, [op, collection, field]) => {
    const doc = make();
    const before = toJSON(doc);
    edit(doc);
    const changes = compareDocuments(before, toJSON(doc)).changes;
    expect(changes.length).toBeGreaterThan(0);
    expect(changes).toContainEqual(expect.objectContaining({ op, collection, ...(field ? { field } : {}) }));
    // Compared back, every added is removed and the other way round.
    const back = compareDocuments(toJSON(doc), before).changes;
    const flip: Record<string, string> = { added: 'removed', removed: 'added', changed: 'changed', moved: 'moved' };
    expect(back.map((c) => `${flip[c.op]}:${c.collection}:${c.id}:${c.field ?? ''}`).sort()).toEqual(changes.map((c) => `${c.op}:${c.collection}:${c.id}:${c.field ?? ''}`).sort());
  });
});
