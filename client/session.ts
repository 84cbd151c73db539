/**
 * The signed-in person and their workspaces, loaded once and refreshed after changes; and how
 * a session ends (issue 15/16 items 1, 3, 5): the person's local document copies are deleted,
 * and the app remembers why, so the next page can say it ("Du är utloggad på alla enheter").
 */
import { createMemo, createResource, createRoot, createSignal } from 'solid-js';
import { api, onUnauthorized } from './api.js';
import { clearLocalCopies } from './sync/local-copies.js';
import { signedInOrNobody } from './lib/signed-in.js';

/**
 * Why the last session ended: `logged-out` (the person's own "Logga ut"), `everywhere`
 * ("Logga ut överallt"), `deleted` (the account), `expired` (the server answered 401: ended
 * elsewhere or timed out). Null while signed in, or when nobody was.
 */
export type SessionEnd = 'logged-out' | 'everywhere' | 'deleted' | 'expired';

const [sessionEnd, setSessionEnd] = createSignal<SessionEnd | null>(null);
export { sessionEnd };

async function loadMe() {
  const session = await signedInOrNobody(() => api.me(), globalThis.caches);
  // Signed in (again): the last session's ending no longer applies.
  if (session) setSessionEnd(null);
  return session;
}

/**
 * A guest's share-link page (`/s/…`) has nobody to ask about: it never calls /api/me (two
 * 401s in a guest's console, issue 18 follow-up). The layout tells which page is shown.
 */
const [path, setPath] = createSignal(typeof location === 'undefined' ? '/' : location.pathname);
export { setPath as followPath };
// A root of its own: the session lives as long as the app.
const wanted = createRoot(() => createMemo(() => !path().startsWith('/s/')));

const [me, { refetch, mutate }] = createResource(wanted, () => loadMe());
export { me, refetch as refreshMe, mutate as setMe };

/**
 * The session as far as it is known, for anything that shows it: the person and their
 * workspaces, null when nobody is signed in, undefined while it loads or when its load failed
 * (`me.error` says why). Never throws — reading `me()` does while the load has failed (no
 * connection), and a throw from the header's name ended the page's update before the page
 * said "Servern kunde inte nås": "Laddar …" for ever, offline (issue 17 item 3).
 */
export function knownSession(): Awaited<ReturnType<typeof loadMe>> | undefined {
  return me.state === 'errored' ? undefined : me();
}

/**
 * Ends the session in this page: forgets the person and deletes their local copies (never
 * sent by a later session in this browser), remembering `why`. Resolves when the copies are
 * deleted, or handed to the tabs still holding them. Safe when nobody is signed in.
 */
export async function endSession(why: SessionEnd): Promise<void> {
  const current = knownSession();
  setSessionEnd(why);
  mutate(null);
  if (current) await clearLocalCopies(current.user.id);
}

// Any call answering 401 while someone is signed in: that session ended elsewhere.
onUnauthorized(() => {
  if (me.state === 'ready' && knownSession()) void endSession('expired');
});
