/**
 * The document session's answer to each final close code, with a fake record fetch and a
 * fake live document: what is shown, whether this browser's copy is discarded, and that a
 * 4403 takes the editor away before the record is read again.
 */
import { describe, expect, it, vi } from 'vitest';
import { createRoot } from 'solid-js';
import { ApiError, type DocumentInfo } from '../api.js';
import { createDocumentSession } from './document-session.js';

const info = (role: DocumentInfo['role']): DocumentInfo => ({ id: 'd1', kind: 'action-plan', title: 'Plan', workspaceId: 'w1', role, readOnly: null });

function fakeLive() {
  return { destroy: vi.fn(() => Promise.resolve()), discardLocal: vi.fn(() => Promise.resolve()), forgetLocal: vi.fn(() => Promise.resolve()) };
}

function session(initial: DocumentInfo, fetchInfo: (id: string) => Promise<DocumentInfo>) {
  return createRoot(() => createDocumentSession(initial, fetchInfo, [0, 0]));
}

describe('a 4403 close', () => {
  it('takes the editor away at once, then reopens read-only from the server when the role was lowered', async () => {
    let answer: (value: DocumentInfo) => void = () => undefined;
    const s = session(info('editor'), () => new Promise((resolve) => (answer = resolve)));
    const live = fakeLive();
    const done = s.closed(4403, live);
    expect(s.phase()).toEqual({ kind: 'checking' });
    answer(info('viewer'));
    await done;
    expect(live.discardLocal).toHaveBeenCalledOnce();
    expect(s.phase()).toEqual({ kind: 'open', info: info('viewer'), generation: 1 });
    expect(s.notice()).toBe('role-lowered');
  });

  it('reconnects once, keeping the local copy, when nothing changed; ends the second time', async () => {
    const s = session(info('editor'), () => Promise.resolve(info('editor')));
    const live = fakeLive();
    await s.closed(4403, live);
    expect(s.phase()).toMatchObject({ kind: 'open', generation: 1 });
    expect(live.discardLocal).not.toHaveBeenCalled();
    await s.closed(4403, live);
    expect(s.phase()).toEqual({ kind: 'ended', ending: 'forbidden' });
  });

  it('reconnects once again after the reopened connection synced', async () => {
    const s = session(info('editor'), () => Promise.resolve(info('editor')));
    await s.closed(4403, fakeLive());
    s.synced();
    await s.closed(4403, fakeLive());
    expect(s.phase()).toMatchObject({ kind: 'open', generation: 2 });
  });

  it.each([
    [403, 'no-access'],
    [404, 'no-access'],
    [401, 'signed-out'],
  ] as const)('ends when the record answers %i', async (status, ending) => {
    const s = session(info('editor'), () => Promise.reject(new ApiError(status, 'x', 'x')));
    const live = fakeLive();
    await s.closed(4403, live);
    expect(s.phase()).toEqual({ kind: 'ended', ending });
    expect(live.destroy).toHaveBeenCalled();
  });
});

describe('a role raised again after it was lowered (issue 15/16 item 4)', () => {
  it.each([
    ['by a 4403 while online', (s: ReturnType<typeof session>, live: ReturnType<typeof fakeLive>) => s.closed(4403, live)],
    ['found on a reconnect', (s: ReturnType<typeof session>, live: ReturnType<typeof fakeLive>) => s.resynced(live)],
  ])('replaces "changed to viewer" with "you can edit again" %s, and can be closed', async (_, raise) => {
    let role: DocumentInfo['role'] = 'viewer';
    const s = session(info('editor'), () => Promise.resolve(info(role)));
    await s.closed(4403, fakeLive());
    expect(s.notice()).toBe('role-lowered');
    role = 'editor';
    const live = fakeLive();
    await raise(s, live);
    expect(s.notice()).toBe('role-restored');
    expect(s.writable()).toBe(true);
    expect(live.discardLocal).not.toHaveBeenCalled();
    s.dismiss();
    expect(s.notice()).toBeNull();
  });
});

describe('a reconnect after a break (no 4403 reaches a closed socket)', () => {
  it.each([
    ['lowered while offline', info('editor'), info('viewer'), { discarded: 1, generation: 1, notice: 'role-lowered' }],
    ['raised while offline (never lowered here: nothing to take back)', info('viewer'), info('editor'), { discarded: 0, generation: 1, notice: null }],
    ['unchanged', info('editor'), info('coordinator'), { discarded: 0, generation: 0, notice: null }],
  ] as const)('%s', async (_, before, after, expected) => {
    const s = session(before, () => Promise.resolve(after));
    const live = fakeLive();
    await s.resynced(live);
    expect({ discarded: live.discardLocal.mock.calls.length, generation: s.phase().kind === 'open' ? s.phase() : null, notice: s.notice() }).toMatchObject({
      discarded: expected.discarded,
      generation: { generation: expected.generation },
      notice: expected.notice,
    });
  });

  it.each([
    ['a network failure (ERR_NETWORK_CHANGED as the network comes back)', new TypeError('Failed to fetch')],
    ['an ApiError without a status', new ApiError(0, 'network', 'x')],
  ])('reads the record again after %s, and still sees the lowered role', async (_what, failure) => {
    let calls = 0;
    const s = session(info('editor'), () => (++calls === 1 ? Promise.reject(failure) : Promise.resolve(info('viewer'))));
    const live = fakeLive();
    await s.resynced(live);
    expect(calls).toBe(2);
    expect(s.notice()).toBe('role-lowered');
    expect(live.discardLocal).toHaveBeenCalledOnce();
  });

  it('does not ask again when the server answered (a 500 is an answer)', async () => {
    let calls = 0;
    const s = session(info('editor'), () => (calls++, Promise.reject(new ApiError(500, 'x', 'x'))));
    await s.resynced(fakeLive());
    expect(calls).toBe(1);
  });

  it('keeps everything when the record cannot be read', async () => {
    const s = session(info('editor'), () => Promise.reject(new ApiError(0, 'network', 'x')));
    const live = fakeLive();
    await s.resynced(live);
    expect(live.destroy).not.toHaveBeenCalled();
    expect(s.phase()).toMatchObject({ kind: 'open', generation: 0 });
  });
});

describe('other final closes', () => {
  it('4401 keeps the document readable, read-only at once, and forgets this browser’s copy', async () => {
    const s = session(info('editor'), () => Promise.resolve(info('editor')));
    const live = fakeLive();
    expect(s.writable()).toBe(true);
    const done = s.closed(4401, live);
    // Before the copy is deleted: nothing typed from now on could reach a later session.
    expect(s.writable()).toBe(false);
    await done;
    expect(s.phase()).toMatchObject({ kind: 'open', generation: 0 });
    expect(s.notice()).toBe('signed-out');
    expect(live.forgetLocal).toHaveBeenCalledOnce();
    expect(live.destroy).not.toHaveBeenCalled();
  });

  it.each([
    ['editor', true],
    ['coordinator', true],
    ['viewer', false],
  ] as const)('a %s may write before a 4401 (%s) and never after', async (role, before) => {
    const s = session(info(role), () => Promise.resolve(info(role)));
    expect(s.writable()).toBe(before);
    await s.closed(4401, fakeLive());
    expect(s.writable()).toBe(false);
  });

  it('4404 ends with "not found"', async () => {
    const s = session(info('viewer'), () => Promise.resolve(info('viewer')));
    await s.closed(4404, fakeLive());
    expect(s.phase()).toEqual({ kind: 'ended', ending: 'not-found' });
  });

  it('using the server version discards the local copy and reopens', async () => {
    const s = session(info('editor'), () => Promise.resolve(info('editor')));
    const live = fakeLive();
    await s.useServerVersion(live);
    expect(live.discardLocal).toHaveBeenCalledOnce();
    expect(s.phase()).toMatchObject({ kind: 'open', generation: 1 });
  });
});
