/**
 * The document pages' keyboard shortcuts (shown in the "Tangentbord" help, issue 17 item 5).
 * Keys are matched by `code` (the physical key), so Alt+Shift+A works on Swedish, Norwegian
 * and Mac keyboards alike, where Alt changes the character typed.
 */

/** The subset of a KeyboardEvent the shortcuts look at. */
export interface KeyPress {
  key: string;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** Alt+Shift+A: to "Att åtgärda". */
export function isIssuesShortcut(event: KeyPress): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyA';
}

/** Alt+↑ / Alt+↓: the same field in the previous (-1) or next (1) row; null for any other key. */
export function rowStep(event: KeyPress): -1 | 1 | null {
  if (!event.altKey || event.shiftKey || event.ctrlKey || event.metaKey) return null;
  if (event.key === 'ArrowUp') return -1;
  if (event.key === 'ArrowDown') return 1;
  return null;
}

/** "?" outside a text field: the keyboard help. */
export function isHelpShortcut(event: KeyPress, inTextField: boolean): boolean {
  return !inTextField && event.key === '?' && !event.altKey && !event.ctrlKey && !event.metaKey;
}
