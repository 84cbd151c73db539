import { describe, expect, it } from 'vitest';
import { createDocument, toJSON } from './model/document.js';
import { addIndicator, addStrategyGoal, setMeasurement, STRATEGY_COLLECTIONS, strategyToJSON, allStrategyGoals } from './model/strategy.js';
import { AGENDA_COLLECTIONS, agendaToJSON } from './model/agenda.js';
import { addItem, moveItem, setItemFields, toggleInSet } from './model/collections.js';
import { actionPlanToJSON, type ActionPlanJSON } from './model/action-plan.js';
import { linkedBudgets, parseLink } from './strategy-budgets.js';
import { openActionsFromPrevious, scheduleMeeting } from './agenda-schedule.js';

describe('strategy edits and linked budgets', () => {
  it('links goals to activities and sums budgets per goal and per objective', () => {
    const plan = createDocument('action-plan', {
      title: 'Plan',
      goals: [{ number: '1', title: 'M', description: '', activities: [{ id: 'a1', title: 'A', budget: 100_00 }, { id: 'a2', title: 'B', budget: 250_00 }] }],
    });
    const plans = new Map<string, ActionPlanJSON>([['plan-1', actionPlanToJSON(plan)]]);
    const doc = createDocument('strategy', { title: 'S' });
    const g1 = addStrategyGoal(doc, null, { number: '1', title: 'Energi' });
    const g2 = addStrategyGoal(doc, null, { number: '2', title: 'Transport' });
    toggleInSet(doc, STRATEGY_COLLECTIONS.goals, g1, 'objectives', 'se-01', true);
    toggleInSet(doc, STRATEGY_COLLECTIONS.goals, g2, 'objectives', 'se-01', true);
    toggleInSet(doc, STRATEGY_COLLECTIONS.goals, g2, 'objectives', 'se-02', true);
    for (const link of ['plan-1:a1', 'plan-1:a2']) toggleInSet(doc, STRATEGY_COLLECTIONS.goals, g1, 'links', link, true);
    toggleInSet(doc, STRATEGY_COLLECTIONS.goals, g2, 'links', 'plan-1:a2', true);
    const budgets = linkedBudgets(strategyToJSON(doc), plans);
    expect(budgets.byGoal).toEqual({ [g1]: 350_00, [g2]: 250_00 });
    // a2 is linked from both goals but counts once for se-01.
    expect(budgets.byObjective).toEqual({ 'se-01': 350_00, 'se-02': 250_00 });
    toggleInSet(doc, STRATEGY_COLLECTIONS.goals, g1, 'links', 'plan-1:a1', false);
    expect(linkedBudgets(strategyToJSON(doc), plans).byGoal[g1]).toBe(250_00);
    expect(parseLink('doc:act')).toEqual({ documentId: 'doc', activityId: 'act' });
    expect(parseLink('nocolon')).toBeNull();
  });

  it('sets and removes yearly measurements by year', () => {
    const doc = createDocument('strategy', { title: 'S' });
    const goal = addStrategyGoal(doc, null, { number: '1', title: 'G' });
    const indicator = addIndicator(doc, goal, { name: 'Utsläpp', unit: 't', direction: 'decrease', baselineYear: 2020, baselineValue: 100, targetYear: 2030, targetValue: 50 });
    setMeasurement(doc, indicator, 2024, { value: 80, source: 'SCB' });
    setMeasurement(doc, indicator, 2022, { value: 90, source: 'SCB' });
    setMeasurement(doc, indicator, 2024, { value: 78, source: 'SCB rev.' });
    const measurements = () => allStrategyGoals(strategyToJSON(doc))[0]?.indicators[0]?.measurements;
    expect(measurements()).toEqual([
      { year: 2022, value: 90, source: 'SCB' },
      { year: 2024, value: 78, source: 'SCB rev.' },
    ]);
    setMeasurement(doc, indicator, 2022, null);
    expect(measurements()?.map((m) => m.year)).toEqual([2024]);
  });
});

describe('agenda schedule', () => {
  const doc = createDocument('agenda', {
    title: 'Träffar',
    meetings: [
      { title: 'Ett', date: '2027-03-01', start: '09:00', end: '10:00', location: '', link: '', items: [
        { title: 'A', minutes: 20, actions: [{ text: 'Öppen', owner: 'Ola', due: null, done: false }, { text: 'Klar', owner: 'Ola', due: null, done: true }] },
        { title: 'B', minutes: 30 },
      ] },
      { title: 'Två', date: '2027-04-01', start: '13:00', end: '14:00', location: '', link: '', items: [] },
    ],
  });

  it('derives clock times from durations and marks overrun', () => {
    const agenda = agendaToJSON(doc);
    const first = agenda.meetings[0];
    if (!first) throw new Error('no meeting');
    expect(scheduleMeeting(first).items.map((i) => [i.start, i.end, i.overrun])).toEqual([
      ['09:00', '09:20', false],
      ['09:20', '09:50', false],
    ]);
    const itemB = first.items[1]?.id ?? '';
    setItemFields(doc, AGENDA_COLLECTIONS.items, itemB, { minutes: 55 });
    const again = scheduleMeeting(agendaToJSON(doc).meetings[0] ?? first);
    expect(again.items[1]).toMatchObject({ end: '10:15', overrun: true });
    expect(again.overrunMinutes).toBe(15);
  });

  it('brings open action items of the previous meeting to the next', () => {
    const agenda = agendaToJSON(doc);
    const second = agenda.meetings[1]?.id ?? '';
    expect(openActionsFromPrevious(agenda, second).map((a) => a.text)).toEqual(['Öppen']);
    expect(openActionsFromPrevious(agenda, agenda.meetings[0]?.id ?? '')).toEqual([]);
  });

  it('adds and reorders items within their meeting', () => {
    const meetingId = agendaToJSON(doc).meetings[1]?.id ?? '';
    const x = addItem(doc, AGENDA_COLLECTIONS.items, { meetingId, title: 'X', minutes: 10, presenter: '', notes: '' });
    addItem(doc, AGENDA_COLLECTIONS.items, { meetingId, title: 'Y', minutes: 10, presenter: '', notes: '' });
    moveItem(doc, AGENDA_COLLECTIONS.items, x, 1);
    const json = toJSON(doc);
    if (json?.kind !== 'agenda') throw new Error('not an agenda');
    expect(json.meetings[1]?.items.map((i) => i.title)).toEqual(['Y', 'X']);
  });
});
