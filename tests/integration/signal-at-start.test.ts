/**
 * A stop signal at any moment of a process's life drains it (issue 21 "Rolling restart",
 * docs/cluster.md "Left" 5): server/main.ts takes SIGTERM and SIGINT before it loads or
 * starts anything, so a signal while it opens the database, migrates or begins to listen
 * waits for the start, then shuts down as one after "listening on" does (exit 0, database
 * closed), instead of killing the process with its database half open.
 *
 * The moments are the lines the process prints on its way up; the answer must be the same
 * whichever moment the signal really lands in, so no timing decides the outcome.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { newDocument } from '../support/api.js';
import { databaseOf, spawnServer, startTestServer, tempDataDir } from '../support/server.js';
import { connectPeer, synced } from '../support/yclient.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** What a process printed and how it ended, after `signal` once `moment` appeared in its output. */
async function signalledAt(dataDir: string, moment: RegExp, signal: NodeJS.Signals): Promise<{ code: number | null; killedBy: NodeJS.Signals | null; output: string }> {
  // The data dir's own database on PostgreSQL runs (as spawnServer and startTestServer use), else its SQLite file.
  const inherited: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: (await databaseOf(dataDir))?.url };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'false', DRAIN_SECONDS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let sent = false;
  return new Promise((resolve, reject) => {
    // Bounded: a process that never prints the moment or never exits fails with what it said.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no exit within 60 s (signal ${sent ? 'sent' : `not sent: ${moment} never printed`}):\n${output}`));
    }, 60_000);
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (!sent && moment.test(output)) {
        sent = true;
        child.kill(signal);
      }
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.once('exit', (code, killedBy) => {
      clearTimeout(timer);
      resolve({ code, killedBy, output });
    });
  });
}

describe('a stop signal while the process starts', () => {
  const moments: Array<[string, RegExp]> = [
    ['it says it is starting (before the server modules load)', /Samplan startar/],
    ['it has opened the database (the demo line)', /Demodata:/],
    ['it listens', /listening on/],
  ];
  const cases = moments.flatMap(([when, moment]) => (['SIGTERM', 'SIGINT'] as const).map((signal) => ({ when, moment, signal })));

  it.each(cases)('$signal when $when: drained, exit 0, the data intact', { timeout: 120_000 }, async ({ moment, signal }) => {
    const dataDir = tempDataDir();
    dataDirs.push(dataDir);
    // Something stored first, so a half-closed database would show.
    const first = await spawnServer(dataDir, { DRAIN_SECONDS: '0' });
    const { api, id } = await newDocument(first.url, 'signal-start', 'action-plan', 'Plan');
    const stopped = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGTERM');
    await stopped;

    const ended = await signalledAt(dataDir, moment, signal);
    expect({ code: ended.code, killedBy: ended.killedBy, drained: ended.output.includes(`${signal}: shutting down`) }, ended.output).toEqual({ code: 0, killedBy: null, drained: true });

    const again = await startTestServer({ dataDir });
    try {
      const reader = connectPeer(again.url, id, { cookie: api.sessionCookie });
      await synced(reader);
      expect(reader.doc.getMap('meta').get('title')).toBe('Plan');
      reader.destroy();
    } finally {
      await again.stop();
    }
  });
});
