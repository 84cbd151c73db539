/**
 * Not a peer: the benchmark's floor. A relay that does none of the work a Yjs server
 * must do — no Y.Doc, no storage, no auth — answering each client's sync step 1 with an
 * empty step 2 and forwarding every other message, as it came, to the other clients of
 * its room. Its fan-out figures are what the load generator, loopback sockets and `ws`
 * cost on their own on this machine: no server can measure below them here.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/** y-websocket: message type sync (0), step 2 (1), an empty update (2 bytes: 0, 0). */
const EMPTY_STEP2 = Buffer.from([0, 1, 2, 0, 0]);
const rooms = new Map<string, Set<WebSocket>>();

const server = http.createServer((_req, res) => res.end('ok'));
const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (conn, req) => {
  const name = req.url ?? '/';
  const room = rooms.get(name) ?? new Set<WebSocket>();
  rooms.set(name, room);
  room.add(conn);
  conn.on('message', (data: Buffer, isBinary) => {
    if (!isBinary) return;
    // A client's sync step 1: it is told it lacks nothing (the relay keeps no state).
    if (data[0] === 0 && data[1] === 0) return conn.send(EMPTY_STEP2);
    for (const other of room) if (other !== conn) other.send(data);
  });
  conn.on('close', () => {
    room.delete(conn);
    if (room.size === 0) rooms.delete(name);
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => process.exit(0));
