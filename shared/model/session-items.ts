/**
 * The items a session can spotlight and vote on, per document kind (DESIGN "Facilitation"):
 * plan goals and activities, strategy focus areas, goals and indicators, agenda items —
 * each with its label as the page names it ("1.2 Title"; an agenda item "Meeting: Title"),
 * its priority and where it is on the page. Shared: the server writes a closed round's
 * labels from it (server/facilitation/round-document.ts), the client lists items with it.
 */
import type * as Y from 'yjs';
import type { DocumentKind } from './kinds.js';
import { actionPlanToJSON } from './action-plan.js';
import { strategyToJSON } from './strategy.js';
import { agendaToJSON } from './agenda.js';

/** An item of a document: its collection (root map) and id. */
export interface SessionItemRef {
  collection: string;
  id: string;
}

export interface SessionItem extends SessionItemRef {
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

/** Every item of the document that can be spotlit or voted on, in document order. */
export function sessionItems(kind: DocumentKind, doc: Y.Doc): SessionItem[] {
  if (kind === 'action-plan') return planItems(doc);
  if (kind === 'strategy') return strategyItems(doc);
  return agendaItems(doc);
}
