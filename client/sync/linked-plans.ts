/**
 * The action plans of a workspace, live, for a strategy that links its goals to their
 * activities: a plan's budget change shows up in the strategy at once.
 */
import { createMemo, onCleanup, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { actionPlanToJSON, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { createDocView } from './y-solid.js';

export interface LinkedPlan {
  id: string;
  title: string;
  plan: ActionPlanJSON;
}

/** Opens each plan (no presence: reading a plan for its budgets is not being in it). */
export function createLinkedPlans(documents: Array<{ id: string; title: string }>): Accessor<LinkedPlan[]> {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const opened = documents.map((d) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(url, d.id, doc, { disableBc: true });
    provider.awareness.setLocalState(null);
    onCleanup(() => {
      provider.destroy();
      doc.destroy();
    });
    return { id: d.id, title: d.title, plan: createDocView(doc, actionPlanToJSON) };
  });
  return createMemo(() => opened.map((o) => ({ id: o.id, title: o.plan.title || o.title, plan: o.plan })));
}
