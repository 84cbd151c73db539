/**
 * The agenda of a network's meeting series (nätverksträffar / samlinger): participants,
 * meetings with time-boxed items, decisions and action items, milestones.
 */
import * as Y from 'yjs';
import { PARTICIPANT_ROLES, SCHEMA_VERSION, type ParticipantRole } from './kinds.js';
import { orderKeys } from './order.js';
import { newId } from './ids.js';
import type { CollectionSpec } from './collections.js';
import { ensureSessionShape, readPriority } from './session.js';
import {
  itemsInOrder,
  rootMaps,
  readBoolean,
  readEnum,
  readInt,
  readNullableString,
  readString,
  readText,
  writeFields,
  type YItem,
} from './ymap.js';

export interface ParticipantJSON {
  id: string;
  organisation: string;
  name: string;
  email: string;
  role: ParticipantRole;
}
export interface DecisionJSON {
  id: string;
  text: string;
}
export interface ActionItemJSON {
  id: string;
  text: string;
  owner: string;
  due: string | null;
  done: boolean;
  /** `"<planDocId>:<activityId>"` once made into a plan activity (to-plan); else null. */
  planActivity: string | null;
}
export interface AgendaItemJSON {
  /** `null` for the entry holding decisions and actions whose item no longer exists. */
  id: string | null;
  title: string;
  presenter: string;
  minutes: number;
  notes: string;
  /** Rank from the last closed dot-vote round (1 = most dots); null when not ranked. Schema 2. */
  priority: number | null;
  decisions: DecisionJSON[];
  actions: ActionItemJSON[];
}
export interface MeetingJSON {
  /** `null` for the entry holding items whose meeting no longer exists. */
  id: string | null;
  title: string;
  date: string;
  start: string;
  end: string;
  location: string;
  link: string;
  items: AgendaItemJSON[];
}
export interface MilestoneJSON {
  id: string;
  title: string;
  date: string;
  done: boolean;
}
export interface AgendaJSON {
  kind: 'agenda';
  schemaVersion: number;
  title: string;
  network: string;
  registrationDeadline: string | null;
  participants: ParticipantJSON[];
  meetings: MeetingJSON[];
  milestones: MilestoneJSON[];
}

type ItemInit = Partial<Omit<AgendaItemJSON, 'id' | 'decisions' | 'actions'>> & {
  title: string;
  decisions?: Array<Omit<DecisionJSON, 'id'>>;
  actions?: Array<Omit<ActionItemJSON, 'id' | 'planActivity'> & { planActivity?: string | null }>;
};
export interface AgendaInit {
  title: string;
  network?: string;
  registrationDeadline?: string | null;
  participants?: Array<Omit<ParticipantJSON, 'id'>>;
  meetings?: Array<Omit<MeetingJSON, 'id' | 'items'> & { items?: ItemInit[] }>;
  milestones?: Array<Omit<MilestoneJSON, 'id'>>;
}

export const AGENDA_ITEM_TEXT_FIELDS = ['title', 'notes'] as const;

export function agendaRoots(doc: Y.Doc) {
  return rootMaps(doc, ['meta', 'participants', 'meetings', 'items', 'decisions', 'actions', 'milestones', 'session']);
}

function addMap(collection: Y.Map<unknown>, fields: Record<string, unknown>, textKeys: readonly string[] = []): string {
  const id = newId();
  const map = new Y.Map<unknown>();
  collection.set(id, map);
  writeFields(map, fields, textKeys);
  return id;
}

export function createAgenda(doc: Y.Doc, init: AgendaInit): void {
  const roots = agendaRoots(doc);
  doc.transact(() => {
    writeFields(roots.meta, {
      kind: 'agenda',
      schemaVersion: SCHEMA_VERSION,
      title: init.title,
      network: init.network ?? '',
      registrationDeadline: init.registrationDeadline ?? null,
    });
    const participants = init.participants ?? [];
    const participantOrders = orderKeys(participants.length);
    participants.forEach((p, i) => addMap(roots.participants, { ...p, order: participantOrders[i] }));
    for (const meeting of init.meetings ?? []) {
      const { items = [], ...fields } = meeting;
      const meetingId = addMap(roots.meetings, fields);
      const itemOrders = orderKeys(items.length);
      items.forEach((item, i) => {
        const { decisions = [], actions = [], ...itemFields } = item;
        const itemId = addMap(
          roots.items,
          { presenter: '', minutes: 0, notes: '', priority: null, ...itemFields, meetingId, order: itemOrders[i] },
          AGENDA_ITEM_TEXT_FIELDS,
        );
        const decisionOrders = orderKeys(decisions.length);
        decisions.forEach((d, j) => addMap(roots.decisions, { ...d, itemId, order: decisionOrders[j] }));
        const actionOrders = orderKeys(actions.length);
        actions.forEach((a, j) => addMap(roots.actions, { planActivity: null, ...a, itemId, order: actionOrders[j] }));
      });
    }
    for (const milestone of init.milestones ?? []) addMap(roots.milestones, milestone);
    ensureSessionShape(doc);
  });
}


/** Meetings and milestones are ordered by date (and start time). */
const byDate = (collection: Y.Map<unknown>) =>
  itemsInOrder(collection, (map) => `${readString(map, 'date')} ${readString(map, 'start')}`);

function groupBy<T>(entries: Array<[string, YItem]>, parentKey: string, build: (id: string, map: YItem) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const [id, map] of entries) {
    const parent = readString(map, parentKey);
    groups.set(parent, [...(groups.get(parent) ?? []), build(id, map)]);
  }
  return groups;
}

/** Meetings by date with their items, decisions and action items; orphans gathered in an entry with `id: null`. */
function meetingsToJSON(roots: ReturnType<typeof agendaRoots>): MeetingJSON[] {
  const decisions = groupBy(itemsInOrder(roots.decisions), 'itemId', (id, map): DecisionJSON => ({ id, text: readString(map, 'text') }));
  const actions = groupBy(itemsInOrder(roots.actions), 'itemId', (id, map): ActionItemJSON => ({
    id,
    text: readString(map, 'text'),
    owner: readString(map, 'owner'),
    due: readNullableString(map, 'due'),
    done: readBoolean(map, 'done'),
    planActivity: readNullableString(map, 'planActivity'),
  }));
  const takeChildren = (itemId: string) => {
    const result = { decisions: decisions.get(itemId) ?? [], actions: actions.get(itemId) ?? [] };
    decisions.delete(itemId);
    actions.delete(itemId);
    return result;
  };
  const items = groupBy(itemsInOrder(roots.items), 'meetingId', (id, map): AgendaItemJSON => ({
    id,
    title: readText(map, 'title'),
    presenter: readString(map, 'presenter'),
    minutes: readInt(map, 'minutes') ?? 0,
    notes: readText(map, 'notes'),
    priority: readPriority(map),
    ...takeChildren(id),
  }));
  const meetings: MeetingJSON[] = byDate(roots.meetings).map(([id, map]) => {
    const meetingItems = items.get(id) ?? [];
    items.delete(id);
    return {
      id,
      title: readString(map, 'title'),
      date: readString(map, 'date'),
      start: readString(map, 'start'),
      end: readString(map, 'end'),
      location: readString(map, 'location'),
      link: readString(map, 'link'),
      items: meetingItems,
    };
  });
  const orphanItems = [...items.values()].flat();
  const orphanDecisions = [...decisions.values()].flat();
  const orphanActions = [...actions.values()].flat();
  if (orphanDecisions.length > 0 || orphanActions.length > 0) {
    const orphanHolder = { id: null, title: '', presenter: '', minutes: 0, notes: '', priority: null };
    orphanItems.push({ ...orphanHolder, decisions: orphanDecisions, actions: orphanActions });
  }
  if (orphanItems.length > 0) {
    meetings.push({ id: null, title: '', date: '', start: '', end: '', location: '', link: '', items: orphanItems });
  }
  return meetings;
}

/** The agenda as plain JSON, nested and sorted (DESIGN.md "Plain-JSON export"). */
export function agendaToJSON(doc: Y.Doc): AgendaJSON {
  const roots = agendaRoots(doc);
  const meetings = meetingsToJSON(roots);
  return {
    kind: 'agenda',
    schemaVersion: readInt(roots.meta, 'schemaVersion') ?? SCHEMA_VERSION,
    title: readString(roots.meta, 'title'),
    network: readString(roots.meta, 'network'),
    registrationDeadline: readNullableString(roots.meta, 'registrationDeadline'),
    participants: itemsInOrder(roots.participants).map(([id, map]) => ({
      id,
      organisation: readString(map, 'organisation'),
      name: readString(map, 'name'),
      email: readString(map, 'email'),
      role: readEnum(map, 'role', PARTICIPANT_ROLES, 'official'),
    })),
    meetings,
    milestones: byDate(roots.milestones).map(([id, map]) => ({
      id,
      title: readString(map, 'title'),
      date: readString(map, 'date'),
      done: readBoolean(map, 'done'),
    })),
  };
}

/** The agenda's collections, for the generic edits in collections.ts. */
export const AGENDA_COLLECTIONS = {
  participants: { root: 'participants' },
  meetings: { root: 'meetings' },
  items: { root: 'items', textKeys: AGENDA_ITEM_TEXT_FIELDS, groupKey: 'meetingId', defaults: { priority: null } },
  decisions: { root: 'decisions', groupKey: 'itemId' },
  actions: { root: 'actions', groupKey: 'itemId', defaults: { planActivity: null } },
  milestones: { root: 'milestones' },
} as const satisfies Record<string, CollectionSpec>;
