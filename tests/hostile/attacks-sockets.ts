/**
 * Attacks on what the server answers and holds per socket (DESIGN "Limits every boundary
 * enforces"): a viewer that never reads while asking for the document again and again,
 * a state vector far past the entry limit, and one user opening hundreds of sockets.
 */
import type { Attack, AttackContext, AttackOutcome } from './attack.js';
import { tally } from './attack.js';
import { closeCodeWithin, openRaw, opened, queryAwarenessMessage, stateVector, SyncStep, syncMessage, wait, yieldTurn, type RawSocket } from './raw-socket.js';

/** How much the attacker lets its own socket buffer before waiting for the kernel. */
const OWN_BUFFER_BYTES = 1024 * 1024;

/** Sends `make()` in bursts until `until`, yielding between bursts; returns messages sent. */
async function flood(socket: RawSocket, make: () => Uint8Array, until: number): Promise<number> {
  let sent = 0;
  while (performance.now() < until) {
    if (socket.ws.bufferedAmount > OWN_BUFFER_BYTES) {
      await wait(5);
      continue;
    }
    for (let i = 0; i < 50; i++) if (socket.send(make())) sent++;
    if (socket.code() !== null) break;
    await yieldTurn();
  }
  return sent;
}

/** What became of a socket that stopped reading: read again and see whether it was closed. */
async function endOfSilentSocket(socket: RawSocket): Promise<string> {
  socket.resumeReading();
  const code = await closeCodeWithin(socket, 2000);
  socket.ws.terminate();
  return String(code);
}

export const slowReader: Attack = {
  name: 'slow reader',
  what: 'viewer sockets that never read flood sync step 1 (non-empty state vector) and query-awareness',
  async run(context: AttackContext): Promise<AttackOutcome> {
    const step1 = openRaw(context.baseUrl, context.documentId, context.viewerCookie);
    const query = openRaw(context.baseUrl, context.documentId, context.viewerCookie);
    if (!(await opened(step1)) || !(await opened(query))) return { saw: ['could not connect'], problems: ['the viewer could not connect'] };
    step1.stopReading();
    query.stopReading();
    const until = performance.now() + context.durationMs;
    // A state vector naming a client the server has never seen: the answer is the whole document.
    const message = syncMessage(SyncStep.Step1, stateVector(1, 7_777_777));
    const [steps, queries] = await Promise.all([flood(step1, () => message, until), flood(query, queryAwarenessMessage, until)]);
    const saw = [`step1 sent ${steps}: ${await endOfSilentSocket(step1)}`, `query sent ${queries}: ${await endOfSilentSocket(query)}`];
    // DESIGN allows dropping extra requests or closing; what is held is judged by the RSS.
    return { saw, problems: [] };
  },
};

export const hugeStateVector: Attack = {
  name: 'huge state vector',
  what: 'sync step 1 with a 200 000-entry state vector, again on a new socket whenever closed',
  async run(context: AttackContext): Promise<AttackOutcome> {
    const message = syncMessage(SyncStep.Step1, stateVector(200_000));
    const until = performance.now() + context.durationMs;
    const codes: Array<string | number> = [];
    while (performance.now() < until) {
      const socket = openRaw(context.baseUrl, context.documentId, context.viewerCookie);
      if (!(await opened(socket))) {
        codes.push(socket.refusedWith() ?? socket.code() ?? 'no connection');
        await wait(200);
        continue;
      }
      // Again and again on one socket, until it is closed or the time is up.
      while (socket.code() === null && performance.now() < until) {
        socket.send(message);
        await wait(250);
      }
      // Still open when the time is up: the server never closed it.
      codes.push(socket.code() ?? 'open');
      socket.ws.terminate();
    }
    const problems = codes.every((code) => code === 1008) ? [] : [`expected every socket closed 1008 (over 100 000 entries), saw ${tally(codes).join(', ')}`];
    return { saw: tally(codes), problems };
  },
};

export const connectionFlood: Attack = {
  name: 'connection flood',
  what: '300 sockets from one user at once, held open',
  async run(context: AttackContext): Promise<AttackOutcome> {
    const sockets: RawSocket[] = [];
    for (let i = 0; i < 300; i++) {
      sockets.push(openRaw(context.baseUrl, context.documentId, context.viewerCookie));
      if (i % 25 === 24) await yieldTurn();
    }
    await Promise.all(sockets.map((socket) => opened(socket, 15_000)));
    const open = sockets.filter((socket) => socket.code() === null && socket.refusedWith() === null).length;
    const outcomes = sockets.map((socket) => socket.refusedWith() ?? socket.code() ?? 'open');
    await wait(context.durationMs);
    for (const socket of sockets) socket.ws.terminate();
    const problems = open <= 50 ? [] : [`${open} sockets of one user stayed open (limit 50 per user, then 429)`];
    return { saw: tally(outcomes), problems };
  },
};
