import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaToJSON, createAgenda } from '../../shared/model/agenda.js';
import { captureAction, captureDecision } from './agenda-capture.js';

/** An agenda with one meeting and one item, and that item's id. */
function agenda(): { doc: Y.Doc; itemId: string } {
  const doc = new Y.Doc();
  createAgenda(doc, { title: 'Nätverksträff', meetings: [{ title: 'Möte', date: '2027-03-01', start: '09:00', end: '12:00', location: '', link: '', items: [{ title: 'Punkt 1', presenter: '', minutes: 10, notes: '', priority: null }] }] });
  const itemId = agendaToJSON(doc).meetings[0]?.items[0]?.id ?? '';
  return { doc, itemId };
}

const form = (fields: Record<string, string>): FormData => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

const itemOf = (doc: Y.Doc) => agendaToJSON(doc).meetings[0]?.items[0];

describe('capture on the current agenda item', () => {
  it.each([
    ['a decision', { decision: ' Vi antar planen ' }, ['Vi antar planen']],
    ['blank text adds nothing', { decision: '   ' }, []],
    ['no field adds nothing', {}, []],
  ])('decision: %s', (_name, fields, texts) => {
    const { doc, itemId } = agenda();
    expect(captureDecision(doc, itemId, form(fields))).toBe(texts.length > 0);
    expect(itemOf(doc)?.decisions.map((d) => d.text)).toEqual(texts);
  });

  it.each([
    ['text, owner and a date', { action: ' Boka lokal ', owner: ' Erik ', due: '2027-04-01' }, { text: 'Boka lokal', owner: 'Erik', due: '2027-04-01' }],
    ['no date', { action: 'Skicka ut', owner: '', due: '' }, { text: 'Skicka ut', owner: '', due: null }],
    ['a date that is not YYYY-MM-DD is no date', { action: 'Ring', due: '1/4 2027' }, { text: 'Ring', owner: '', due: null }],
    ['a date with extra text is no date', { action: 'Ring', due: '2027-04-01x' }, { text: 'Ring', owner: '', due: null }],
    ['blank text adds nothing', { action: ' ', owner: 'Erik', due: '2027-04-01' }, null],
  ])('action item: %s', (_name, fields, expected) => {
    const { doc, itemId } = agenda();
    expect(captureAction(doc, itemId, form(fields))).toBe(expected !== null);
    const actions = itemOf(doc)?.actions.map(({ text, owner, due, done, planActivity }) => ({ text, owner, due, done, planActivity }));
    expect(actions).toEqual(expected ? [{ ...expected, done: false, planActivity: null }] : []);
  });
});
