/**
 * What one broadcast to a big room costs before any server logic: one small message
 * written to 199 loopback WebSocket connections, framed per receiver by `ws.send` (what
 * the peers do) and framed once and written to each socket (what Samplan does). The
 * receivers live in a child process on the other core, as the load generator does; this
 * process is pinned to core 0 like the servers. It also counts the loops in which one
 * single write took over 1 ms, and runs the same loop with the CPU merely busy instead of
 * writing: what stalls there too comes from the machine, not from any server.
 *
 *   npm run bench:send-loop
 */
import { spawn, spawnSync } from 'node:child_process';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocket, WebSocketServer } from 'ws';
import { frame as frameOnce } from '../../server/sync/frame.js';
import { sleep } from './stats.js';

const RECEIVERS = 199;
const ROUNDS = 300;
const PAUSE_MS = 30;
const self = fileURLToPath(import.meta.url);

if (process.argv[2] === 'receivers') {
  const port = Number(process.argv[3]);
  for (let i = 0; i < RECEIVERS; i++) new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false }).on('message', () => undefined);
} else if (!process.env.SEND_LOOP_PINNED) {
  spawnSync('taskset', ['-c', '0', process.execPath, '--import', 'tsx', self], { stdio: 'inherit', env: { ...process.env, SEND_LOOP_PINNED: '1' } });
} else {
  await measure();
}

async function measure(): Promise<void> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  const receivers: Array<{ ws: WebSocket; socket: Socket }> = [];
  wss.on('connection', (ws, request) => receivers.push({ ws, socket: request.socket as Socket }));
  await new Promise((resolve) => wss.once('listening', resolve));
  const { port } = wss.address() as { port: number };
  const child = spawn('taskset', ['-c', '1', process.execPath, '--import', 'tsx', self, 'receivers', String(port)], { stdio: 'inherit' });
  while (receivers.length < RECEIVERS) await sleep(50);

  // About the size of one edit's update message.
  const message = Buffer.alloc(40, 7);
  const frame = frameOnce(message);
  type Send = (receiver: (typeof receivers)[number]) => void;
  const results: Array<{ way: string; send: Send; loops: number[]; stalled: number }> = [
    { way: 'ws.send per receiver', send: ({ ws }) => ws.send(message), loops: [], stalled: 0 },
    { way: 'one frame, socket.write', send: ({ socket }) => socket.write(frame), loops: [], stalled: 0 },
    // The control: no socket at all, the CPU busy for about as long as a write takes.
    // Stalls here are the machine's (host, interrupts), not the network stack's.
    { way: 'busy 7 µs, no write', send: () => spin(0.007), loops: [], stalled: 0 },
  ];
  for (let round = 0; round < ROUNDS; round++) {
    // The two take turns, so that both meet the same machine.
    for (const result of round % 2 ? results : [...results].reverse()) {
      const { send } = result;
      let longestWrite = 0;
      const start = performance.now();
      for (const receiver of receivers) {
        const before = performance.now();
        send(receiver);
        longestWrite = Math.max(longestWrite, performance.now() - before);
      }
      const ms = performance.now() - start;
      if (round >= 20) {
        result.loops.push(ms);
        if (longestWrite > 1) result.stalled++;
      }
      await sleep(PAUSE_MS);
    }
  }
  for (const { way, loops, stalled } of results) {
    loops.sort((a, b) => a - b);
    const at = (q: number) => (loops[Math.min(loops.length - 1, Math.floor(q * loops.length))] ?? NaN).toFixed(2);
    console.log(
      `${way.padEnd(24)} ${RECEIVERS} writes: p50 ${at(0.5)} · p90 ${at(0.9)} · p99 ${at(0.99)} · max ${at(1)} ms; ` +
        `${stalled} of ${loops.length} loops had one write over 1 ms`,
    );
  }
  child.kill();
  wss.close();
  process.exit(0);
}

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}
