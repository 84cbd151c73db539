/** Benchmark peer: @y/websocket-server (the y-websocket reference server) with SQLite persistence. */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { setPersistence, setupWSConnection } from '@y/websocket-server/utils';
import { openLog } from './sqlite-log.js';

const log = openLog(process.env.DATA_DIR ?? '.');
setPersistence({
  provider: null,
  bindState: (name: string, doc: Y.Doc) => {
    for (const update of log.updates(name)) Y.applyUpdate(doc, update);
    doc.on('update', (update: Uint8Array) => log.append(name, update));
  },
  writeState: async () => undefined,
});
const server = http.createServer((_req, res) => res.end('ok'));
const wss = new WebSocketServer({ server });
wss.on('connection', (conn, req) => setupWSConnection(conn, req));
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => {
  log.close();
  process.exit(0);
});
