/**
 * What a strategy needs from its workspace — the action plans to link goals to, and the
 * country (national objectives, currency) — without ever hiding the strategy (issue 17 item 3):
 * the server's answer when it comes; before it, or when it fails (offline), the workspace as
 * last seen in this browser (sync/seen-workspaces.ts); else none, with Swedish objectives and
 * SEK. Reading a failed resource throws, and a throw replaced the whole strategy page with an
 * error, so the resource is read only when it has not failed.
 */
import { createEffect, createMemo, createResource } from 'solid-js';
import { currencyOfCountry } from '../../../shared/country.js';
import { NORWEGIAN_OBJECTIVES, SWEDISH_OBJECTIVES, type EnvironmentalObjective } from '../../../shared/reference/environmental-objectives.js';
import { api } from '../../api.js';
import { t } from '../../i18n/index.js';
import { rememberWorkspace, seenWorkspace, type SeenWorkspace } from '../../sync/seen-workspaces.js';
import { messageOf } from '../ErrorText.jsx';
import { RetryError } from '../RetryError.jsx';
import { plansNoticeText } from './linked-figures.js';

/** The workspace as the strategy knows it: `from` says whose answer (the server's, or as `seen` at `seenAt`). */
export interface StrategyWorkspace {
  /** The workspace's action plans (id, title), in its order; empty when nothing is known. */
  plans: () => Array<{ id: string; title: string }>;
  objectives: () => readonly EnvironmentalObjective[];
  /** ISO 4217: NOK for a Norwegian workspace, else SEK. */
  currency: () => string;
  /** Why the workspace could not be loaded (what it threw), or undefined. */
  error: () => unknown;
  /** The list used while the server does not answer, if this browser kept one. */
  seen: () => SeenWorkspace | null;
  /** Whether the plan list is the server's answer (false: as last seen here, or none). */
  answered: () => boolean;
  retry: () => void;
}

/**
 * Loads workspace `workspaceId()` for the strategy, as `userId`; every answer is remembered
 * as that person's last seen list (as the workspace page does), for the next offline start.
 */
export function useStrategyWorkspace(workspaceId: () => string, userId: string): StrategyWorkspace {
  const [workspace, { refetch }] = createResource(workspaceId, (id) => api.workspace(id));
  createEffect(() => {
    if (workspace.state === 'ready') rememberWorkspace(userId, workspace());
  });
  const answered = () => (workspace.state === 'errored' ? undefined : workspace());
  const seen = createMemo(() => (answered() ? null : seenWorkspace(userId, workspaceId())));
  const known = () => answered() ?? seen();
  const country = () => known()?.country;
  return {
    plans: () => (known()?.documents ?? []).filter((d) => d.kind === 'action-plan').map(({ id, title }) => ({ id, title })),
    objectives: () => (country() === 'NO' ? NORWEGIAN_OBJECTIVES : SWEDISH_OBJECTIVES),
    currency: () => currencyOfCountry(country()),
    error: () => workspace.error as unknown,
    seen,
    answered: () => answered() !== undefined,
    retry: () => void refetch(),
  };
}

/**
 * Where the strategy says its workspace could not be loaded, with "Försök igen"
 * (linked-figures.ts plansNoticeText). Empty while nothing failed; `data-strategy-plans` marks the place.
 */
export function StrategyPlansNotice(props: { workspace: StrategyWorkspace; budgetsUnknown: boolean }) {
  const message = () => {
    const error = props.workspace.error();
    return error === undefined || error === null ? null : plansNoticeText(messageOf(error, t('errorGeneric')), props.workspace.seen(), props.budgetsUnknown);
  };
  return (
    <div data-strategy-plans>
      <RetryError error={message()} onRetry={props.workspace.retry} />
    </div>
  );
}
