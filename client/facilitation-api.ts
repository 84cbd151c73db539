/**
 * The REST calls of facilitation (DESIGN "Facilitation (any document kind)"): the server's
 * time, dot-voting rounds (the tally is the server's; ballots never enter the document)
 * and turning an agenda action item into a plan activity.
 */
import { call } from './api.js';

export interface ItemRef {
  collection: string;
  id: string;
}
export interface RoundResultRow extends ItemRef {
  dots: number;
  voters: number;
}
export interface NewRound {
  title: string;
  items: ItemRef[];
  /** 1..20. */
  dotsPerPerson: number;
  maxPerItem?: number;
  anonymous: boolean;
}
/** `GET …/rounds/:r`: `results` once closed, `ballots` for coordinators of a round that is not anonymous. */
export interface RoundState {
  status: 'open' | 'closed';
  /** How many people have voted. */
  voters: number;
  /** The caller's dots per `collection:id`. */
  myDots: Record<string, number>;
  results?: RoundResultRow[];
  ballots?: Array<{ user: { id: string; name: string } | string; dots: Record<string, number> }>;
  /** Echoed by servers that return the round's set-up (optional here). */
  title?: string;
  items?: ItemRef[];
  dotsPerPerson?: number;
  maxPerItem?: number | null;
  anonymous?: boolean;
}

/** A ballot key: `collection:id` (DESIGN's `dots` keys). */
export const dotKey = (item: ItemRef) => `${item.collection}:${item.id}`;

const base = (doc: string) => `/documents/${encodeURIComponent(doc)}`;

export const facilitationApi = {
  /** `GET /api/time` → `{now}` (ISO 8601 UTC), for server-clock.ts. */
  time: () => call<{ now: string }>('GET', '/time').then((r) => r.now),
  /** Coordinator: → 201 `{id}`. */
  createRound: (doc: string, round: NewRound) => call<{ id: string }>('POST', `${base(doc)}/rounds`, round),
  /** Any member: the caller's whole ballot → 204; 409 `round.closed`; 400 over the allowance. */
  vote: (doc: string, round: string, dots: Record<string, number>) => call<null>('PUT', `${base(doc)}/rounds/${encodeURIComponent(round)}/ballot`, { dots }),
  round: (doc: string, round: string) => call<RoundState>('GET', `${base(doc)}/rounds/${encodeURIComponent(round)}`),
  /** Coordinator: → `{results}` ranked; results also go into `session.rounds` and items' `priority`. */
  closeRound: (doc: string, round: string) => call<{ results: RoundResultRow[] }>('POST', `${base(doc)}/rounds/${encodeURIComponent(round)}/close`),
  /** Editor: → 201 `{activityId}`; the activity gets `source`, the action `planActivity`. */
  toPlan: (agenda: string, action: string, planId: string, goalId: string) =>
    call<{ activityId: string }>('POST', `${base(agenda)}/actions/${encodeURIComponent(action)}/to-plan`, { planId, goalId }),
};
