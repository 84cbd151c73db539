/**
 * The linked budgets a strategy shows, and which of them it cannot know (user test u11: a
 * strategy opened offline showed "0 kr" for goals whose linked plans had never arrived, the
 * plans being read over the websocket only). A figure is unknown (null, shown "–") when one
 * of its links points into a plan that has not loaded and that plan is either in the
 * workspace's list or the list is not the server's answer (offline, nothing seen). Online,
 * every listed plan loaded, the figures are shared/strategy-budgets.ts's, unchanged: a link
 * to a plan the server's list does not hold still counts 0.
 */
import type { ActionPlanJSON } from '../../../shared/model/action-plan.js';
import { allStrategyGoals, type StrategyJSON } from '../../../shared/model/strategy.js';
import { linkedBudgets, parseLink } from '../../../shared/strategy-budgets.js';
import type { LinkedPlan } from '../../sync/linked-plans.js';
import { INTL_LOCALE } from '../../../shared/locale.js';
import { locale, money, t } from '../../i18n/index.js';
import type { SeenWorkspace } from '../../sync/seen-workspaces.js';

/** Minor units per goal id and per objective code; null: not known until the linked plans load. */
export interface LinkedFigures {
  byGoal: Record<string, number | null>;
  byObjective: Record<string, number | null>;
  /** Whether any figure is unknown (the strategy then says budgets show when the server can be reached). */
  unknown: boolean;
}

/**
 * `strategy`'s linked budgets from `plans` (client/sync/linked-plans.ts); `answered`:
 * whether the plan list is the server's answer (false: as last seen, or none).
 */
export function linkedFigures(strategy: Pick<StrategyJSON, 'focusAreas' | 'goals'>, plans: readonly LinkedPlan[], answered: boolean): LinkedFigures {
  const loaded = new Map<string, ActionPlanJSON>(plans.filter((p) => p.loaded).map((p) => [p.id, p.plan]));
  const listed = new Set(plans.map((p) => p.id));
  const budgets = linkedBudgets(strategy, loaded);
  const unknownLink = (link: string) => {
    const documentId = parseLink(link)?.documentId;
    return documentId !== undefined && !loaded.has(documentId) && (listed.has(documentId) || !answered);
  };
  const byGoal: Record<string, number | null> = { ...budgets.byGoal };
  const byObjective: Record<string, number | null> = { ...budgets.byObjective };
  let unknown = false;
  for (const goal of allStrategyGoals(strategy)) {
    if (!goal.links.some(unknownLink)) continue;
    unknown = true;
    byGoal[goal.id] = null;
    for (const code of goal.objectives) byObjective[code] = null;
  }
  return { byGoal, byObjective, unknown };
}

/** A linked figure as shown: the amount in `currency`, or "–" when unknown (null); absent counts 0 as before. */
export function figureText(value: number | null | undefined, currency: string): string {
  return value === null ? '–' : money(value ?? 0, currency);
}

/**
 * What the strategy says where its workspace could not be loaded (`reason`: why, in words):
 * whether the plan list is as last seen (when, in the reader's time) or none can be linked for
 * now, and, when `budgetsUnknown` (a linked plan has not arrived: offline, the plans come over
 * the websocket only), that linked budgets show once the server can be reached.
 */
export function plansNoticeText(reason: string, seen: SeenWorkspace | null, budgetsUnknown: boolean): string {
  const time = seen ? new Intl.DateTimeFormat(INTL_LOCALE[locale()], { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(seen.seenAt)) : '';
  const parts = [t('plansFailed', { reason }), seen ? t('plansSeenAt', { time }) : t('plansNotSeen')];
  if (budgetsUnknown) parts.push(t('linkedBudgetUnknown'));
  return parts.join(' ');
}
