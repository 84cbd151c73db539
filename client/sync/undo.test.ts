/**
 * Undo never deletes a value (issue 15 item 10): two editors set the same budget offline,
 * both reconnect, the one whose value won presses undo. Two real Y.Docs exchange updates.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionPlanRoots, updateItem } from '../../shared/model/action-plan.js';
import { createDocument } from '../../shared/model/document.js';
import { ROOTS } from '../../shared/model/kinds.js';
import { createUndoManager, LOCAL_ORIGIN } from './undo.js';

const REMOTE = { remote: true };
const PLAN_ROOTS = ROOTS['action-plan'].maps;

/** Each doc receives what the other has and it lacks, as the server would relay it. */
function exchange(docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE);
    }
  }
}

/** A copy of `base` with a fixed client id, so which concurrent value wins is deterministic. */
function peer(base: Y.Doc, clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base), REMOTE);
  return doc;
}

function budgetOf(doc: Y.Doc): unknown {
  const activity = actionPlanRoots(doc).activities.get('a1');
  return activity instanceof Y.Map ? activity.get('budget') : 'no activity';
}

function basePlan(): Y.Doc {
  return createDocument('action-plan', {
    title: 'Plan',
    goals: [{ id: 'g1', number: '1', title: 'Mål', description: '', activities: [{ id: 'a1', number: '1.1', title: 'A', budget: 420_000 }] }],
  });
}

describe('undo after concurrent sets of one budget', () => {
  it.each([
    { first: 10, second: 20 },
    { first: 20, second: 10 },
  ])('restores an earlier value for the winner (client ids $first / $second)', ({ first, second }) => {
    const base = basePlan();
    const anna = peer(base, first);
    const erik = peer(base, second);
    const undo = { anna: createUndoManager(anna, PLAN_ROOTS), erik: createUndoManager(erik, PLAN_ROOTS) };
    updateItem(anna, 'activities', 'a1', { budget: 200_000 }, LOCAL_ORIGIN);
    updateItem(erik, 'activities', 'a1', { budget: 300_000 }, LOCAL_ORIGIN);
    exchange([anna, erik]);
    const won = budgetOf(anna);
    expect(budgetOf(erik)).toBe(won);
    const winner = won === 200_000 ? 'anna' : 'erik';
    undo[winner].undo();
    exchange([anna, erik]);
    expect([420_000, 200_000]).toContain(budgetOf(anna));
    expect(budgetOf(erik)).toBe(budgetOf(anna));
  });
});

describe('redo after such an undo', () => {
  it('brings the winning value back, and undo again restores the earlier one', () => {
    const base = basePlan();
    const anna = peer(base, 10);
    const erik = peer(base, 20);
    const undo = { anna: createUndoManager(anna, PLAN_ROOTS), erik: createUndoManager(erik, PLAN_ROOTS) };
    updateItem(anna, 'activities', 'a1', { budget: 200_000 }, LOCAL_ORIGIN);
    updateItem(erik, 'activities', 'a1', { budget: 300_000 }, LOCAL_ORIGIN);
    exchange([anna, erik]);
    const won = budgetOf(anna);
    const [winner, winnerDoc] = won === 200_000 ? [undo.anna, anna] : [undo.erik, erik];
    winner.undo();
    const undone = budgetOf(winnerDoc);
    expect([420_000, 200_000]).toContain(undone);
    expect(winner.redoStack).toHaveLength(1);
    winner.redo();
    exchange([anna, erik]);
    expect([budgetOf(anna), budgetOf(erik)]).toEqual([won, won]);
    winner.undo();
    exchange([anna, erik]);
    expect([budgetOf(anna), budgetOf(erik)]).toEqual([undone, undone]);
  });
});

describe('undo and a text editor bound to a Y.Text (user test: an undone title typed twice)', () => {
  /** A plan whose activity title is a Y.Text, a "view" kept by an observer as an editor binding is, and the manager. */
  function boundTitle() {
    const doc = basePlan();
    const undo = createUndoManager(doc, PLAN_ROOTS);
    const activity = actionPlanRoots(doc).activities.get('a1') as Y.Map<unknown>;
    const text = new Y.Text('Skolor');
    doc.transact(() => activity.set('titleText', text), REMOTE);
    const view = { shown: text.toString() };
    text.observe(() => (view.shown = text.toString()));
    const editorOrigin = { editor: true };
    undo.addTrackedOrigin(editorOrigin);
    doc.transact(() => text.delete(0, text.length), editorOrigin);
    return { undo, text, view };
  }

  it.each(['undo', 'redo'] as const)('a "popped" listener of %s sees the step already shown by every observer', (step) => {
    const { undo, text, view } = boundTitle();
    if (step === 'redo') undo.undo();
    const seen: string[] = [];
    undo.on('stack-item-popped', () => seen.push(`${text.toString()}|${view.shown}`));
    undo[step]();
    const expected = step === 'undo' ? 'Skolor' : '';
    expect(seen).toEqual([`${expected}|${expected}`]);
  });

  it('a listener that throws still leaves the step redoable, and the text once', () => {
    const { undo, text } = boundTitle();
    undo.on('stack-item-popped', () => {
      throw new RangeError('Selection points outside of document');
    });
    expect(() => undo.undo()).toThrow(RangeError);
    expect(text.toString()).toBe('Skolor');
    expect(undo.redoStack.length).toBe(1);
    expect(undo.undoStack.length).toBe(0);
  });
});
