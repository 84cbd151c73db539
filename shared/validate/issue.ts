import type { Noun } from './messages.js';

/** What `validate()` returns: one issue per problem, pointing at the field by path. */
export const IssueCode = {
  BudgetNegative: 'budget.negative',
  BudgetOverFrame: 'budget.over-frame',
  BudgetMissing: 'budget.missing',
  BudgetImplausible: 'budget.implausible',
  DateInvalid: 'date.invalid',
  DateEndBeforeStart: 'date.end-before-start',
  DateOutsidePeriod: 'date.outside-period',
  DeadlineOverdue: 'deadline.overdue',
  DeadlineSoon: 'deadline.soon',
  ResponsibleMissing: 'responsible.missing',
  TextPlaceholder: 'text.placeholder',
  NumberDuplicate: 'number.duplicate',
  NumberOutOfPlace: 'number.out-of-place',
  TitleEmpty: 'title.empty',
  IndicatorTargetBeforeBaseline: 'indicator.target-before-baseline',
  IndicatorOffTrack: 'indicator.off-track',
  AgendaOverrun: 'agenda.overrun',
  AgendaRegistrationAfterMeeting: 'agenda.registration-after-meeting',
  StructureOrphan: 'structure.orphan',
} as const;
export type IssueCode = (typeof IssueCode)[keyof typeof IssueCode];

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY: Record<IssueCode, Severity> = {
  'budget.negative': 'error',
  'budget.over-frame': 'error',
  'budget.missing': 'warning',
  'budget.implausible': 'warning',
  'date.invalid': 'error',
  'date.end-before-start': 'error',
  'date.outside-period': 'warning',
  'deadline.overdue': 'warning',
  'deadline.soon': 'info',
  'responsible.missing': 'warning',
  'text.placeholder': 'warning',
  'number.duplicate': 'warning',
  'number.out-of-place': 'warning',
  'title.empty': 'warning',
  'indicator.target-before-baseline': 'error',
  'indicator.off-track': 'warning',
  'agenda.overrun': 'warning',
  'agenda.registration-after-meeting': 'error',
  'structure.orphan': 'warning',
};

/** A path to the offending field, by collection and id: `["activities", "<id>", "budget"]`. */
export type IssuePath = Array<string | number>;

export interface Issue {
  severity: Severity;
  code: IssueCode;
  path: IssuePath;
  message: string;
}

/** What an issue is about, named the reader's way: `aktiviteten ”1.1 Energikartläggning”`. */
export interface Subject {
  noun: Noun;
  label: string;
}

/** Raw values for an issue's message; `localize` formats them for the reader. */
export interface FindingParams {
  subject?: Subject;
  value?: string;
  /** Minor units, formatted in the plan's currency. */
  amount?: number;
  /** ISO date, formatted as `15 mars 2027`. */
  date?: string;
  days?: number;
  minutes?: number;
  /** An indicator's latest measurement against the straight path, written in the reader's numbers. */
  measured?: Measured;
}

/** `2025: 934,5 / 1 050 MWh`: a year, the value measured, the value expected then, the unit. */
export interface Measured {
  year: number;
  value: number;
  expected: number;
  unit: string;
}

/** An issue before its message is written in the reader's language. */
export interface Finding {
  code: IssueCode;
  path: IssuePath;
  params: FindingParams;
}
