/** The words for a strategy goal's link to a plan activity (issue 17 item 3: offline too). */
import { allActivities } from '../../../shared/model/action-plan.js';
import type { LinkedPlan } from '../../sync/linked-plans.js';
import { t } from '../../i18n/index.js';

/**
 * How a goal's link (`"<planId>:<activityId>"`) reads: "<plan>: <number> <title>"; when the
 * activity cannot be shown — its plan is not in the list (offline, nothing seen here) or not
 * loaded yet, or the activity is gone — words saying so, never the bare ids. Reading only:
 * a link is changed by the person, never by opening the page.
 */
export function linkText(link: string, plans: LinkedPlan[]): string {
  const [docId, activityId] = link.split(':');
  const plan = plans.find((p) => p.id === docId);
  const activity = plan ? allActivities(plan.plan).find((a) => a.id === activityId) : undefined;
  if (activity) return `${plan?.title}: ${activity.number} ${activity.title}`;
  return plan?.title ? t('linkActivityUnavailable', { plan: plan.title }) : t('linkPlanUnavailable');
}
