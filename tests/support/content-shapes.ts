/**
 * Issue 17, x17 findings 1 and 5a: the table of content a text or map may not hold (every
 * kind Yjs can put in a Y.Text other than a string, in a root text and in a text field; a
 * key under a text; content without a key under a map root), and of what the app writes,
 * on a strategy with a vision and one goal. Rows: what, the edit on a replica (the goal's
 * id given), and what to do to the empty replica first (to type a root otherwise).
 */
import * as Y from 'yjs';
import { addStrategyGoal } from '../../shared/model/strategy.js';
import { wholeItem } from './required-items.js';

const titleOf = (doc: Y.Doc, goal: string) => (doc.getMap('goals').get(goal) as Y.Map<unknown>).get('title') as Y.Text;
const vision = (doc: Y.Doc) => doc.getText('vision');
const asList = (name: string) => (doc: Y.Doc) => doc.getArray(name);

/** A new goal whose title gets an embed in the same update (the title is a type of the update, not of the document). */
function newGoalWithEmbed(doc: Y.Doc): void {
  doc.transact(() => {
    const title = new Y.Text('Mål');
    // Whole (required-fields.ts), so the embed is what the scan refuses.
    doc.getMap('goals').set('g2', wholeItem('action-plan', 'goals', { title }));
    title.insertEmbed(0, { a: 1 });
  });
}

export type Row = [string, (doc: Y.Doc, goal: string) => void, ((doc: Y.Doc) => void)?];

/** Every kind of content other than characters, in a root text and in a text field; keys in a text; keyless content in a map. */
export const HOSTILE: Row[] = [
  ['an embed in vision', (doc) => vision(doc).insertEmbed(1, { big: 'x'.repeat(1_000) })],
  ['a format in vision', (doc) => vision(doc).format(0, 2, { bold: true })],
  ['a formatted insert in vision', (doc) => vision(doc).insert(0, 'ab', { color: 'red' })],
  ['a nested map in vision', (doc) => vision(doc).insertEmbed(0, new Y.Map())],
  ['a nested text in vision', (doc) => vision(doc).insertEmbed(0, new Y.Text('x'))],
  ['an Any value in vision', (doc) => doc.getArray('vision').push([1]), asList('vision')],
  ['binary in vision', (doc) => doc.getArray('vision').push([new Uint8Array([1, 2])]), asList('vision')],
  ['a subdocument in vision', (doc) => doc.getArray('vision').push([new Y.Doc()]), asList('vision')],
  ['a key in vision', (doc) => doc.getMap('vision').set('x', 'y'), (doc) => doc.getMap('vision')],
  ['an embed in a goal title', (doc, goal) => titleOf(doc, goal).insertEmbed(0, { a: 1 })],
  ['a format in a goal title', (doc, goal) => titleOf(doc, goal).format(0, 1, { ['k'.repeat(50)]: 'v'.repeat(5_000) })],
  ['a formatted insert in a goal title', (doc, goal) => titleOf(doc, goal).insert(0, 'x', { bold: true })],
  ['a nested map in a goal title', (doc, goal) => titleOf(doc, goal).insertEmbed(0, new Y.Map([['a', 1]]))],
  ['a new goal whose title holds an embed', (doc) => newGoalWithEmbed(doc)],
  ['meta written as a text', (doc) => doc.getText('meta').insert(0, 'x'.repeat(100)), (doc) => doc.getText('meta')],
  ['goals written as a list', (doc) => doc.getArray('goals').push(['a', 'b']), asList('goals')],
  ['a map hidden in the focusAreas root sequence', (doc) => doc.getArray('focusAreas').push([new Y.Map()]), asList('focusAreas')],
];
export const LEGITIMATE: Row[] = [
  ['typing in vision', (doc) => vision(doc).insert(3, 'ÅÄÖ 😀')],
  ['deleting in vision', (doc) => vision(doc).delete(0, 3)],
  ['typing in a goal title', (doc, goal) => titleOf(doc, goal).insert(1, 'x')],
  ['deleting in a goal title', (doc, goal) => titleOf(doc, goal).delete(0, 1)],
  ['a new goal', (doc) => addStrategyGoal(doc, null, { number: '2', title: 'Nytt' })],
  ['deleting a goal', (doc, goal) => doc.getMap('goals').delete(goal)],
  ['the meta title', (doc) => doc.getMap('meta').set('title', 'Ny')],
];

