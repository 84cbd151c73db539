/**
 * One open document over its lifetime in the page: which record it is open with, and what
 * happens when the server ends its connection (issues 15 item 7, 16 item 2). A 4403 takes
 * the editor away at once, reads the document's record again and then reopens it
 * read-only from the server's copy (the role was lowered: what this browser held but the
 * server refused is dropped), reconnects once (nothing changed), or ends with a way on.
 * A 4401 (signed out) makes the document read-only at once and deletes this browser's copy,
 * so nothing typed after it is ever sent by a later session (issue 15/16 item 1).
 */
import { createSignal, type Accessor } from 'solid-js';
import { ApiError, type DocumentInfo } from '../api.js';
import { afterForbidden, canEdit, CloseCode, type Ending } from './close-codes.js';

export type Phase = { kind: 'open'; info: DocumentInfo; generation: number } | { kind: 'checking' } | { kind: 'ended'; ending: Ending };

/** A message shown above the open document; `role-restored` when a lowered role may write again. */
export type Notice = 'role-lowered' | 'role-restored' | 'signed-out' | null;

/** What the session needs of the open live document. */
export interface ClosableDocument {
  destroy(): Promise<void>;
  discardLocal(): Promise<void>;
  forgetLocal(): Promise<void>;
}

export interface DocumentSession {
  phase: Accessor<Phase>;
  notice: Accessor<Notice>;
  /** May the person type into the document now: never after being signed out. */
  writable(): boolean;
  /** Hides the notice (the person closed it). */
  dismiss(): void;
  /** The connection synced: a later 4403 may reconnect once again. */
  synced(): void;
  /**
   * The connection synced again after a break. A role changed while this browser was
   * offline sent no 4403 (there was no socket to close), and the server silently drops a
   * viewer's updates, so the record is read again here too.
   */
  resynced(live: ClosableDocument): Promise<void>;
  /**
   * The person's session ended (a 4401, or any API call answering 401): read-only at once,
   * this browser's copy deleted, the text left readable with a way to sign in again.
   */
  signedOut(live: ClosableDocument): Promise<void>;
  /** The provider stopped reconnecting after `code`. */
  closed(code: number, live: ClosableDocument): Promise<void>;
  /** Drops this browser's copy and reopens from the server's (after refused changes). */
  useServerVersion(live: ClosableDocument): Promise<void>;
}

/** The session's state and the steps its events share: reopen, end, switch role, recheck after a 4403. */
function createSessionCore(initial: DocumentInfo, fetchInfo: (id: string) => Promise<DocumentInfo>) {
  const [phase, setPhase] = createSignal<Phase>({ kind: 'open', info: initial, generation: 0 });
  const [notice, setNotice] = createSignal<Notice>(null);
  let info = initial;
  let generation = 0;
  let retried = false;
  const reopen = (next: DocumentInfo) => {
    info = next;
    generation += 1;
    setPhase({ kind: 'open', info: next, generation });
  };
  const end = async (live: ClosableDocument, ending: Ending) => {
    await live.destroy();
    setPhase({ kind: 'ended', ending });
  };
  /**
   * Reopens with `next`; when the person may no longer write, from the server's copy, saying
   * so; when they may write again after that, saying so instead (issue 15/16 item 4).
   */
  const switchTo = async (live: ClosableDocument, next: DocumentInfo, lowered: boolean) => {
    const raised = !canEdit(info) && canEdit(next);
    if (lowered) {
      await live.discardLocal();
      setNotice('role-lowered');
    } else await live.destroy();
    // "Changed to viewer" would stay on screen, wrong, above an editor that works again.
    if (raised && notice() === 'role-lowered') setNotice('role-restored');
    reopen(next);
  };
  const recheck = async (live: ClosableDocument) => {
    // At once: the editor goes away before the record is read, so nothing more is typed into a copy the server refuses.
    setPhase({ kind: 'checking' });
    const fetched = await fetchInfo(info.id).then(
      (record) => ({ info: record }),
      (error: unknown) => ({ status: error instanceof ApiError ? error.status : 0 }),
    );
    const outcome = afterForbidden(info, fetched, retried);
    if (outcome.do === 'end') return end(live, outcome.ending);
    if (outcome.do === 'reconnect') retried = true;
    await switchTo(live, outcome.info, outcome.do === 'reopen-read-only');
  };

  return {
    phase,
    setPhase,
    notice,
    setNotice,
    info: () => info,
    reopen,
    end,
    switchTo,
    recheck,
    /** The connection synced: a later 4403 may reconnect once again. */
    resetRetry: () => {
      retried = false;
    },
  };
}

/**
 * The record read after a reconnect, or null. A request made as the network comes back can
 * fail with it (Chromium's ERR_NETWORK_CHANGED) though the socket got through: a role lowered
 * while offline would then go unnoticed, the server silently dropping every edit, so a
 * network failure is tried again after each of `retryMs`; an answer from the server is final.
 */
async function readAfterReconnect(read: () => Promise<DocumentInfo>, retryMs: readonly number[]): Promise<DocumentInfo | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const network = !(error instanceof ApiError) || error.status === 0;
      const wait = retryMs[attempt];
      if (!network || wait === undefined) return null;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * `fetchInfo` is `api.document`; an ApiError's status tells a lost membership from a network
 * failure. `retryMs`: the pauses before reading the record again after a reconnect.
 */
export function createDocumentSession(initial: DocumentInfo, fetchInfo: (id: string) => Promise<DocumentInfo>, retryMs: readonly number[] = [500, 1500, 4000]): DocumentSession {
  const { phase, setPhase, notice, setNotice, info, reopen, end, switchTo, recheck, resetRetry } = createSessionCore(initial, fetchInfo);
  const signedOut = async (live: ClosableDocument) => {
    if (notice() === 'signed-out') return;
    // Read-only at once, then the copy goes: edits typed from here on would be local-only,
    // and a later session in this browser must never send them (issue 15/16 item 1).
    setNotice('signed-out');
    await live.forgetLocal();
  };
  return {
    phase,
    notice,
    writable: () => canEdit(info()) && notice() !== 'signed-out',
    dismiss: () => setNotice(null),
    synced: resetRetry,
    signedOut,
    resynced: async (live) => {
      const fetched = await readAfterReconnect(() => fetchInfo(info().id), retryMs);
      if (!fetched || canEdit(fetched) === canEdit(info())) return;
      await switchTo(live, fetched, canEdit(info()));
    },
    closed: async (code, live) => {
      if (code === CloseCode.Unauthorized) await signedOut(live);
      else if (code === CloseCode.NotFound) await end(live, 'not-found');
      else if (code === CloseCode.Forbidden) await recheck(live);
    },
    useServerVersion: async (live) => {
      setPhase({ kind: 'checking' });
      await live.discardLocal();
      reopen(info());
    },
  };
}
