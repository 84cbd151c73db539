/**
 * What the client does with each websocket close code (DESIGN "Wave 2 contract"; issues 15
 * and 16): which codes end reconnecting, what people read, and what a 4403 leads to once
 * the document's record has been read again.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../api.js';
import { afterForbidden, createReconnectPolicy, statusMessage } from './close-codes.js';

const info = (role: DocumentInfo['role'], readOnly: DocumentInfo['readOnly'] = null): DocumentInfo => ({ id: 'd1', kind: 'action-plan', title: 'Plan', workspaceId: 'w1', role, readOnly });

describe('createReconnectPolicy', () => {
  it.each([
    [4401, false],
    [4403, false],
    [4404, false],
    [4499, false],
    [1013, true],
    [1008, true],
    [1006, true],
    [1001, true],
    [1011, true],
    [4500, true],
  ])('after close %i reconnects: %s', (code, expected) => {
    expect(createReconnectPolicy()(code, 0)).toBe(expected);
  });

  it('stops after the server refused this browser three times in a row (1008), but not when the refusals are far apart', () => {
    const quick = createReconnectPolicy();
    expect([1, 2, 3].map((i) => quick(1008, i * 1_000))).toEqual([true, true, false]);
    const apart = createReconnectPolicy();
    expect([1, 2, 3].map((i) => apart(1008, i * 120_000))).toEqual([true, true, true]);
    const interrupted = createReconnectPolicy();
    expect([1008, 1008, 1006, 1008, 1008].map((code, i) => interrupted(code, i))).toEqual([true, true, true, true, true]);
  });
});

describe('statusMessage', () => {
  it.each([
    [{ state: 'error', code: 4401 }, 'status_signedOut'],
    [{ state: 'error', code: 4403 }, 'status_forbidden'],
    [{ state: 'error', code: 4404 }, 'status_notFound'],
    [{ state: 'retrying', code: 1008 }, 'status_refused'],
    [{ state: 'error', code: 1008 }, 'status_refusedStopped'],
    [{ state: 'retrying', code: 1013 }, 'status_overloaded'],
    [{ state: 'retrying', code: 1006 }, 'status_syncing'],
    [{ state: 'error', code: 4499 }, 'status_error'],
    [{ state: 'online' }, 'status_online'],
    [{ state: 'offline' }, 'status_offline'],
  ] as const)('%j reads as %s', (status, key) => {
    expect(statusMessage(status).key).toBe(key);
  });

  it('never shows a bare close code for the codes people meet', () => {
    for (const code of [4401, 4403, 4404, 1008, 1013]) {
      expect(statusMessage({ state: 'error', code }).key).not.toBe('status_error');
    }
  });
});

describe('afterForbidden (4403, once the document was read again)', () => {
  it.each([
    ['demoted editor', info('editor'), { info: info('viewer') }, false, { do: 'reopen-read-only' }],
    ['demoted coordinator', info('coordinator'), { info: info('viewer') }, false, { do: 'reopen-read-only' }],
    ['demoted, second time', info('editor'), { info: info('viewer') }, true, { do: 'reopen-read-only' }],
    ['still an editor', info('editor'), { info: info('editor') }, false, { do: 'reconnect' }],
    ['still an editor, already retried', info('editor'), { info: info('editor') }, true, { do: 'end', ending: 'forbidden' }],
    ['a viewer stays a viewer', info('viewer'), { info: info('viewer') }, false, { do: 'reconnect' }],
    ['no longer a member (403)', info('editor'), { status: 403 }, false, { do: 'end', ending: 'no-access' }],
    ['no longer a member (404)', info('viewer'), { status: 404 }, false, { do: 'end', ending: 'no-access' }],
    ['signed out meanwhile', info('editor'), { status: 401 }, false, { do: 'end', ending: 'signed-out' }],
    ['server unreachable', info('editor'), { status: 0 }, false, { do: 'reconnect' }],
    ['server unreachable, already retried', info('editor'), { status: 0 }, true, { do: 'end', ending: 'forbidden' }],
  ] as const)('%s', (_, previous, fetched, retried, expected) => {
    expect(afterForbidden(previous, fetched, retried)).toMatchObject(expected);
  });

  it('reopens with the record just read', () => {
    const fetched = info('viewer');
    expect(afterForbidden(info('editor'), { info: fetched }, false)).toEqual({ do: 'reopen-read-only', info: fetched });
  });
});
