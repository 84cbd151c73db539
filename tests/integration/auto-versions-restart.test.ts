/**
 * An automatic version survives a restart (DESIGN "Versions": kind "auto" after 10 minutes
 * of quiet following edits; contract audit: edits noted in memory were never versioned when
 * the process stopped within those 10 minutes, so every rolling deploy lost one). A server
 * edits, stops; a new one on the same data, the clock 10 minutes on, makes the version —
 * and none for edits a version already covers, nor for a document never edited.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { addGoal } from '../../shared/model/action-plan.js';
import type { Clock } from '../../server/context.js';
import { ApiClient, email } from '../support/api.js';
import { eventually } from '../support/plan-scene.js';
import { startTestServer, tempDataDir, type TestServer } from '../support/server.js';

let now = Date.parse('2027-03-15T10:00:00.000Z');
const clock: Clock = { now: () => now, today: () => new Date(now).toISOString().slice(0, 10) };
const MINUTE = 60_000;
const dataDir = tempDataDir();
const servers: TestServer[] = [];

interface Version {
  kind: string;
  createdAt: string;
}

afterAll(async () => {
  for (const server of servers) await server.stop();
});

const start = async () => {
  const server = await startTestServer({ dataDir, versionSweepMs: 20 }, clock);
  servers.push(server);
  return server;
};
const versions = async (api: ApiClient, doc: string) => (await api.json<{ versions: Version[] }>('GET', `/api/documents/${doc}/versions`, undefined, 200)).versions;
const edit = (server: TestServer, doc: string, title: string) => server.deps.rooms.change(doc, (d) => void addGoal(d, { number: '1', title }));

describe('automatic versions across a restart', () => {
  it('are made 10 minutes after the last edit by the next process, once, and only for edits no version covers', async () => {
    const first = await start();
    const address = email('anna');
    let coordinator = new ApiClient(first.url);
    await coordinator.signup(address);
    const ws = (await coordinator.json<{ id: string }>('POST', '/api/workspaces', { name: 'Omstart' }, 201)).id;
    const newDocument = async (title: string) => (await coordinator.json<{ id: string }>('POST', `/api/workspaces/${ws}/documents`, { kind: 'action-plan', title }, 201)).id;
    const [edited, covered, untouched] = [await newDocument('Redigerad'), await newDocument('Har version'), await newDocument('Orörd')];
    now += MINUTE;
    await edit(first, edited, 'Mål');
    await edit(first, covered, 'Mål');
    const lastEdit = now;
    now += MINUTE;
    await coordinator.json('POST', `/api/documents/${covered}/versions`, { name: 'Efter ändringen' }, 201);
    now += MINUTE;
    await first.stop();
    servers.splice(servers.indexOf(first), 1);

    now = lastEdit + 10 * MINUTE;
    const second = await start();
    coordinator = new ApiClient(second.url);
    await coordinator.json('POST', '/api/auth/login', { email: address, password: 'lösenord-123' }, 200);
    await eventually(async () => (await versions(coordinator, edited)).length > 0, 10_000, 'the automatic version after the restart');
    expect(await versions(coordinator, edited)).toEqual([expect.objectContaining({ kind: 'auto', createdAt: new Date(lastEdit + 10 * MINUTE).toISOString() })]);

    // A later sweep has run once a new edit's version is there: nothing more was made meanwhile.
    const later = await newDocument('Senare');
    now += MINUTE;
    await edit(second, later, 'Mål');
    now += 10 * MINUTE;
    await eventually(async () => (await versions(coordinator, later)).length > 0, 10_000, 'a later sweep');
    expect((await versions(coordinator, edited)).map((v) => v.kind)).toEqual(['auto']);
    expect((await versions(coordinator, covered)).map((v) => v.kind)).toEqual(['named']);
    expect(await versions(coordinator, untouched)).toEqual([]);
  });
});
