import { describe, expect, it } from 'vitest';
import { createDocument } from '../model/document.js';
import type { ActionPlanInit } from '../model/action-plan.js';
import { LOCALES } from '../locale.js';
import { validate } from './index.js';

type Goals = NonNullable<ActionPlanInit['goals']>;

/** A sound plan except for what `goals` says; every activity has budget, responsible and dates. */
function issuesOf(goals: Goals, locale: 'sv' | 'nb' | 'en' = 'sv') {
  const filled = goals.map((g) => ({
    ...g,
    activities: (g.activities ?? []).map((a) => ({ budget: 1_000, responsible: 'Kommunen', ...a })),
  }));
  const doc = createDocument('action-plan', { title: 'Plan', goals: filled });
  return validate(doc, { today: '2027-03-01', locale }).filter((i) => i.code === 'title.empty' || i.code.startsWith('number.'));
}
const summary = (goals: Goals) => issuesOf(goals).map((i) => `${i.code} ${i.path.join('/')}`);

describe('title.empty and number rules', () => {
  const cases: Array<{ name: string; goals: Goals; expected: string[] }> = [
    {
      name: 'a sound plan (sub-rows and free-form numbers included) raises nothing',
      goals: [
        { id: 'g1', number: '1', title: 'Ett', description: '', activities: [{ id: 'a', number: '1.1', title: 'A' }, { id: 'b', number: '1.1.1', title: 'B' }] },
        { id: 'g2', number: '2', title: 'Två', description: '', activities: [{ id: 'c', number: 'X', title: 'C' }, { id: 'd', number: '', title: 'D' }] },
      ],
      expected: [],
    },
    {
      name: 'an empty (or blank) goal and activity title',
      goals: [{ id: 'g1', number: '1', title: ' ', description: '', activities: [{ id: 'a', number: '1.1', title: '' }] }],
      expected: ['title.empty goals/g1/title', 'title.empty activities/a/title'],
    },
    {
      name: '2.3 under Mål 3 is out of place; 3.1 is not; 23.1 under Mål 2 is not 2.x',
      goals: [
        { id: 'g2', number: '2', title: 'Två', description: '', activities: [{ id: 'x', number: '23.1', title: 'X' }] },
        { id: 'g3', number: '3', title: 'Tre', description: '', activities: [{ id: 'a', number: '3.1', title: 'A' }, { id: 'b', number: '2.3', title: 'B' }] },
      ],
      expected: ['number.out-of-place activities/x/number', 'number.out-of-place activities/b/number'],
    },
    {
      name: 'two 2.4s after concurrent adds: the second is a duplicate',
      goals: [{ id: 'g2', number: '2', title: 'Två', description: '', activities: [{ id: 'a', number: '2.4', title: 'A' }, { id: 'b', number: '2.4', title: 'B' }] }],
      expected: ['number.duplicate activities/b/number'],
    },
    {
      name: 'orphans are not out of place (structure.orphan says it)',
      goals: [{ id: null, number: '', title: '', description: '', activities: [{ id: 'o', number: '5.5', title: '' }] }],
      expected: [],
    },
  ];
  for (const { name, goals, expected } of cases) {
    it(name, () => expect(summary(goals)).toEqual(expected));
  }

  it('says it in every language, naming the row and the goal', () => {
    const goals: Goals = [
      { id: 'g3', number: '3', title: '', description: '', activities: [{ id: 'b', number: '2.3', title: 'Samlastning' }, { id: 'c', number: '3.2', title: '' }] },
    ];
    const messages = Object.fromEntries(LOCALES.map((locale) => [locale, issuesOf(goals, locale).map((i) => `${i.severity}: ${i.message}`)]));
    expect(messages).toEqual({
      sv: ['warning: Målet ”3” saknar titel.', 'warning: Aktiviteten ”2.3 Samlastning” ligger under mål 3 men har ett nummer från ett annat mål.', 'warning: Aktiviteten ”3.2” saknar titel.'],
      nb: ['warning: Målet «3» mangler tittel.', 'warning: Tiltaket «2.3 Samlastning» ligger under mål 3, men har et nummer fra et annet mål.', 'warning: Tiltaket «3.2» mangler tittel.'],
      en: ['warning: The goal “3” has no title.', 'warning: The activity “2.3 Samlastning” is under goal 3 but numbered under another goal.', 'warning: The activity “3.2” has no title.'],
    });
  });
});
