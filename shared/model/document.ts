/** Kind-independent entry points: create a document of a kind, read its kind, export it. */
import * as Y from 'yjs';
import { isDocumentKind, type DocumentKind } from './kinds.js';
import { actionPlanToJSON, createActionPlan, type ActionPlanInit, type ActionPlanJSON } from './action-plan.js';
import { createStrategy, strategyToJSON, type StrategyInit, type StrategyJSON } from './strategy.js';
import { agendaToJSON, createAgenda, type AgendaInit, type AgendaJSON } from './agenda.js';

export type DocumentJSON = ActionPlanJSON | StrategyJSON | AgendaJSON;

export interface DocumentInit {
  'action-plan': ActionPlanInit;
  strategy: StrategyInit;
  agenda: AgendaInit;
}

/**
 * A new document of `kind`, written into `doc` (a fresh `Y.Doc` unless given).
 * @example const doc = createDocument('agenda', { title: 'Nätverksträffar 2027' })
 */
export function createDocument<K extends DocumentKind>(kind: K, init: DocumentInit[K], doc: Y.Doc = new Y.Doc()): Y.Doc {
  // The casts are safe: K ties `init` to `kind`, which TypeScript cannot narrow through a switch.
  switch (kind) {
    case 'action-plan':
      createActionPlan(doc, init as ActionPlanInit);
      break;
    case 'strategy':
      createStrategy(doc, init as StrategyInit);
      break;
    case 'agenda':
      createAgenda(doc, init as AgendaInit);
      break;
  }
  return doc;
}

/** The document's kind from `meta.kind`, or null for an empty or foreign document. */
export function documentKind(doc: Y.Doc): DocumentKind | null {
  const kind = doc.getMap<unknown>('meta').get('kind');
  return isDocumentKind(kind) ? kind : null;
}

/** The export shape of any document (DESIGN.md "Plain-JSON export"), or null if it has no kind. */
export function toJSON(doc: Y.Doc): DocumentJSON | null {
  switch (documentKind(doc)) {
    case 'action-plan':
      return actionPlanToJSON(doc);
    case 'strategy':
      return strategyToJSON(doc);
    case 'agenda':
      return agendaToJSON(doc);
    case null:
      return null;
  }
}
