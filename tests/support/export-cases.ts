/**
 * Plans, a strategy and an agenda the export tests run every format on: both samples in
 * shared/samples (the Småland one is also the demo plan, seeded from the same file), and
 * hand-made plans for the corners of the class — no frame (remaining blank), öre, no costs,
 * a standalone cost line, an activity whose goal is gone, formula-like and quoted text,
 * an empty plan.
 */
import * as Y from 'yjs';
import type { ExportRequest } from '../../server/export/build-export.js';
import type { FileFormat } from '../../server/export/file-formats.js';
import type { Locale } from '../../shared/locale.js';
import { DEMO_AGENDA, DEMO_STRATEGY } from '../../server/demo/content.js';
import { actionPlanToJSON, addActivity, addCost, addGoal, updatePlanBudget, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { createDocument } from '../../shared/model/document.js';
import { importPlanTable } from '../../shared/table/import.js';
import { readSample } from './samples.js';

function edgePlan(): Y.Doc {
  const doc = createDocument('action-plan', { title: 'Kant "fall"; =SUMMA(A1) Åäö', subtitle: 'Rad ett\nRad två', currency: 'SEK' });
  const goal = addGoal(doc, { number: '1', title: '=HYPERLINK("http://x")', description: 'Mål; med "citat"\noch radbrytning' });
  addActivity(doc, goal, { number: '1.1', title: '-Minus först', description: '@start', budget: 123_456, responsible: '+46 70', start: '2027-02-01', end: '2027-02-01' });
  addActivity(doc, goal, { number: '1.2', title: 'Utan budget', budget: null, start: null, end: '2027-12-31' });
  addActivity(doc, 'gone', { number: '9.1', title: 'Föräldralös', budget: 5_000_050 });
  addCost(doc, { section: 'Projektledning', label: 'Samordnare', description: 'Halvtid', amount: 40_000_000 });
  addCost(doc, { section: 'Kommunikation', label: 'Tryck', description: '', amount: 1_250_075 });
  addCost(doc, { section: '', label: 'Revision', description: '', amount: 2_000_000 });
  updatePlanBudget(doc, { frame: null, frameWithIncome: null, spentBefore: 300_000, spentBeforeDate: '2026-12-31' });
  return doc;
}

function noCostsPlan(): Y.Doc {
  const doc = createDocument('action-plan', { title: 'Utan kostnader', currency: 'EUR' });
  const goal = addGoal(doc, { number: '1', title: 'Cleaner air', description: '' });
  addActivity(doc, goal, { number: '1.1', title: 'Survey', budget: 1_000_000 });
  updatePlanBudget(doc, { frame: 2_000_000 });
  return doc;
}

/** Every plan case as a Yjs document: name → doc. */
export function planCases(): Array<[string, Y.Doc]> {
  const sample = (name: 'handlingsplan-smaland.tsv' | 'handlingsplan-innherred.csv') => createDocument('action-plan', importPlanTable(readSample(name)).plan);
  return [
    ['handlingsplan-smaland.tsv (the demo plan)', sample('handlingsplan-smaland.tsv')],
    ['handlingsplan-innherred.csv', sample('handlingsplan-innherred.csv')],
    ['edge cases, no frame', edgePlan()],
    ['no costs, EUR', noCostsPlan()],
    ['empty plan', createDocument('action-plan', { title: 'Tom' })],
  ];
}

export function planJSON(doc: Y.Doc): ActionPlanJSON {
  return actionPlanToJSON(doc);
}

export const demoStrategy = (): Y.Doc => createDocument('strategy', DEMO_STRATEGY);
export const demoAgenda = (): Y.Doc => createDocument('agenda', DEMO_AGENDA);

/** A build request for `server/export` from a document. */
export function requestFor(doc: Y.Doc, format: FileFormat, extra: { meetingId?: string; locale?: Locale } = {}): ExportRequest {
  return { documentId: 'doc-1', updates: [Y.encodeStateAsUpdate(doc)], format, today: '2027-03-01', now: Date.UTC(2027, 0, 15, 12), ...extra, locale: extra.locale ?? 'sv' };
}

/** An agenda of the given meetings (no items, no link). */
export function agendaWith(...meetings: Array<{ title: string; date: string; start: string; end: string; location: string }>): Y.Doc {
  return createDocument('agenda', { title: 'Agenda', meetings: meetings.map((meeting) => ({ ...meeting, link: '' })) });
}
