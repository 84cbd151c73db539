/**
 * `export.ics` through the real server (red team, issue 17): a meeting with a date the
 * calendar lacks, written by an editor over the websocket, is not in the calendar and the
 * download says so in `X-Samplan-Export-Warnings` (docs/exports.md); a calendar
 * without such meetings carries no such header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDocument, type ApiClient } from '../support/api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { connectPeer, synced, type Peer } from '../support/yclient.js';
import { wholeItem } from '../support/required-items.js';

let server: TestServer;
let api: ApiClient;
let documentId = '';
let peer: Peer;

beforeAll(async () => {
  server = await startTestServer();
  ({ api, id: documentId } = await newDocument(server.url, 'ics', 'agenda', 'Träffar'));
  peer = connectPeer(server.url, documentId, { cookie: api.sessionCookie });
  await synced(peer);
});
afterAll(async () => {
  peer.destroy();
  await server.stop();
});

/** Adds a whole meeting in one update (an item keeps its required fields: required-fields.ts). */
function addMeeting(id: string, date: string, start: string): void {
  peer.doc.getMap('meetings').set(id, wholeItem('agenda', 'meetings', { title: `Träff ${id}`, date, start, end: '', location: '', link: '' }));
}

async function meetingsStored(count: number): Promise<void> {
  let stored = 0;
  const read = async () => {
    const json = await api.json<{ meetings: unknown[] }>('GET', `/api/documents/${documentId}/export.json`, undefined, 200);
    stored = json.meetings.length;
  };
  await read();
  // Polls the stored document (the author gets no acknowledgement of its own update).
  for (let tries = 0; stored < count && tries < 200; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    await read();
  }
  expect(stored).toBe(count);
}

describe('export.ics warnings header', () => {
  it('a calendar of meetings it holds as written has none', async () => {
    addMeeting('ok', '2027-11-02', '10:00');
    await meetingsStored(1);
    const response = await api.request('GET', `/api/documents/${documentId}/export.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-samplan-export-warnings')).toBeNull();
    expect(await response.text()).toContain('SUMMARY:Träff ok');
  });

  it('names a meeting left out for a date the calendar lacks and one made all-day for 25:00', async () => {
    addMeeting('feb', '2027-02-30', '10:00');
    addMeeting('late', '2027-11-03', '25:00');
    await meetingsStored(3);
    const response = await api.request('GET', `/api/documents/${documentId}/export.ics`);
    expect(response.status).toBe(200);
    const header = response.headers.get('x-samplan-export-warnings');
    expect(JSON.parse(header ?? 'null')).toEqual([
      { code: 'meeting.date-invalid', meetingId: 'feb', value: '2027-02-30' },
      { code: 'meeting.start-invalid', meetingId: 'late', value: '25:00' },
    ]);
    const text = await response.text();
    expect(text).not.toContain('SUMMARY:Träff feb');
    expect(text).toContain('SUMMARY:Träff late');
    expect(text).toMatch(/X-WR-CALDESC:.*Träff feb/);
  });
});
