/**
 * Issue 17 F3: hostile plan tables near the 5 MiB limit — thousands of columns, cells of
 * doubled quotes — are read in the import worker (server/import/import-pool.ts), so the
 * server's event loop stays free for everyone else while one is imported. Measured with
 * the loop's own delay histogram (monitorEventLoopDelay, the server runs in this process):
 * its maximum over the whole request bounds how long any other user's message waited. The
 * bound is loose (a busy two-core machine adds scheduling delay to every turn), far under
 * what reading such a file on the loop costs (3–10 s), so the test fails when the parsing
 * comes back to the loop and not because the machine is slow.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Limits } from '../../shared/limits.js';
import { ApiClient, email } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';

const NEAR_LIMIT = Limits.maxImportBytes - 64 * 1024;

/** Rows of `line(r)` under a header until the text is near the byte limit (or the row limit). */
function fill(header: string, line: (row: number) => string): string {
  const rows = [header];
  let size = Buffer.byteLength(header);
  for (let r = 0; r < Limits.maxImportRows - 10; r++) {
    const next = line(r);
    size += Buffer.byteLength(next) + 1;
    if (size > NEAR_LIMIT) break;
    rows.push(next);
  }
  return rows.join('\n') + '\n';
}

const HEADER = 'Mål;Aktiviteter;Budget;Ansvar;Tidplan;Mottagare av resultat';
const HOSTILE: Array<[string, string]> = [
  ['5 000 columns, rows of empty cells', fill(`${HEADER};${Array.from({ length: 5000 }, (_, i) => `X${i}`).join(';')}`, (r) => `${r}.1 A;"${'""q'.repeat(50)}";1000;${';'.repeat(3000)}`)],
  ['every cell doubled quotes', fill(HEADER, (r) => `${r}.1 "A";"${'""'.repeat(120)}";"${r}";"${'a""'.repeat(40)}";2027-01-01 - 2027-12-31;x`)],
  ['one quoted cell over the whole file', `${HEADER}\n1.1 A;"${'""x\n'.repeat(Math.floor(NEAR_LIMIT / 5))}";1;a;b;c\n`],
];

let server: TestServer;
let api: ApiClient;
let workspace: string;
beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.signup(email('import'));
  workspace = (await api.json<{ id: string }>('POST', '/api/workspaces', { name: 'Fientliga filer' }, 201)).id;
});
afterAll(async () => {
  await server.stop();
});

describe('hostile plan tables near the size limit', () => {
  it.each(HOSTILE)('%s: answered, and the event loop stays free while it is read', { timeout: 180_000 }, async (what, body) => {
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(Limits.maxImportBytes);
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const response = await api.request('POST', `/api/workspaces/${workspace}/import`, body, { 'content-type': 'text/csv' });
    lag.disable();
    expect([201, 400, 413, 422]).toContain(response.status);
    const maxMs = lag.max / 1e6;
    console.info(`${what}: ${response.status}, event loop max delay ${Math.round(maxMs)} ms`);
    expect(maxMs).toBeLessThan(1500);
  });
});
