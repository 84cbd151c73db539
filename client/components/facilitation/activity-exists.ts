/**
 * Whether an agenda action's linked plan activity is still there (user test u14 item 1): the
 * link (`planActivity`) outlives a restore or a deletion of its activity or plan. The agenda
 * does not follow the plan live, so the answer is asked again each time the page is shown
 * again (another tab, another window, a phone woken up): a restore made meanwhile is seen
 * without a reload (user test U14 leftovers 5).
 */
import { createSignal, type Accessor } from 'solid-js';
import { z } from '../../lib/zod.js';
import { ApiError, call } from '../../api.js';

const planActivities = z.object({ goals: z.array(z.object({ activities: z.array(z.object({ id: z.string() })) })) });
type PlanActivities = z.infer<typeof planActivities> | 'gone' | 'unknown';

const [shownCount, setShownCount] = createSignal(0);
let listening = false;

/**
 * A count that grows each time the page is shown again (`visibilitychange` to visible, or
 * the window regains focus): read it in a resource's source to check again then.
 */
export function pageShown(): Accessor<number> {
  if (!listening && typeof document !== 'undefined') {
    listening = true;
    const again = () => void (document.visibilityState === 'visible' && setShownCount((n) => n + 1));
    document.addEventListener('visibilitychange', again);
    window.addEventListener('focus', again);
  }
  return shownCount;
}

async function readPlan(planId: string): Promise<PlanActivities> {
  try {
    const parsed = planActivities.safeParse(await call<unknown>('GET', `/documents/${encodeURIComponent(planId)}/export.json`));
    return parsed.success ? parsed.data : 'unknown';
  } catch (caught) {
    return caught instanceof ApiError && caught.status === 404 ? 'gone' : 'unknown';
  }
}

/**
 * Whether plan `planId` still holds activity `activityId` (from its JSON export): false when
 * the activity or the plan is gone (a restore, a deletion; 404), true when it is there or
 * the answer is unclear (offline, another error): then the link stays as it was.
 */
export async function activityExists(planId: string, activityId: string): Promise<boolean> {
  const plan = await readPlan(planId);
  if (plan === 'gone') return false;
  return plan === 'unknown' || plan.goals.some((g) => g.activities.some((a) => a.id === activityId));
}
