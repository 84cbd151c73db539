/** Benchmark peer: @hocuspocus/server with its Database extension on the same SQLite log. */
import { Server } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import * as Y from 'yjs';
import { openLog } from './sqlite-log.js';

const log = openLog(process.env.DATA_DIR ?? '.');
const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const state = log.state(documentName);
        const updates = log.updates(documentName);
        if (!state && updates.length === 0) return null;
        const doc = new Y.Doc();
        if (state) Y.applyUpdate(doc, state);
        for (const update of updates) Y.applyUpdate(doc, update);
        return Y.encodeStateAsUpdate(doc);
      },
      store: async ({ documentName, state }) => {
        log.saveState(documentName, state);
      },
    }),
  ],
});
await server.listen();
console.log(`listening on ${server.httpURL}`);
process.on('SIGTERM', () => {
  void server.destroy().finally(() => {
    log.close();
    process.exit(0);
  });
});
