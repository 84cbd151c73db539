import { For, onCleanup, Show } from 'solid-js';
import { Portal } from 'solid-js/web';
import type { Issue, Severity } from '../../shared/validate/issue.js';
import { fieldId } from '../sync/action-plan-view.js';
import { t } from '../i18n/index.js';
import { isIssuesShortcut } from '../lib/shortcuts.js';
import { focusById, SkipLink } from './SkipLink.jsx';
import '../styles/issues-jump.css';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
/** The issues panel's id: the target of its skip link and shortcut. */
export const ISSUES_ID = 'issues';

/**
 * "Att åtgärda: 5", a visible link to the issues panel with its count, for screens where the
 * panel is not beside the document but below all of it (a phone: issue 17). In the sticky
 * header (`#header-slot`, beside connection status and undo), so it stays in reach wherever
 * a long plan is scrolled; hidden by CSS where the panel is in view beside the document.
 */
export function IssuesJump(props: { count: number }) {
  return (
    <Portal mount={document.getElementById('header-slot') ?? undefined}>
      <IssuesJumpLink count={props.count} />
    </Portal>
  );
}

function IssuesJumpLink(props: { count: number }) {
  return (
    <p class="issues-jump">
      <a
        href={`#${ISSUES_ID}`}
        rel="external"
        data-issues-jump={props.count}
        onClick={(event) => {
          if (focusById(ISSUES_ID)) event.preventDefault();
        }}
      >
        {props.count === 0 ? t('issuesJumpNone') : t('issuesJump', { count: props.count })}
      </a>
    </p>
  );
}

/** Every issue from `validate()`, live, grouped by severity; each one takes you to its field. */
export function ValidationPanel(props: { issues: Issue[]; beforeFocus?: () => void }) {
  const focus = (issue: Issue) => {
    props.beforeFocus?.();
    // After a view switch the field may render on the next frame.
    requestAnimationFrame(() => {
      const target = document.getElementById(fieldId(issue.path));
      if (!target) return;
      target.scrollIntoView({ block: 'center', behavior: 'smooth' });
      target.focus();
    });
  };
  // Alt+Shift+A from anywhere in the document reaches the panel (issue 17 item 5); a skip
  // link at the top of the page does the same in two Tabs.
  const onKey = (event: KeyboardEvent) => {
    if (!isIssuesShortcut(event)) return;
    event.preventDefault();
    focusById(ISSUES_ID);
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => document.removeEventListener('keydown', onKey));
  const slot = document.getElementById('skip-slot') ?? undefined;
  return (
    <aside class="validation" id={ISSUES_ID} tabindex="-1" aria-labelledby="issues-heading" aria-keyshortcuts="Alt+Shift+A">
      <Portal mount={slot}>
        <SkipLink target={ISSUES_ID}>{t('skipToIssues')}</SkipLink>
      </Portal>
      <h2 id="issues-heading">
        {t('issues')} <span class="count">({props.issues.length})</span>
      </h2>
      <Show when={props.issues.length > 0} fallback={<p>{t('noIssues')}</p>}>
        <For each={SEVERITIES}>
          {(severity) => {
            const group = () => props.issues.filter((i) => i.severity === severity);
            return (
              <Show when={group().length > 0}>
                <h3 class={severity}>
                  {t(`severity_${severity}`)} ({group().length})
                </h3>
                <ul class={`issues ${severity}`}>
                  <For each={group()}>
                    {(issue) => (
                      <li>
                        <a href={`#${fieldId(issue.path)}`} data-code={issue.code} onClick={(e) => (e.preventDefault(), focus(issue))}>
                          {issue.message}
                        </a>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            );
          }}
        </For>
      </Show>
    </aside>
  );
}
