/**
 * A bystander for load tests (DESIGN "Limits every boundary enforces": one member's
 * expensive request never stalls anyone else): two real y-websocket clients of another
 * person on another document, one writing `meta.subtitle` and the other waiting to see it,
 * over and over. The round trips show how long the server's event loop was held.
 */
import { performance } from 'node:perf_hooks';
import type * as Y from 'yjs';
import { ApiClient, email } from './api.js';
import { connectPeer, synced, type Peer } from './yclient.js';

export interface Bystander {
  /** Starts measuring; `stop` ends it and answers the round trips (ms) seen meanwhile. */
  measure(): { stop(): Promise<RoundTrips> };
  close(): void;
}

export interface RoundTrips {
  count: number;
  max: number;
  median: number;
}

/** A new person with their own workspace and action plan, and two clients open on it. */
export async function startBystander(baseUrl: string): Promise<Bystander> {
  const api = new ApiClient(baseUrl);
  await api.signup(email('bystander'));
  const ws = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Förbipasserande' }, 201)).id;
  const doc = (await api.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title: 'Annat dokument' }, 201)).id;
  const writer = connectPeer(baseUrl, doc, { cookie: api.sessionCookie });
  const reader = connectPeer(baseUrl, doc, { cookie: api.sessionCookie });
  await Promise.all([synced(writer), synced(reader)]);
  return {
    measure: () => measureRoundTrips(writer, reader),
    close: () => {
      writer.destroy();
      reader.destroy();
    },
  };
}

function measureRoundTrips(writer: Peer, reader: Peer): { stop(): Promise<RoundTrips> } {
  let running = true;
  const times: number[] = [];
  let failure: unknown = null;
  const loop = (async () => {
    // Each round trip counts from when it was due, so a stall that falls in the pause
    // between two (the timer fires late) is measured too, not hidden.
    let due = performance.now();
    for (let n = 0; running; n++) {
      const value = `runda ${n}`;
      const started = due;
      const seen = sees(reader.doc.getMap('meta'), value);
      writer.doc.getMap('meta').set('subtitle', value);
      await seen;
      times.push(performance.now() - started);
      // A short pause between round trips, so the bystander is a typist, not a load.
      due = performance.now() + 20;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })().catch((error: unknown) => {
    // Held until `stop`, so the test that measured fails, not a later one.
    failure = error;
  });
  return {
    async stop() {
      running = false;
      await loop;
      if (failure !== null) throw failure;
      const sorted = [...times].sort((a, b) => a - b);
      return { count: sorted.length, max: Math.round(sorted.at(-1) ?? 0), median: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0) };
    },
  };
}

/** Resolves when `meta.subtitle` reads `value` (rejects after 60 s: the server is gone). */
function sees(meta: Y.Map<unknown>, value: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bystander never saw ${value}`)), 60_000);
    const check = () => {
      if (meta.get('subtitle') !== value) return;
      clearTimeout(timer);
      meta.unobserve(check);
      resolve();
    };
    meta.observe(check);
  });
}
