import { For, Show } from 'solid-js';
import type { Issue, Severity } from '../../shared/validate/issue.js';
import { fieldId } from '../sync/action-plan-view.js';
import { t } from '../i18n/index.js';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

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
  return (
    <aside class="validation" aria-labelledby="issues-heading">
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
