import type { Severity } from '../../../shared/validate/issue.js';
import { t } from '../../i18n/index.js';
import { ISSUE_ICONS } from './issue-icons.js';

/**
 * The icon of a validation issue's severity (issue-icons.ts): an inline SVG that shows on
 * every system, named "Fel" / "Varning" / "Information" for screen readers, since the
 * severity is what it says beyond the issue's own message.
 */
export function IssueIcon(props: { severity: Severity }) {
  const icon = () => ISSUE_ICONS[props.severity];
  return (
    <svg class="issue-icon" role="img" aria-label={t(icon().label)} width="14" height="14" viewBox="0 0 16 16" fill="currentColor" fill-rule="evenodd" data-icon={props.severity}>
      <path d={icon().path} />
    </svg>
  );
}
