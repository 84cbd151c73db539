/**
 * Waits for `work` at most `ms`, then goes on: for a clean-up a page load waits on that is
 * not a network call, so not bounded by api.ts's call timeout (deleting the service worker's
 * cache, say). Chromium may keep such a promise pending for as long as another part of the
 * browser holds what it deletes; the page must still show where the person stands (issue 17
 * item 3: never "Laddar …" for ever). Resolves `true` when `work` settled in time (fulfilled
 * or rejected), `false` when the time ran out; never rejects. The work itself carries on.
 */
export function settleWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const settled = () => {
      clearTimeout(timer);
      resolve(true);
    };
    work.then(settled, settled);
  });
}
