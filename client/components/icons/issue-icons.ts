/**
 * The icons beside a field's validation issues (issue 17 item 4), as SVG shapes rather than
 * the ⛔ ⚠ ℹ characters: ⛔ has only an emoji glyph, and a machine without an emoji font
 * (Debian's Chromium, many work laptops) shows an empty box. Drawn in `currentColor`, so the
 * severity's colour (styles.css `.issue-marker.*`) stays; a different shape per severity, so
 * colour is not the only difference. Pure data: the component is IssueIcon.tsx.
 */
import type { Severity } from '../../../shared/validate/issue.js';
import type { MessageKey } from '../../i18n/messages.js';

export interface IconShape {
  /** SVG path data in a 16 × 16 box, filled with currentColor (evenodd: the inner marks are holes). */
  path: string;
  /** Its accessible name: the severity in the reader's language. */
  label: MessageKey;
}

export const ISSUE_ICONS: Record<Severity, IconShape> = {
  // A no-entry sign: a disc with a bar cut out.
  error: { path: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1ZM3.5 6.75h9v2.5h-9Z', label: 'issueIcon_error' },
  // A warning triangle with an exclamation mark cut out.
  warning: { path: 'M8 1.2 15.2 14H.8ZM7.1 5.5h1.8l-.3 4.6H7.4ZM7.1 11.2h1.8V13H7.1Z', label: 'issueIcon_warning' },
  // An information disc with an i cut out.
  info: { path: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1ZM7.1 3.6h1.8v1.8H7.1ZM7.1 6.6h1.8v5.8H7.1Z', label: 'issueIcon_info' },
};
