/**
 * Every API call ends, in bounded time, with data or an ApiError a page can explain (issue 17
 * item 3: "Laddar …" for ever). A table of the ways an answer goes wrong, fetch stubbed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, CALL_TIMEOUT_MS, call, ELSEWHERE_ATTEMPTS, UPLOAD_TIMEOUT_MS } from './api.js';
import { t } from './i18n/index.js';
import { MESSAGES } from './i18n/messages.js';

/** A fetch that answers only when aborted (then rejects, as a browser's does). */
function hangingFetch(): typeof fetch {
  return (_url, init) =>
    new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
}

/** A fetch whose headers arrive but whose body never ends until aborted. */
function hangingBodyFetch(): typeof fetch {
  return (_url, init) => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      },
    });
    return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
  };
}

const answer = (status: number, text: string): typeof fetch => () => Promise.resolve(new Response(text || null, { status }));

async function outcome(promise: Promise<unknown>): Promise<{ data?: unknown; status?: number; code?: string }> {
  try {
    return { data: await promise };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.status, code: error.code };
  }
}

describe('call', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it.each([
    ['no answer at all', hangingFetch(), { status: 0, code: 'timeout' }],
    ['headers, then a body that never ends', hangingBodyFetch(), { status: 0, code: 'timeout' }],
  ])('%s: ends as a timeout, not before', async (_name, fetchStub) => {
    vi.stubGlobal('fetch', fetchStub);
    const result = outcome(call('GET', '/me'));
    await vi.advanceTimersByTimeAsync(CALL_TIMEOUT_MS - 1);
    let settled = false;
    void result.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toEqual({ status: 0, code: 'timeout' });
  });

  it('gives an uploaded table longer than a call before it times out', async () => {
    vi.stubGlobal('fetch', hangingFetch());
    let settled = false;
    const result = outcome(call('POST', '/workspaces/w/import', new Blob(['a;b']), 'text/csv')).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(CALL_TIMEOUT_MS + 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(UPLOAD_TIMEOUT_MS - CALL_TIMEOUT_MS);
    expect(await result).toEqual({ status: 0, code: 'timeout' });
  });

  it.each<[string, typeof fetch, { data?: unknown; status?: number; code?: string }]>([
    ['the network fails', () => Promise.reject(new TypeError('Failed to fetch')), { status: 0, code: 'network' }],
    ['a proxy answers its HTML error page', answer(502, '<html><h1>502 Bad Gateway</h1></html>'), { status: 502, code: 'bad-response' }],
    ['a 200 that is not JSON', answer(200, 'OK'), { status: 200, code: 'bad-response' }],
    ['the server explains an error', answer(409, '{"error":{"code":"conflict","message":"Finns redan"}}'), { status: 409, code: 'conflict' }],
    ['an error without a body', answer(500, ''), { status: 500, code: 'unknown' }],
    ['an empty success', answer(204, ''), { data: null }],
    ['a JSON success', answer(200, '{"now":"2026-11-30T10:00:00.000Z"}'), { data: { now: '2026-11-30T10:00:00.000Z' } }],
  ])('%s: %j', async (_name, fetchStub, expected) => {
    vi.stubGlobal('fetch', fetchStub);
    expect(await outcome(call('GET', '/time'))).toEqual(expected);
  });

  it('leaves no timer behind once an answer arrives', async () => {
    vi.stubGlobal('fetch', answer(200, '{}'));
    await call('GET', '/me');
    expect(vi.getTimerCount()).toBe(0);
  });
});

/** A fetch answering `answers` in turn (the last one again after that); counts its calls. */
function answers(...list: Array<{ status: number; body: string; retryAfter?: string }>): { fetch: typeof fetch; calls: () => number } {
  let calls = 0;
  const next: typeof fetch = () => {
    const a = list[Math.min(calls, list.length - 1)] ?? { status: 500, body: '' };
    calls += 1;
    return Promise.resolve(new Response(a.body || null, { status: a.status, headers: a.retryAfter === undefined ? {} : { 'retry-after': a.retryAfter } }));
  };
  return { fetch: next, calls: () => calls };
}

const ELSEWHERE = { status: 503, body: '{"error":{"code":"document.elsewhere","message":"Dokumentet är öppet på en annan server just nu."}}', retryAfter: '1' };

describe('503 document.elsewhere (many processes: the document changes server, nothing was written)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it.each([
    { name: 'once, then the owner answers', list: [ELSEWHERE, { status: 200, body: '{"id":"d"}' }], waitMs: 1_000, calls: 2, result: { data: { id: 'd' } } },
    { name: 'with Retry-After 3', list: [{ ...ELSEWHERE, retryAfter: '3' }, { status: 200, body: '{}' }], waitMs: 3_000, calls: 2, result: { data: {} } },
    { name: 'then another error', list: [ELSEWHERE, { status: 409, body: '{"error":{"code":"document.read-only","message":"x"}}' }], waitMs: 1_000, calls: 2, result: { status: 409, code: 'document.read-only' } },
    { name: 'every time', list: [ELSEWHERE], waitMs: (ELSEWHERE_ATTEMPTS - 1) * 1_000, calls: ELSEWHERE_ATTEMPTS, result: { status: 503, code: 'document.elsewhere' } },
    { name: 'another 503 (busy)', list: [{ status: 503, body: '{"error":{"code":"busy","message":"x"}}', retryAfter: '1' }], waitMs: 0, calls: 1, result: { status: 503, code: 'busy' } },
  ])('$name: asked again after Retry-After, $calls calls in all', async ({ list, waitMs, calls, result }) => {
    const stub = answers(...list);
    vi.stubGlobal('fetch', stub.fetch);
    let settled = false;
    const answer = outcome(call('PATCH', '/documents/d', { title: 'Ny' })).finally(() => (settled = true));
    if (waitMs > 0) {
      // Not before the wait the server asked for.
      await vi.advanceTimersByTimeAsync(waitMs - 1);
      expect(settled).toBe(false);
    }
    await vi.advanceTimersByTimeAsync(1);
    expect(await answer).toEqual(result);
    expect(stub.calls()).toBe(calls);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the last one says, in the reader\'s language, to try again in a moment', async () => {
    vi.stubGlobal('fetch', answers(ELSEWHERE).fetch);
    const answer = call('POST', '/documents/d/versions/v/restore').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(ELSEWHERE_ATTEMPTS * 1_000);
    const error = await answer;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(t('documentElsewhere'));
    expect([MESSAGES.sv.documentElsewhere, MESSAGES.nb.documentElsewhere, MESSAGES.en.documentElsewhere]).toEqual([
      expect.stringContaining('Försök igen'),
      expect.stringContaining('Prøv igjen'),
      expect.stringContaining('Try again'),
    ]);
  });

  it.each([502, 504])('a change the owner took and never answered (%i document.owner-silent) is not asked again and says so in the reader\'s language', async (status) => {
    const silent = { status, body: '{"error":{"code":"document.owner-silent","message":"Servern som har dokumentet svarade inte."}}' };
    const stub = answers(silent);
    vi.stubGlobal('fetch', stub.fetch);
    const error = await call('POST', '/documents/d/versions/v/restore').catch((e: unknown) => e);
    expect(stub.calls()).toBe(1);
    expect(error).toBeInstanceOf(ApiError);
    expect([(error as ApiError).status, (error as ApiError).code, (error as ApiError).message]).toEqual([status, 'document.owner-silent', t('documentOwnerSilent')]);
  });
});
