/**
 * The items a session can spotlight and vote on (listed by shared/model/session-items.ts),
 * where they are on the page, which changes can alter them, and the plan's activities that
 * came from an agenda.
 */
import type * as Y from 'yjs';
import type { DocumentKind } from '../../../shared/model/kinds.js';
import { actionPlanToJSON, allActivities } from '../../../shared/model/action-plan.js';
import { sessionItems, type SessionItem } from '../../../shared/model/session-items.js';
import type { ItemRef } from '../../sync/session.js';
import { touchesKeys } from '../../sync/y-solid.js';

export { sessionItems, type SessionItem };

/** The fields `planItems` reads besides the items' coming and going (and their order and goal). */
const PLAN_ITEM_KEYS: ReadonlySet<string> = new Set(['number', 'title', 'priority', 'order', 'goalId']);

/**
 * Which changes can alter `sessionItems(kind, …)`: for a plan, not a keystroke in a
 * description or a budget (reading a 2 000-activity plan whole on each costs hundreds of
 * milliseconds, issue 17 item 14); for the other kinds, every change.
 */
export function sessionItemsRelevance(kind: DocumentKind): (transaction: Y.Transaction) => boolean {
  return kind === 'action-plan' ? (transaction) => touchesKeys(transaction, PLAN_ITEM_KEYS) : () => true;
}

/** A plan activity that came from an agenda's action item (its `source`). */
export interface SourcedActivity {
  id: string;
  label: string;
  /** `source` as written ("<agendaDocId>:<actionId>"); split by the list that shows it. */
  source: string;
}

/** The plan's activities that carry a `source`, in document order. */
export function sourcedActivities(doc: Y.Doc): SourcedActivity[] {
  return allActivities(actionPlanToJSON(doc)).flatMap((a) => (a.source ? [{ id: a.id, label: [a.number, a.title].filter(Boolean).join(' '), source: a.source }] : []));
}

const SOURCED_KEYS: ReadonlySet<string> = new Set(['number', 'title', 'source', 'order', 'goalId']);

/** Which changes can alter `sourcedActivities`: not a keystroke in a description or a budget (issue 17 item 14). */
export function sourcedActivitiesRelevant(transaction: Y.Transaction): boolean {
  return touchesKeys(transaction, SOURCED_KEYS);
}

const ATTRIBUTE: Record<string, string> = { goals: 'data-goal', activities: 'data-activity', indicators: 'data-indicator', items: 'data-item', focusAreas: 'data-focus-area' };

/** The CSS selector of `ref` on the page (editor and presentation view alike). */
export function selectorOf(ref: ItemRef): string {
  const attribute = ATTRIBUTE[ref.collection] ?? 'data-session-item';
  return `[${attribute}="${CSS.escape(ref.id)}"]`;
}

/** The item nearest around `element` (the focused field's row), as a reference, or null. */
export function itemAt(element: Element | null): ItemRef | null {
  for (let el = element; el; el = el.parentElement) {
    for (const [collection, attribute] of Object.entries(ATTRIBUTE)) {
      const id = el.getAttribute(attribute);
      if (id && id !== 'none') return { collection, id };
    }
  }
  return null;
}

/** The agenda item after `itemId` in document order, or null at the end. */
export function nextAgendaItem(items: readonly SessionItem[], itemId: string | null): SessionItem | null {
  const agenda = items.filter((i) => i.collection === 'items');
  if (itemId === null) return agenda[0] ?? null;
  const at = agenda.findIndex((i) => i.id === itemId);
  return at < 0 ? (agenda[0] ?? null) : (agenda[at + 1] ?? null);
}
