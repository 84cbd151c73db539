/**
 * What the client does with a websocket close code (DESIGN "Wave 2 contract"; issues 15
 * and 16): whether to reconnect, what people read, and what a 4403 leads to once the
 * document's record has been read again. Pure: no DOM, no timers.
 */
import { roleAtLeast } from '../../shared/roles.js';
import type { DocumentInfo } from '../api.js';
import type { MessageKey } from '../i18n/messages.js';
import type { ConnectionStatus } from './status.js';

/** The server's close codes the client tells apart (server/sync/close-codes.ts). */
export const CloseCode = {
  Unauthorized: 4401,
  Forbidden: 4403,
  NotFound: 4404,
  PolicyViolation: 1008,
  TryAgainLater: 1013,
} as const;

/** 44xx: the server decided (signed out, not allowed, no such document); reconnecting cannot help. */
export function isFinal(code: number): boolean {
  return code >= 4400 && code < 4500;
}

const REFUSALS_BEFORE_STOP = 3;
const REFUSAL_WINDOW_MS = 60_000;

/**
 * Whether to reconnect after the server closed with `code` at `now` (ms). Never after
 * 44xx. After 1008 the server refused something this browser sent; reconnecting sends the
 * same again, and the reset backoff of a synced provider would make that a loop of
 * refusals, so the third 1008 within a minute of the previous one stops reconnecting.
 */
export function createReconnectPolicy(): (code: number, now: number) => boolean {
  let refusals = 0;
  let lastRefusal = -Infinity;
  return (code, now) => {
    if (isFinal(code)) return false;
    if (code !== CloseCode.PolicyViolation) {
      refusals = 0;
      return true;
    }
    refusals = now - lastRefusal > REFUSAL_WINDOW_MS ? 1 : refusals + 1;
    lastRefusal = now;
    return refusals < REFUSALS_BEFORE_STOP;
  };
}

/** The status line's text for a connection status: never a bare code for the codes people meet. */
export function statusMessage(status: ConnectionStatus): { key: MessageKey; params?: Record<string, string> } {
  if (status.state === 'online' || status.state === 'offline' || status.state === 'syncing') return { key: `status_${status.state}` };
  const final = status.state === 'error';
  switch (status.code) {
    case CloseCode.Unauthorized:
      return { key: 'status_signedOut' };
    case CloseCode.Forbidden:
      return { key: 'status_forbidden' };
    case CloseCode.NotFound:
      return { key: 'status_notFound' };
    case CloseCode.PolicyViolation:
      return { key: final ? 'status_refusedStopped' : 'status_refused' };
    case CloseCode.TryAgainLater:
      return { key: 'status_overloaded' };
    default:
      // The code as text: t() groups numbers (a quantity), and a code is a name ("4499", never "4 499").
      return final ? { key: 'status_error', params: { code: String(status.code) } } : { key: 'status_syncing' };
  }
}

/** May this person write into this document: editor or above, and the server has not made it read-only. */
export function canEdit(info: Pick<DocumentInfo, 'role' | 'readOnly'>): boolean {
  return roleAtLeast(info.role, 'editor') && !info.readOnly;
}

/** How a session ends when the client stops: what the person is told and where they can go. */
export type Ending = 'signed-out' | 'no-access' | 'not-found' | 'forbidden';

export type ForbiddenOutcome =
  | { do: 'reopen-read-only'; info: DocumentInfo }
  | { do: 'reconnect'; info: DocumentInfo }
  | { do: 'end'; ending: Ending };

/**
 * After a 4403, with the document's record read again (`{info}`) or the HTTP status that
 * read failed with (`{status}`, 0 = unreachable): a person who could write and now cannot
 * reopens read-only from the server (what they typed meanwhile was not accepted); one who
 * is no longer a member ends with a way back; anything else reconnects once.
 */
export function afterForbidden(previous: DocumentInfo, fetched: { info: DocumentInfo } | { status: number }, retried: boolean): ForbiddenOutcome {
  if ('status' in fetched) {
    if (fetched.status === 401) return { do: 'end', ending: 'signed-out' };
    if (fetched.status === 403 || fetched.status === 404) return { do: 'end', ending: 'no-access' };
    return retried ? { do: 'end', ending: 'forbidden' } : { do: 'reconnect', info: previous };
  }
  if (canEdit(previous) && !canEdit(fetched.info)) return { do: 'reopen-read-only', info: fetched.info };
  return retried ? { do: 'end', ending: 'forbidden' } : { do: 'reconnect', info: fetched.info };
}
