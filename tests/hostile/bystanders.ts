/**
 * Two ordinary people in the attacked document, with real y-websocket providers: one
 * edits the plan's subtitle about 20 times a second, the other measures how long each
 * edit takes to reach it. What the attacks must not hurt.
 */
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { summarize, type LatencySummary } from '../bench/stats.js';

const EDIT_EVERY_MS = 50;
const PREFIX = 'bystander ';

/** A provider signed in by cookie, with the app's Origin as a browser sends it. */

/** Phases named so are an attack's preparation, left out of the run's overall summary. */
export const PREPARING_PHASE = 'preparing ';
/** Phases of attacks whose bystander latency is a known open finding (Attack.latencyOpen): reported by name, not in the run's own summary. */
export const OPEN_PHASE = 'open ';
export function cookieProvider(baseUrl: string, documentId: string, cookie: string, doc: Y.Doc): WebsocketProvider {
  const origin = new URL(baseUrl).origin;
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin } });
    }
  }
  return new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/ws', documentId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

function whenSynced(provider: WebsocketProvider, timeoutMs: number): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bystander not synced in time')), timeoutMs);
    provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      resolve();
    });
  });
}

export interface Bystanders {
  /** Latencies of edits sent from now on are counted under `phase`. */
  phase(name: string): void;
  /** Stops editing, then waits until the reader holds exactly the writer's document. */
  converge(timeoutMs: number): Promise<boolean>;
  resume(): void;
  summary(phase?: string): LatencySummary & { lost: number };
  /** Awareness states the reader was sent by others, as JSON (for the awareness checks). */
  awarenessSeen(): string[];
  destroy(): void;
}

interface Sent {
  at: number;
  phase: string;
}

/**
 * Records each edit's latency as the reader's document shows it; returns the number of
 * the last edit seen. Edits overtaken before the reader saw them arrived then too.
 */
function measureArrivals(readerDoc: Y.Doc, sent: Sent[], latencies: Array<{ ms: number; phase: string }>): () => number {
  let lastSeen = -1;
  const meta = readerDoc.getMap<unknown>('meta');
  meta.observe(() => {
    const value = meta.get('subtitle');
    const seq = typeof value === 'string' && value.startsWith(PREFIX) ? Number(value.slice(PREFIX.length)) : NaN;
    const now = performance.now();
    for (; Number.isInteger(seq) && lastSeen < seq; ) {
      lastSeen++;
      const edit = sent[lastSeen];
      if (edit) latencies.push({ ms: now - edit.at, phase: edit.phase });
    }
  });
  return () => lastSeen;
}

/** Connects the pair and starts editing; resolves once both are synced. */
export async function startBystanders(baseUrl: string, documentId: string, writerCookie: string, readerCookie: string): Promise<Bystanders> {
  const writerDoc = new Y.Doc();
  const readerDoc = new Y.Doc();
  const writer = cookieProvider(baseUrl, documentId, writerCookie, writerDoc);
  const reader = cookieProvider(baseUrl, documentId, readerCookie, readerDoc);
  await Promise.all([whenSynced(writer, 15_000), whenSynced(reader, 15_000)]);
  const sent: Sent[] = [];
  const latencies: Array<{ ms: number; phase: string }> = [];
  const lastSeen = measureArrivals(readerDoc, sent, latencies);
  let phase = 'warm-up';
  const seenStates = new Set<string>();
  reader.awareness.on('change', () => {
    for (const [clientId, state] of reader.awareness.getStates()) {
      if (clientId !== reader.awareness.clientID) seenStates.add(JSON.stringify(state));
    }
  });
  const edit = () => {
    sent.push({ at: performance.now(), phase });
    writerDoc.getMap<unknown>('meta').set('subtitle', `${PREFIX}${sent.length - 1}`);
  };
  let timer: NodeJS.Timeout | null = setInterval(edit, EDIT_EVERY_MS);
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  return {
    phase: (name) => (phase = name),
    converge: async (timeoutMs) => {
      stop();
      const same = () => lastSeen() === sent.length - 1 && Buffer.from(Y.encodeStateVector(writerDoc)).equals(Buffer.from(Y.encodeStateVector(readerDoc)));
      const until = performance.now() + timeoutMs;
      while (!same() && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      return same();
    },
    resume: () => {
      if (!timer) timer = setInterval(edit, EDIT_EVERY_MS);
    },
    summary: (name) => {
      // The run's own summary leaves out attacks' preparation (PREPARING_PHASE: building a 20 000-item document is not an attack)
      // and open findings (OPEN_PHASE); each is reported by name.
      const counted = (phase: string) => (name === undefined ? !phase.startsWith(PREPARING_PHASE) && !phase.startsWith(OPEN_PHASE) : phase === name);
      const chosen = latencies.filter((l) => counted(l.phase)).map((l) => l.ms);
      const edits = sent.filter((s) => counted(s.phase)).length;
      return { ...summarize(chosen), lost: edits - chosen.length };
    },
    awarenessSeen: () => [...seenStates],
    destroy: () => {
      stop();
      writer.destroy();
      reader.destroy();
      writerDoc.destroy();
      readerDoc.destroy();
    },
  };
}
