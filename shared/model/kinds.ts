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
export const SCHEMA_VERSION = 1;

/** Root names per kind. `meta` is shared by all: it holds `kind`, `schemaVersion`, `title`. */
export const ROOTS = {
  'action-plan': { maps: ['meta', 'budget', 'goals', 'activities', 'costs'], texts: [] },
  strategy: { maps: ['meta', 'focusAreas', 'goals', 'indicators'], texts: ['vision'] },
  agenda: {
    maps: ['meta', 'participants', 'meetings', 'items', 'decisions', 'actions', 'milestones', 'session'],
    texts: [],
  },
} as const satisfies Record<DocumentKind, { maps: readonly string[]; texts: readonly string[] }>;

export const CURRENCIES = ['SEK', 'NOK', 'EUR', 'DKK'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const ACTIVITY_STATUSES = ['planned', 'ongoing', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const PARTICIPANT_ROLES = ['contact', 'politician', 'official', 'guest'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const INDICATOR_DIRECTIONS = ['decrease', 'increase'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
