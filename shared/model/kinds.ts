/** The three document kinds of DESIGN.md, and the one place that owns their Yjs root names. */
export const DocumentKind = {
  ActionPlan: 'action-plan',
  Strategy: 'strategy',
  Agenda: 'agenda',
} as const;
export type DocumentKind = (typeof DocumentKind)[keyof typeof DocumentKind];
export const DOCUMENT_KINDS = ['action-plan', 'strategy', 'agenda'] as const satisfies readonly DocumentKind[];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return DOCUMENT_KINDS.some((kind) => kind === value);
}

/** The schema version this code writes; older documents are migrated on load (see migrations.ts). */
export const SCHEMA_VERSION = 2;

/**
 * Root names per kind. `meta` is shared by all: it holds `kind`, `schemaVersion`, `title`;
 * so is `session` (live facilitation state, DESIGN "Facilitation"), since schema version 2.
 */
export const ROOTS = {
  'action-plan': { maps: ['meta', 'budget', 'goals', 'activities', 'costs', 'session'], texts: [] },
  strategy: { maps: ['meta', 'focusAreas', 'goals', 'indicators', 'session'], texts: ['vision'] },
  agenda: {
    maps: ['meta', 'participants', 'meetings', 'items', 'decisions', 'actions', 'milestones', 'session'],
    texts: [],
  },
} as const satisfies Record<DocumentKind, { maps: readonly string[]; texts: readonly string[] }>;

/**
 * The collections whose items carry `priority: int | null` (schema version 2) and may be
 * put to a dot vote (DESIGN "Facilitation": goals, activities, focus areas, strategy goals
 * and agenda items).
 */
export const PRIORITY_COLLECTIONS = {
  'action-plan': ['goals', 'activities'],
  strategy: ['focusAreas', 'goals'],
  agenda: ['items'],
} as const satisfies Record<DocumentKind, readonly string[]>;

export const CURRENCIES = ['SEK', 'NOK', 'EUR', 'DKK'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const ACTIVITY_STATUSES = ['planned', 'ongoing', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const PARTICIPANT_ROLES = ['contact', 'politician', 'official', 'guest'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const INDICATOR_DIRECTIONS = ['decrease', 'increase'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
