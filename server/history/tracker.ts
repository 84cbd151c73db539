/**
 * What history compares of a shadow document, kept between runs (docs/history.md "How a run
 * is derived"). An action plan is tracked item by item (plan-tracker.ts): a run costs what
 * it touched. Strategies and agendas are compared whole after each run (`WholeTracker`).
 */
import type * as Y from 'yjs';
import { historyChangesBetween, historyState, type HistoryChange, type HistoryState } from '../../shared/history/entries.js';
import { documentKind, toJSON } from '../../shared/model/document.js';
import type { DocumentKind } from '../../shared/model/kinds.js';
import { PlanTracker } from './plan-tracker.js';
import type { Touched } from './touched.js';

export interface HistoryTracker {
  /** The kind it reads the document as; another kind needs a new tracker (`createTracker`). */
  readonly kind: DocumentKind | null;
  /** Items flattened so far (compare's FlatItem built from the document): the work a run costs. */
  readonly flattened: number;
  /**
   * The changes since the previous step, given what the updates applied since touched
   * (`touched`, cleared by the caller afterwards); the state after becomes the next before.
   */
  step(doc: Y.Doc, touched: Touched): HistoryChange[];
}

/** Compares the whole document after each run: toJSON and flatten of every item. */
export class WholeTracker implements HistoryTracker {
  flattened = 0;
  readonly kind: DocumentKind | null;
  private state: HistoryState;

  constructor(doc: Y.Doc) {
    this.kind = documentKind(doc);
    this.state = this.read(doc);
  }

  step(doc: Y.Doc): HistoryChange[] {
    const after = this.read(doc);
    const changes = historyChangesBetween(this.state, after);
    this.state = after;
    return changes;
  }

  private read(doc: Y.Doc): HistoryState {
    const state = historyState(toJSON(doc));
    this.flattened += state?.length ?? 0;
    return state;
  }
}

/** A tracker for `doc` as it is now; null while it is not a document yet (its creation lists nothing). */
export function createTracker(doc: Y.Doc): HistoryTracker | null {
  const kind = documentKind(doc);
  if (kind === null) return null;
  return kind === 'action-plan' ? new PlanTracker(doc) : new WholeTracker(doc);
}
