import { describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import * as Y from 'yjs';
import { actionPlanToJSON, addGoal, updateItem } from '../../shared/model/action-plan.js';
import { createDocument } from '../../shared/model/document.js';
import { createActionPlanView, createRemoteChanges, fieldId, fieldKey } from './action-plan-view.js';
import { colorFor } from './presence.js';
import { createDocView } from './y-solid.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function plan(): Y.Doc {
  return createDocument('action-plan', {
    title: 'Plan',
    budget: { frame: 1_000 },
    goals: [{ id: 'g1', number: '1', title: 'Mål', description: '', activities: [{ id: 'a1', number: '1.1', title: 'A', budget: 100, responsible: 'X' }] }],
  });
}

describe('createDocView', () => {
  it('follows the document and keeps unchanged rows identical', async () => {
    const doc = plan();
    await createRoot(async (dispose) => {
      const view = createDocView(doc, actionPlanToJSON);
      const firstGoal = view.goals[0];
      expect(view.goals[0]?.activities[0]?.budget).toBe(100);
      updateItem(doc, 'activities', 'a1', { budget: 250 });
      await tick();
      expect(view.goals[0]?.activities[0]?.budget).toBe(250);
      expect(view.goals[0]).toBe(firstGoal);
      addGoal(doc, { number: '2', title: 'Två' });
      await tick();
      expect(view.goals.map((g) => g.number)).toEqual(['1', '2']);
      dispose();
    });
  });

  it('stops following once its owner is disposed', async () => {
    const doc = plan();
    let view: ReturnType<typeof actionPlanToJSON> | undefined;
    createRoot((dispose) => {
      view = createDocView(doc, actionPlanToJSON);
      dispose();
    });
    updateItem(doc, 'activities', 'a1', { budget: 999 });
    await tick();
    expect(view?.goals[0]?.activities[0]?.budget).toBe(100);
  });
});

describe('createActionPlanView', () => {
  it('recomputes totals and issues as the plan changes, in the chosen language', async () => {
    const doc = plan();
    await createRoot(async (dispose) => {
      // Validation runs off the keystroke path; here the scheduler runs it at once.
      const view = createActionPlanView(doc, { today: () => '2027-01-01', locale: () => 'en', isRemote: () => false, schedule: (run) => (run(), () => undefined) });
      expect(view.totals().remaining).toBe(900);
      updateItem(doc, 'activities', 'a1', { budget: 2_000 });
      await tick();
      expect(view.totals().remaining).toBe(-1_000);
      expect(view.issues().map((i) => i.code)).toEqual(['budget.over-frame']);
      expect(view.issues()[0]?.message).toMatch(/^Planned costs/);
      dispose();
    });
  });
});

describe('createRemoteChanges', () => {
  it('marks items changed by remote transactions only', () => {
    const doc = plan();
    const REMOTE = { remote: true };
    createRoot((dispose) => {
      const changed = createRemoteChanges(doc, ['goals', 'activities', 'costs'], (origin) => origin === REMOTE);
      updateItem(doc, 'activities', 'a1', { budget: 1 }, { local: true });
      expect([...changed()]).toEqual([]);
      doc.transact(() => updateItem(doc, 'activities', 'a1', { responsible: 'Y' }), REMOTE);
      expect([...changed()]).toEqual(['a1']);
      dispose();
    });
  });
});

describe('field ids and presence', () => {
  it('maps validation paths to DOM ids and presence keys', () => {
    expect(fieldId(['activities', 'a1', 'budget'])).toBe('f-activities-a1-budget');
    expect(fieldId(['indicators', 'i1', 'measurements', '2024'])).toBe('f-indicators-i1-measurements');
    expect(fieldKey(['budget', 'frame'])).toBe('budget:frame');
  });

  it('gives each user a stable colour', () => {
    expect(colorFor('user-1')).toBe(colorFor('user-1'));
    expect(colorFor('user-1')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
