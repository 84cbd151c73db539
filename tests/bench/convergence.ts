/**
 * Real providers alongside the raw clients: `y-websocket`'s WebsocketProvider, or
 * Hocuspocus's own provider, in a few rooms of a fan-out load. They edit too, and at the
 * end every provider's document must hold the last edit of every writer in its room —
 * the raw clients only spot markers, so this is what shows the servers really converge.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { RawClient } from './raw-client.js';
import { sleep } from './stats.js';
import type { Target } from './targets.js';

/**
 * `ws` emits 'error' when a provider closes a socket that is still connecting (as it does
 * on destroy) and throws if nobody listens; the providers report failures by status.
 */
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}

interface RealPeer {
  doc: Y.Doc;
  synced: Promise<void>;
  destroy(): void;
}

/** A y-websocket provider for the URL the target hands out (room and ticket included). */
function yWebsocketPeer(url: string): RealPeer {
  const parsed = new URL(url);
  const slash = parsed.pathname.lastIndexOf('/');
  const room = decodeURIComponent(parsed.pathname.slice(slash + 1));
  const server = `${parsed.protocol}//${parsed.host}${parsed.pathname.slice(0, slash)}`;
  const doc = new Y.Doc();
  // A ticket is single-use: should the socket drop, reconnecting with it is refused, so
  // the provider backs off slowly instead of hammering the server under test.
  const provider = new WebsocketProvider(server, room, doc, {
    WebSocketPolyfill: QuietWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: Object.fromEntries(parsed.searchParams),
    maxBackoffTime: 60_000,
  });
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, synced, destroy: () => (provider.destroy(), doc.destroy()) };
}

function hocuspocusPeer(url: string, room: string): RealPeer {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: QuietWebSocket });
  let resolveSynced = () => {};
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc, onSynced: () => resolveSynced() });
  // A provider given a shared socket only joins its document once attached.
  provider.attach();
  return { doc, synced, destroy: () => (provider.destroy(), socket.destroy(), doc.destroy()) };
}

export interface ConvergenceResult {
  rooms: number;
  providers: number;
  /** Rooms where every provider held every writer's last edit (raw and real) within 5 s of the end. */
  converged: number;
}

export class ConvergenceCheck {
  private timers: NodeJS.Timeout[] = [];

  private constructor(private readonly rooms: Array<{ raw: RawClient[]; peers: RealPeer[] }>) {}

  /** Joins `perRoom` real providers to each of `rooms` (name and raw clients) and starts them editing once a second. */
  static async start(target: Target, rooms: Array<{ name: string; raw: RawClient[] }>, perRoom = 2): Promise<ConvergenceCheck> {
    const joined: Array<{ raw: RawClient[]; peers: RealPeer[] }> = [];
    for (const room of rooms) {
      const peers: RealPeer[] = [];
      for (let i = 0; i < perRoom; i++) {
        const url = await target.connectUrl(room.name);
        peers.push(target.protocol === 'hocuspocus' ? hocuspocusPeer(url, room.name) : yWebsocketPeer(url));
      }
      joined.push({ raw: room.raw, peers });
    }
    const all = joined.flatMap((r) => r.peers);
    const timeout = sleep(20_000).then(() => 'timeout');
    if ((await Promise.race([Promise.all(all.map((p) => p.synced)), timeout])) === 'timeout') {
      all.forEach((p) => p.destroy());
      throw new Error('real providers did not sync within 20 s');
    }
    const check = new ConvergenceCheck(joined);
    let count = 0;
    for (const peer of all) {
      check.timers.push(setInterval(() => peer.doc.getMap('session').set(`p${peer.doc.clientID}`, `provider edit ${++count}`), 1000));
    }
    return check;
  }

  /** Stops the providers' edits, then waits (up to 5 s) for every room to converge. */
  async finish(): Promise<ConvergenceResult> {
    this.timers.forEach((t) => clearInterval(t));
    const expected = this.rooms.map(({ raw, peers }) => {
      const last: Record<string, unknown> = {};
      // Each writer, raw or real, owns one key of the map, holding its last edit.
      for (const client of raw) if (client.lastEdit !== null) last[`w${client.doc.clientID}`] = client.lastEdit;
      for (const { doc } of peers) last[`p${doc.clientID}`] = doc.getMap('session').get(`p${doc.clientID}`);
      return last;
    });
    const holds = (i: number) =>
      this.rooms[i]?.peers.every((peer) => {
        const map = peer.doc.getMap('session');
        return Object.entries(expected[i] ?? {}).every(([key, value]) => map.get(key) === value);
      }) ?? false;
    const deadline = performance.now() + 5000;
    while (performance.now() < deadline && !this.rooms.every((_, i) => holds(i))) await sleep(50);
    const converged = this.rooms.filter((_, i) => holds(i)).length;
    this.rooms.forEach((r) => r.peers.forEach((p) => p.destroy()));
    return { rooms: this.rooms.length, providers: this.rooms.reduce((n, r) => n + r.peers.length, 0), converged };
  }
}
