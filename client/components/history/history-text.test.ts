/** History lines as people read them (issue 20: "Budget ändrad av Erik Redaktör 14:02 (420 000 → 380 000 kr)"). */
import { describe, expect, it } from 'vitest';
import { historyQuery, type HistoryEntry } from './history-api.js';
import { emptyHistoryText, fieldName, historyLine } from './history-text.js';

// Local time, so "14:02" holds in whatever time zone the tests run.
const at = new Date(2027, 2, 15, 14, 2).getTime();
const sameDay = at + 60_000;
const erik = { id: 'u1', name: 'Erik Redaktör' };
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  at: new Date(at).toISOString(),
  user: erik,
  op: 'changed',
  collection: 'activities',
  id: 'a1',
  label: '1.1 Energikartläggning',
  field: 'budget',
  before: 420_000_00,
  after: 380_000_00,
  ...over,
});
/** Any kind of space (Intl groups with no-break spaces) as a plain one. */
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]/g, ' ');

// The tests run without a browser language: Swedish, the default.
describe('historyLine (sv)', () => {
  const cases: Array<[string, Partial<HistoryEntry>, string]> = [
    ['a budget, today', {}, 'Budget ändrad av Erik Redaktör 14:02 (420 000 kr → 380 000 kr)'],
    ['a text', { field: 'title', before: 'Kartläggning', after: 'Energikartläggning' }, 'Titel ändrad av Erik Redaktör 14:02 (Kartläggning → Energikartläggning)'],
    ['emptied', { field: 'responsible', before: 'Växjö', after: '' }, 'Ansvar ändrad av Erik Redaktör 14:02 (Växjö → –)'],
    ['a priority (u11: was the raw key)', { field: 'priority', before: null, after: 2 }, 'Prioritet ändrad av Erik Redaktör 14:02 (– → 2)'],
    ['a move', { op: 'moved', field: 'goalId', before: { id: 'g1', label: '1 Energi' }, after: { id: 'g2', label: '2 Transporter' } }, 'Flyttad av Erik Redaktör 14:02 (1 Energi → 2 Transporter)'],
    ['an addition', { op: 'added', field: null, before: null, after: { title: 'Ny' } }, 'Tillagd av Erik Redaktör 14:02'],
    ['a removal by the server', { op: 'removed', field: null, user: null, before: { title: 'Gammal' }, after: null }, 'Borttagen av Samplan (automatiskt) 14:02'],
    ['a deleted account', { user: { id: 'u9', name: 'Borttagen användare' } }, 'Budget ändrad av Borttagen användare 14:02 (420 000 kr → 380 000 kr)'],
  ];
  it.each(cases)('%s', (_name, over, expected) => {
    expect(plain(historyLine(entry(over), 'SEK', sameDay))).toBe(expected);
  });

  it('another day shows the date too; a long text is cut', () => {
    const line = historyLine(entry({ field: 'description', before: 'x'.repeat(200), after: 'y' }), 'SEK', at + 3 * 86_400_000);
    expect(plain(line)).toMatch(/^Beskrivning ändrad av Erik Redaktör 15 mars 2027 14:02 \(x{80}… → y\)$/);
  });

  it('names fields by their UI word, capitalised', () => {
    expect(fieldName('budget')).toBe('Budget');
    expect(fieldName('goalId')).toBe('Mål');
    expect(fieldName('responsible')).toBe('Ansvar');
  });
});

describe('historyQuery', () => {
  it.each([
    [{}, ''],
    [{ collection: 'activities', id: 'a 1' }, '?collection=activities&id=a+1'],
    [{ field: '', user: 'u1', limit: 20 }, '?user=u1&limit=20'],
    [{ from: '2027-03-15T00:00:00.000Z' }, '?from=2027-03-15T00%3A00%3A00.000Z'],
  ])('%j → %s', (filter, query) => {
    expect(historyQuery(filter)).toBe(query);
  });
});

describe('emptyHistoryText (user test: an empty period said nothing was ever saved)', () => {
  it.each([
    ['not read yet', null, 'Inga ändringar sparade än.'],
    ['no filter', {}, 'Inga ändringar sparade än.'],
    ['all people and fields (empty choices)', { user: '', field: '' }, 'Inga ändringar sparade än.'],
    ['a person', { user: 'u1' }, 'Inga ändringar matchar filtret.'],
    ['a field', { field: 'budget' }, 'Inga ändringar matchar filtret.'],
    ['a period start', { user: '', from: '2027-03-15T00:00:00.000Z' }, 'Inga ändringar matchar filtret.'],
    ['a period end', { to: '2027-03-15T23:59:59.999Z' }, 'Inga ändringar matchar filtret.'],
  ])('%s', (_name, filter, expected) => {
    expect(emptyHistoryText(filter)).toBe(expected);
  });
});
