/**
 * A share-link guest's "adopted vs live draft" and "changed since your last visit" (issue 18;
 * DESIGN "Share links"; docs/versions.md): a guest has no account, so the last visit is kept
 * by this browser, per link — the `to.at` (the server's time) of the list last marked as read
 * — and sent as `since`. Leaving the page marks nothing: only "Markera som läst" does.
 */
import { versionsApi, type VersionsSource } from './versions-api.js';

const PREFIX = 'samplan:guest-seen:';

/**
 * The storage key of a link: a hash of its token, never the token itself, so the secret is
 * not kept beside the page's other data (FNV-1a, two 32-bit lanes: a key, not a protection).
 */
export function guestSeenKey(token: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return `${PREFIX}${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** The stored time (ISO) or null; storage that is off or full (private mode) is "never visited". */
function readSeen(key: string): string | null {
  try {
    const value = window.localStorage.getItem(key);
    return value !== null && !Number.isNaN(Date.parse(value)) ? value : null;
  } catch {
    return null;
  }
}

function writeSeen(key: string, at: string): void {
  try {
    window.localStorage.setItem(key, at);
  } catch {
    // Storage off: the next visit says "first visit" again, nothing worse.
  }
}

/** The share link `token`'s source for the presentation view's compare and change list. */
export function guestSource(token: string): VersionsSource {
  const key = guestSeenKey(token);
  return {
    compare: () => versionsApi.sharedCompare(token),
    changesSince: () => versionsApi.sharedChanges(token, readSeen(key)),
    // Always a time of the server's clock: this browser's clock may run ahead (400) or behind.
    markRead: async (at) => writeSeen(key, at ?? (await versionsApi.sharedChanges(token, null)).to.at),
    versionHref: () => null,
  };
}
