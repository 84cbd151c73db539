import { createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import { ApiError } from '../../api.js';
import { facilitationApi } from '../../facilitation-api.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { focusWhenRendered } from '../plan/focus-new-row.js';
import { roundCloseWarning } from './close-warning.js';
import { publishRoundSetup, roundSetup, type RoundSetup } from './round-setup.js';
import type { Facilitation } from './use-facilitation.js';

const POLL_MS = 3000;

/**
 * One round's state for its ballot (DESIGN "Facilitation", Dot voting): the server's
 * `GET …/rounds/:r` polled every 3 s (simple, and right after a reconnect too), the caller's
 * dots (their unsent changes, else what the server holds), the round's set-up, and the
 * actions: change a dot, send the whole ballot (`PUT …/ballot`), close the round (asking first
 * when that changes the document's priorities: close-warning.ts). Failures
 * become `message()` (the API's text), never thrown; a failed poll keeps the last `known()`
 * state, with `state.error` and `retry`.
 */
export function useRoundBallot(props: { f: Facilitation; id: string; title: string; published: Map<string, RoundSetup> }) {
  const f = props.f;
  const [state, { refetch }] = createResource(() => props.id, (id) => facilitationApi.round(f.documentId, id));
  const poll = setInterval(() => void refetch(), POLL_MS);
  onCleanup(() => clearInterval(poll));
  // A failed poll (the connection dropped) throws when read, `latest` too, and took the whole
  // document page with it (issue 17 item 3): the round's last known state stays instead,
  // `state.error` says why, and the next poll (or "Försök igen") reads it again.
  const known = createMemo<Awaited<ReturnType<typeof facilitationApi.round>> | undefined>((last) => (state.error ? last : state.latest));
  const [dots, setDots] = createSignal<Record<string, number> | null>(null);
  const [message, setMessage] = createSignal('');
  const mine = () => dots() ?? known()?.myDots ?? {};
  const placed = () => Object.values(mine()).reduce((sum, n) => sum + n, 0);
  const fail = (error: unknown) => setMessage(error instanceof ApiError ? error.message : String(error));
  const change = (key: string, by: 1 | -1) => {
    setMessage('');
    setDots({ ...mine(), [key]: Math.max(0, (mine()[key] ?? 0) + by) });
  };
  const submit = async () => {
    if (placed() === 0) return setMessage(ft('noDots'));
    try {
      await facilitationApi.vote(f.documentId, props.id, Object.fromEntries(Object.entries(mine()).filter(([, n]) => n > 0)));
      setMessage(ft('voteSaved'));
      void refetch();
    } catch (error) {
      fail(error);
    }
  };
  const close = async () => {
    try {
      // Asked with the round's count now, not the last poll's: a vote in the last 3 s counts (U13).
      const voters = (await facilitationApi.round(f.documentId, props.id)).voters;
      const warning = roundCloseWarning(f.items(), voters);
      if (warning && !window.confirm(warning)) return;
      await facilitationApi.closeRound(f.documentId, props.id);
      publishRoundSetup(f.awareness, null);
      // The closed round's ballot, and the focused "Stäng röstning" with it, gives way to its
      // results: focus goes there rather than to <body> (user test u14 item 2).
      focusWhenRendered(`results-${props.id}`);
    } catch (error) {
      fail(error);
    }
  };
  const setup = () => roundSetup(props.id, props.title, known(), props.published);
  return { state, known, retry: () => void refetch(), setup, mine, placed, message, change, submit, close };
}

/** What useRoundBallot gives the ballot's parts. */
export type RoundBallotState = ReturnType<typeof useRoundBallot>;
