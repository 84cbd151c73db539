/**
 * Attacks through what a client may send into a room (DESIGN "Limits every boundary
 * enforces"): updates whose structs wait for predecessors that never come, one update of
 * millions of one-unit GC structs, and awareness states that are huge or carry CSS.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Attack, AttackContext, AttackOutcome } from './attack.js';
import { tally } from './attack.js';
import { awarenessMessage, closeCodeWithin, openRaw, opened, SyncStep, syncMessage, wait, yieldTurn } from './raw-socket.js';

/** Past the 10 000 pending structs a room may hold. */
const PENDING_UPDATES = 12_000;
const randomClient = () => 1 + Math.floor(Math.random() * 2 ** 30);

/**
 * One ~75-byte update from a new client whose first struct is left out: its second
 * write names the first as origin, so Yjs keeps it pending, waiting for clock 0.
 */
export function pendingUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = randomClient();
  const goals = doc.getMap<unknown>('goals');
  goals.set('x', 1);
  const before = Y.encodeStateVector(doc);
  goals.set('x', 2);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/** The pending-struct bomb's updates, built by its `prepare` before the phase is timed. */
const pendingPayload: Uint8Array[] = [];

export const pendingStructBomb: Attack = {
  name: 'pending-struct bomb',
  what: `${PENDING_UPDATES} tiny updates from new clients whose earlier clocks are missing`,
  async prepare(): Promise<void> {
    pendingPayload.length = 0;
    while (pendingPayload.length < PENDING_UPDATES) {
      for (let i = 0; i < 100; i++) pendingPayload.push(syncMessage(SyncStep.Update, pendingUpdate()));
      await yieldTurn();
    }
  },
  async run(context: AttackContext): Promise<AttackOutcome> {
    const updates = pendingPayload;
    const socket = openRaw(context.baseUrl, context.documentId, context.editorCookie);
    if (!(await opened(socket))) return { saw: ['could not connect'], problems: ['the editor could not connect'] };
    // Spread over the phase in bursts.
    const perBurst = Math.ceil(PENDING_UPDATES / Math.max(1, context.durationMs / 20));
    let sent = 0;
    while (sent < PENDING_UPDATES && socket.code() === null) {
      for (let i = 0; i < perBurst && sent < PENDING_UPDATES; i++) socket.send(updates[sent++] ?? new Uint8Array());
      await wait(20);
    }
    const code = await closeCodeWithin(socket, Math.max(1000, context.durationMs / 2));
    socket.ws.terminate();
    const problems = code === 1008 ? [] : [`sent ${sent} pending updates; expected the socket closed 1008 past 10 000 pending structs, saw ${code}`];
    return { saw: [`sent ${sent}: ${code}`], problems };
  },
};

/**
 * An update of `structs` one-unit GC structs of one new client, encoded by hand (update
 * v1: #clients, then per client #structs, client, first clock, each struct an info byte
 * 0 and length 1; then an empty delete set).
 */
export function gcBomb(structs: number, client = randomClient()): Uint8Array {
  const head = encoding.createEncoder();
  encoding.writeVarUint(head, 1);
  encoding.writeVarUint(head, structs);
  encoding.writeVarUint(head, client);
  encoding.writeVarUint(head, 0);
  const start = encoding.toUint8Array(head);
  const update = new Uint8Array(start.length + structs * 2 + 1);
  update.set(start);
  for (let i = 0; i < structs; i++) update[start.length + i * 2 + 1] = 1;
  // The info bytes stay 0 (GC) and the final byte, the delete set's client count, 0.
  return update;
}

/** A client id whose varuint takes five bytes, as do all ids from it up to 2^32. */
const FIVE_BYTE_CLIENT = 2 ** 28 + 1;

function varUint(n: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, n);
  return encoding.toUint8Array(encoder);
}

export const gcStructBomb: Attack = {
  name: 'GC-struct bomb',
  what: 'one update of millions of one-unit GC structs (under MAX_MESSAGE_BYTES), repeated on new sockets',
  async run(context: AttackContext): Promise<AttackOutcome> {
    // 7 million structs is 14 MB, under the 16 MiB message limit; quick runs send 2 million.
    const structs = context.quick ? 2_000_000 : 7_000_000;
    // Framed once; each send is a copy with a new client id (five varuint bytes at a
    // fixed place), so it is news to the server every time.
    const update = gcBomb(structs, FIVE_BYTE_CLIENT);
    const framed = syncMessage(SyncStep.Update, update);
    // The update ends the frame; in it the client follows #clients (1 byte) and #structs.
    const clientAt = framed.length - update.length + 1 + varUint(structs).length;
    const until = performance.now() + context.durationMs;
    const codes: Array<string | number> = [];
    while (performance.now() < until) {
      const socket = openRaw(context.baseUrl, context.documentId, context.editorCookie);
      if (!(await opened(socket))) {
        codes.push(socket.refusedWith() ?? socket.code() ?? 'no connection');
        await wait(200);
        continue;
      }
      const message = framed.slice();
      message.set(varUint(FIVE_BYTE_CLIENT + randomClient()), clientAt);
      socket.send(message);
      const code = await closeCodeWithin(socket, 1500);
      socket.ws.terminate();
      codes.push(code);
      await yieldTurn();
    }
    const problems = codes.every((code) => code === 1008) ? [] : [`expected each ${structs}-struct update refused with 1008 (over 1 000 000), saw ${tally(codes).join(', ')}`];
    return { saw: tally(codes), problems };
  },
};

const HOSTILE_COLOR = 'red;position:fixed;inset:0;background:url(https://evil.example/x)';
const HOSTILE_NAME = 'Lena<img src=x onerror=alert(1)>';

/** What in the states the bystander was sent breaks DESIGN's awareness limits. */
export function awarenessProblems(states: string[]): string[] {
  const problems = new Set<string>();
  for (const text of states) {
    if (text.length > 16 * 1024) problems.add(`a ${Math.round(text.length / 1024)} KB awareness state was relayed (limit 16 KiB)`);
    const user = (JSON.parse(text) as { user?: { color?: unknown; name?: unknown } } | null)?.user;
    if (user?.color !== undefined && !/^#[0-9a-fA-F]{6}$/.test(String(user.color))) problems.add(`user.color ${JSON.stringify(user.color).slice(0, 60)} was relayed`);
    if (user?.name === HOSTILE_NAME) problems.add('a user.name the client chose was relayed instead of the account name');
  }
  return [...problems];
}

export const hostileAwareness: Attack = {
  name: 'hostile awareness',
  what: 'a viewer sends 1 MB awareness states and a user.color carrying CSS',
  async run(context: AttackContext): Promise<AttackOutcome> {
    const socket = openRaw(context.baseUrl, context.documentId, context.viewerCookie);
    if (!(await opened(socket))) return { saw: ['could not connect'], problems: ['the viewer could not connect'] };
    const clientId = randomClient();
    const huge = JSON.stringify({ user: { name: 'Lena', color: '#3366cc' }, junk: 'x'.repeat(1024 * 1024) });
    const hostile = JSON.stringify({ user: { name: HOSTILE_NAME, color: HOSTILE_COLOR } });
    const until = performance.now() + context.durationMs;
    let clock = 0;
    while (performance.now() < until && socket.code() === null) {
      socket.send(awarenessMessage(clientId, ++clock, clock % 2 ? huge : hostile));
      await wait(100);
    }
    // Relays take a moment to reach the bystander.
    await wait(500);
    const code = socket.code() ?? 'open';
    socket.ws.terminate();
    return { saw: [`sent ${clock}: ${code}`], problems: awarenessProblems(await context.bystanders.awarenessSeen()) };
  },
};
