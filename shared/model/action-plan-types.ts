/**
 * The action plan's plain-JSON shapes (DESIGN "action-plan", "Plain-JSON export") and the
 * shape of a new plan: what export, import, totals and validation read and write.
 */
import type { ActivityStatus, Currency } from './kinds.js';

export interface ActivityJSON {
  id: string;
  goalId: string;
  number: string;
  title: string;
  description: string;
  budget: number | null;
  responsible: string;
  start: string | null;
  end: string | null;
  recipients: string;
  status: ActivityStatus;
  progress: number;
  /** Rank from the last closed dot-vote round (1 = most dots); null when not ranked. Schema 2. */
  priority: number | null;
  /** `"<agendaDocId>:<actionId>"` when made from an agenda's action item (to-plan); else null. */
  source: string | null;
}

export interface GoalJSON {
  /** `null` for the entry that holds activities whose goal no longer exists. */
  id: string | null;
  number: string;
  title: string;
  description: string;
  /** Rank from the last closed dot-vote round; null when not ranked. Schema 2. */
  priority: number | null;
  activities: ActivityJSON[];
}

export interface CostJSON {
  id: string;
  section: string;
  label: string;
  description: string;
  amount: number | null;
}

export interface PlanBudgetJSON {
  frame: number | null;
  frameWithIncome: number | null;
  spentBefore: number | null;
  spentBeforeDate: string | null;
}

export interface ActionPlanJSON {
  kind: 'action-plan';
  schemaVersion: number;
  title: string;
  subtitle: string;
  currency: Currency;
  periodStart: string | null;
  periodEnd: string | null;
  budget: PlanBudgetJSON;
  goals: GoalJSON[];
  costs: CostJSON[];
}

/** What it takes to build a plan: ids and order are optional (new ones are made). */
export interface ActionPlanInit {
  title: string;
  subtitle?: string;
  currency?: Currency;
  periodStart?: string | null;
  periodEnd?: string | null;
  budget?: Partial<PlanBudgetJSON>;
  goals?: Array<Omit<GoalJSON, 'id' | 'activities' | 'priority'> & { id?: string | null; priority?: number | null; activities?: ActivityInit[] }>;
  costs?: Array<Omit<CostJSON, 'id'> & { id?: string }>;
}
export type ActivityInit = Partial<Omit<ActivityJSON, 'goalId'>> & { title: string };
