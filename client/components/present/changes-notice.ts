/**
 * Which confirmation "Ändrat sedan ditt senaste besök" may still show under the list it is
 * showing now (user test u11: "Markerat som läst." stayed under a newer, unread change).
 */
import type { ChangesSince } from '../../versions-api.js';

/** `marked`: "Markerat som läst."; `stale`: marking was refused, the list was read again. */
export type ChangesNotice = 'marked' | 'stale';

/**
 * Whether `notice` still describes `list`. "Markerat som läst." holds only while the list
 * shows nothing unread: once a change arrives after it, as in any mail or notification list,
 * the confirmation goes and the change is unread, with "Markera som läst" to mark it. The
 * stale note ("Listan har uppdaterats …") asks the reader to read a list that has changes, so
 * newer changes keep it true. No list (loading, failed): the notice stays as it was.
 */
export function noticeHolds(notice: ChangesNotice | null, list: ChangesSince | null): boolean {
  if (notice === null || list === null) return true;
  if (notice === 'stale') return true;
  return list.from.kind === 'none' || list.changes.length === 0;
}
