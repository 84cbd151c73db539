/**
 * Alt+↑/↓ moves to the same field in the previous or next row (issue 17 item 5), like a
 * spreadsheet: across goals too, since rows of one kind (`data-row-kind`) are one list.
 * Fields have ids `f-<collection>-<itemId>-<field>` (sync/action-plan-view.ts `fieldId`).
 */

/** The id of the row `step` away from `current` in `rows`, or null at either end (or when `current` is not listed). */
export function neighbourRow(rows: readonly string[], current: string, step: -1 | 1): string | null {
  const index = rows.indexOf(current);
  if (index === -1) return null;
  return rows[index + step] ?? null;
}

/** The field name at the end of a field id (`f-activities-<uuid>-budget` → `budget`). */
export function fieldOfId(id: string): string | null {
  const match = /^f-[A-Za-z]+-.+-([A-Za-z]+)$/.exec(id);
  return match?.[1] ?? null;
}

/**
 * Focus the same field in the neighbouring row of the row holding `from`; true when focus
 * moved. A row's plain-text editors are focusable before they are opened, so every field
 * is reachable.
 */
export function moveToRow(from: Element, step: -1 | 1): boolean {
  const field = from.closest('[id^="f-"]');
  const row = from.closest<HTMLElement>('[data-row]');
  const kind = row?.dataset.rowKind;
  const name = field ? fieldOfId(field.id) : null;
  if (!row?.dataset.row || !kind || !name) return false;
  const rows = [...document.querySelectorAll<HTMLElement>(`[data-row-kind="${kind}"]`)].map((r) => r.dataset.row ?? '');
  const next = neighbourRow(rows, row.dataset.row, step);
  const target = next ? document.getElementById(`f-${kind}-${next}-${name}`) : null;
  if (!target) return false;
  target.focus();
  return true;
}
