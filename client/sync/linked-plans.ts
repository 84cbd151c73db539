/**
 * The action plans of a workspace, live, for a strategy that links its goals to their
 * activities: a plan's budget change shows up in the strategy at once.
 */
import { createMemo, createSignal, mapArray, onCleanup, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { actionPlanToJSON, type ActionPlanJSON } from '../../shared/model/action-plan.js';
import { createDocView } from './y-solid.js';

export interface LinkedPlan {
  id: string;
  title: string;
  plan: ActionPlanJSON;
  /** Whether the server's copy has arrived (y-websocket "sync"); before that (offline) `plan` is empty, its budgets unknown. */
  loaded: boolean;
}

/**
 * Opens each plan of `documents` (no presence: reading a plan for its budgets is not being in
 * it). The list may change — the workspace as last seen in this browser first, the server's
 * once it answers (issue 17 item 3) — and a plan stays open while its id stays in the list;
 * one that leaves is closed. The title is the plan's own once it has arrived, else the list's.
 */
export function createLinkedPlans(documents: Accessor<Array<{ id: string; title: string }>>): Accessor<LinkedPlan[]> {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const ids = createMemo(() => [...new Set(documents().map((d) => d.id))], undefined, { equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]) });
  const titles = createMemo(() => new Map(documents().map((d) => [d.id, d.title])));
  const opened = createMemo(
    mapArray(ids, (id) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(url, id, doc, { disableBc: true });
      provider.awareness.setLocalState(null);
      // Once arrived the plan stays known (live until the socket drops, then as last received).
      const [loaded, setLoaded] = createSignal(false);
      provider.on('sync', (synced: boolean) => void (synced && setLoaded(true)));
      onCleanup(() => {
        provider.destroy();
        doc.destroy();
      });
      return { id, plan: createDocView(doc, actionPlanToJSON), loaded };
    }),
  );
  return createMemo(() => opened().map((o) => ({ id: o.id, title: o.plan.title || (titles().get(o.id) ?? ''), plan: o.plan, loaded: o.loaded() })));
}
