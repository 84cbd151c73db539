/**
 * The items a session can spotlight and vote on, per document kind (DESIGN "Facilitation"):
 * plan goals and activities, strategy focus areas, goals and indicators, agenda items —
 * each with a label, its priority and where it is on the page.
 */
import type * as Y from 'yjs';
import type { DocumentKind } from '../../../shared/model/kinds.js';
import { actionPlanToJSON, allActivities } from '../../../shared/model/action-plan.js';
import { strategyToJSON } from '../../../shared/model/strategy.js';
import { agendaToJSON } from '../../../shared/model/agenda.js';
import type { ItemRef } from '../../sync/session.js';
import { touchesKeys } from '../../sync/y-solid.js';

export interface SessionItem extends ItemRef {
  label: string;
  /** Rank from the last closed round (schema 2), or null. */
  priority: number | null;
  /** Agenda items: planned minutes. */
  minutes?: number;
  /** An element id to scroll to when the item itself carries no data attribute (plan goals: their first activity). */
  near?: string;
}

const priorityOf = (value: unknown) => (typeof value === 'number' ? value : null);
const numbered = (number: string, title: string) => [number, title].filter(Boolean).join(' ') || '–';

function planItems(doc: Y.Doc): SessionItem[] {
  const items: SessionItem[] = [];
  for (const goal of actionPlanToJSON(doc).goals) {
    if (goal.id) items.push({ collection: 'goals', id: goal.id, label: numbered(goal.number, goal.title), priority: priorityOf(goal.priority), near: goal.activities[0]?.id });
    for (const a of goal.activities) items.push({ collection: 'activities', id: a.id, label: numbered(a.number, a.title), priority: priorityOf((a as { priority?: unknown }).priority) });
  }
  return items;
}

function strategyItems(doc: Y.Doc): SessionItem[] {
  const s = strategyToJSON(doc);
  const items: SessionItem[] = [];
  const goals = (list: typeof s.goals) => {
    for (const g of list) {
      items.push({ collection: 'goals', id: g.id, label: numbered(g.number, g.title), priority: priorityOf(g.priority) });
      for (const i of g.indicators) items.push({ collection: 'indicators', id: i.id, label: i.name || '–', priority: null });
    }
  };
  for (const area of s.focusAreas) {
    if (area.id) items.push({ collection: 'focusAreas', id: area.id, label: area.title || '–', priority: priorityOf(area.priority), near: area.goals[0]?.id });
    goals(area.goals);
  }
  goals(s.goals);
  return items;
}

function agendaItems(doc: Y.Doc): SessionItem[] {
  const items: SessionItem[] = [];
  for (const meeting of agendaToJSON(doc).meetings) {
    for (const item of meeting.items) {
      if (!item.id) continue;
      const label = [meeting.title, item.title].filter(Boolean).join(': ') || '–';
      items.push({ collection: 'items', id: item.id, label, priority: priorityOf((item as { priority?: unknown }).priority), minutes: item.minutes });
    }
  }
  return items;
}

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

/** Every item of the document that can be spotlit or voted on, in document order. */
export function sessionItems(kind: DocumentKind, doc: Y.Doc): SessionItem[] {
  if (kind === 'action-plan') return planItems(doc);
  if (kind === 'strategy') return strategyItems(doc);
  return agendaItems(doc);
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
