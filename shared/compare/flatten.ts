/** Every kind's export shape as a flat, ordered list of comparable items. */
import type { ActionPlanJSON } from '../model/action-plan.js';
import type { AgendaJSON } from '../model/agenda.js';
import type { DocumentJSON } from '../model/document.js';
import type { DocumentKind } from '../model/kinds.js';
import type { IndicatorJSON, StrategyGoalJSON, StrategyJSON } from '../model/strategy.js';
import { fieldsOf, numbered, parentRef, shortLabel } from './fields.js';
import type { FlatItem, ParentRef } from './types.js';

/** The document's own fields are one item, so a title or a frame change is listed like any other. */
export const DOCUMENT_ITEM = 'document';

/**
 * Every collection `flatten` files a kind's items under, so every name compare, changes and
 * the per-field history give (`collection`). Lists, not objects: a lookup by a name the
 * client chose (`?collection=__proto__`) never finds what Object.prototype holds.
 */
export const COMPARED_COLLECTIONS: Readonly<Record<DocumentKind, readonly string[]>> = {
  'action-plan': [DOCUMENT_ITEM, 'goals', 'activities', 'costs'],
  strategy: [DOCUMENT_ITEM, 'focusAreas', 'goals', 'indicators', 'measurements'],
  agenda: [DOCUMENT_ITEM, 'participants', 'meetings', 'items', 'decisions', 'actions', 'milestones'],
};

/** Flattens any kind; `null` (no document yet) has no items. */
export function flatten(json: DocumentJSON | null): FlatItem[] {
  if (json === null) return [];
  switch (json.kind) {
    case 'action-plan':
      return flattenPlan(json);
    case 'strategy':
      return flattenStrategy(json);
    case 'agenda':
      return flattenAgenda(json);
  }
}

function documentItem(json: DocumentJSON, nested: readonly string[], extra: object = {}): FlatItem {
  const fields = { ...fieldsOf(json, ['kind', 'schemaVersion', ...nested]), ...fieldsOf(extra, []) };
  return { collection: DOCUMENT_ITEM, id: DOCUMENT_ITEM, label: json.title, parent: null, fields };
}

/** A goal's `budget` is the sum of its activities': budget deltas per goal (DESIGN "changes"). */
function flattenPlan(plan: ActionPlanJSON): FlatItem[] {
  const items = [documentItem(plan, ['goals', 'costs', 'budget'], plan.budget)];
  for (const goal of plan.goals) {
    const label = numbered(goal.number, goal.title);
    if (goal.id !== null) {
      const budget = goal.activities.reduce((sum, activity) => sum + (activity.budget ?? 0), 0);
      const fields = fieldsOf(goal, ['id', 'activities']);
      fields.budget = budget;
      items.push({ collection: 'goals', id: goal.id, label, parent: null, fields });
    }
    const parent = parentRef('goalId', goal.id, label);
    for (const activity of goal.activities) {
      items.push({ collection: 'activities', id: activity.id, label: numbered(activity.number, activity.title), parent, fields: fieldsOf(activity, ['id', 'goalId']) });
    }
  }
  for (const cost of plan.costs) {
    items.push({ collection: 'costs', id: cost.id, label: cost.label || cost.section, parent: null, fields: fieldsOf(cost, ['id']) });
  }
  return items;
}

function flattenStrategy(strategy: StrategyJSON): FlatItem[] {
  const items = [documentItem(strategy, ['focusAreas', 'goals', 'orphanIndicators'])];
  const goals: Array<[StrategyGoalJSON, ParentRef]> = [];
  for (const area of strategy.focusAreas) {
    if (area.id !== null) items.push({ collection: 'focusAreas', id: area.id, label: area.title, parent: null, fields: fieldsOf(area, ['id', 'goals']) });
    for (const goal of area.goals) goals.push([goal, parentRef('focusAreaId', area.id, area.title)]);
  }
  for (const goal of strategy.goals) goals.push([goal, parentRef('focusAreaId', null, '')]);
  const indicators: Array<[IndicatorJSON, ParentRef]> = [];
  for (const [goal, parent] of goals) {
    const label = numbered(goal.number, goal.title);
    items.push({ collection: 'goals', id: goal.id, label, parent, fields: fieldsOf(goal, ['id', 'focusAreaId', 'indicators']) });
    for (const indicator of goal.indicators) indicators.push([indicator, parentRef('goalId', goal.id, label)]);
  }
  for (const indicator of strategy.orphanIndicators) indicators.push([indicator, parentRef('goalId', null, '')]);
  for (const [indicator, parent] of indicators) {
    items.push({ collection: 'indicators', id: indicator.id, label: indicator.name, parent, fields: fieldsOf(indicator, ['id', 'goalId', 'measurements']) });
  }
  // A measurement is known by its indicator and year: a new year is an added row.
  for (const [indicator] of indicators) {
    for (const m of indicator.measurements) {
      items.push({ collection: 'measurements', id: `${indicator.id}:${m.year}`, label: `${indicator.name} ${m.year}`, parent: null, fields: fieldsOf(m, []) });
    }
  }
  return items;
}

function flattenAgenda(agenda: AgendaJSON): FlatItem[] {
  const items = [documentItem(agenda, ['participants', 'meetings', 'milestones'])];
  for (const p of agenda.participants) items.push({ collection: 'participants', id: p.id, label: p.name || p.organisation, parent: null, fields: fieldsOf(p, ['id']) });
  const inner: FlatItem[] = [];
  for (const meeting of agenda.meetings) {
    const meetingLabel = numbered(meeting.date, meeting.title);
    if (meeting.id !== null) items.push({ collection: 'meetings', id: meeting.id, label: meetingLabel, parent: null, fields: fieldsOf(meeting, ['id', 'items']) });
    for (const item of meeting.items) {
      const parent = parentRef('itemId', item.id, item.title);
      if (item.id !== null) {
        const fields = fieldsOf(item, ['id', 'decisions', 'actions']);
        items.push({ collection: 'items', id: item.id, label: item.title, parent: parentRef('meetingId', meeting.id, meetingLabel), fields });
      }
      for (const d of item.decisions) inner.push({ collection: 'decisions', id: d.id, label: shortLabel(d.text), parent, fields: fieldsOf(d, ['id']) });
      for (const a of item.actions) inner.push({ collection: 'actions', id: a.id, label: shortLabel(a.text), parent, fields: fieldsOf(a, ['id']) });
    }
  }
  items.push(...inner.filter((i) => i.collection === 'decisions'), ...inner.filter((i) => i.collection === 'actions'));
  for (const m of agenda.milestones) items.push({ collection: 'milestones', id: m.id, label: m.title, parent: null, fields: fieldsOf(m, ['id']) });
  return items;
}
