/**
 * Whether an agenda action's linked plan activity is still there (user test u14 item 1): the
 * link (`planActivity`) outlives a restore or a deletion of its activity or plan.
 */
import { z } from '../../lib/zod.js';
import { ApiError, call } from '../../api.js';

const planActivities = z.object({ goals: z.array(z.object({ activities: z.array(z.object({ id: z.string() })) })) });

/**
 * Whether plan `planId` still holds activity `activityId` (from its JSON export): false when
 * the activity or the plan is gone (a restore, a deletion; 404), true when it is there or
 * the answer is unclear (offline, another error): then the link stays as it was.
 */
export async function activityExists(planId: string, activityId: string): Promise<boolean> {
  try {
    const parsed = planActivities.safeParse(await call<unknown>('GET', `/documents/${encodeURIComponent(planId)}/export.json`));
    return !parsed.success || parsed.data.goals.some((g) => g.activities.some((a) => a.id === activityId));
  } catch (caught) {
    return !(caught instanceof ApiError && caught.status === 404);
  }
}
