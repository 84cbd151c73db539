/**
 * Every message the client makes itself — no answer, no answer in time, an answer that is not
 * the server's JSON — is in the reader's language when it is read (user test u11: "Servern
 * kunde inte nås" stayed Swedish with the page in nb or en). Table: error kind × locale → text.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../shared/locale.js';
import { ApiError, CALL_TIMEOUT_MS, call } from './api.js';
import { setLocale } from './i18n/index.js';

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  globalThis.document = { documentElement: {} } as Document;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setLocale('sv');
});
afterAll(() => setLocale('sv'));

const answer = (status: number, text: string): typeof fetch => () => Promise.resolve(new Response(text || null, { status }));
const hanging: typeof fetch = (_url, init) =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

/** The ApiError `call` ends in with `fetchStub` (a hanging fetch runs past the call timeout). */
async function failure(fetchStub: typeof fetch): Promise<ApiError> {
  vi.useFakeTimers();
  vi.stubGlobal('fetch', fetchStub);
  const result = call('GET', '/time').then(
    () => new Error('answered'),
    (error: unknown) => error,
  );
  await vi.advanceTimersByTimeAsync(CALL_TIMEOUT_MS);
  const error = await result;
  if (!(error instanceof ApiError)) throw new Error(`not an ApiError: ${String(error)}`);
  return error;
}

const KINDS: Array<[string, typeof fetch]> = [
  ['network', () => Promise.reject(new TypeError('Failed to fetch'))],
  ['timeout', hanging],
  ['html', answer(502, '<html><h1>502 Bad Gateway</h1></html>')],
  ['text 200', answer(200, 'OK')],
  ['empty 500', answer(500, '')],
  ['json without error', answer(503, '{"status":"down"}')],
];

const TEXT: Record<Locale, Record<string, string>> = {
  sv: {
    network: 'Servern kunde inte nås. Kontrollera anslutningen.',
    timeout: 'Servern svarade inte i tid. Kontrollera anslutningen.',
    html: 'Servern svarade oväntat (502).',
    'text 200': 'Servern svarade oväntat (200).',
    'empty 500': 'Servern svarade oväntat (500).',
    'json without error': 'Servern svarade oväntat (503).',
  },
  nb: {
    network: 'Serveren kunne ikke nås. Kontroller tilkoblingen.',
    timeout: 'Serveren svarte ikke i tide. Kontroller tilkoblingen.',
    html: 'Serveren svarte uventet (502).',
    'text 200': 'Serveren svarte uventet (200).',
    'empty 500': 'Serveren svarte uventet (500).',
    'json without error': 'Serveren svarte uventet (503).',
  },
  en: {
    network: 'The server could not be reached. Check the connection.',
    timeout: 'The server did not answer in time. Check the connection.',
    html: 'The server gave an unexpected answer (502).',
    'text 200': 'The server gave an unexpected answer (200).',
    'empty 500': 'The server gave an unexpected answer (500).',
    'json without error': 'The server gave an unexpected answer (503).',
  },
};

const CASES = KINDS.flatMap(([kind, stub]) => (['sv', 'nb', 'en'] as const).map((locale) => [kind, locale, stub] as const));

describe('the client’s own error messages', () => {
  it.each(CASES)('%s in %s', async (kind, locale, stub) => {
    setLocale(locale);
    expect((await failure(stub)).message).toBe(TEXT[locale][kind]);
  });

  it.each(KINDS)('%s: is read in the language chosen after the error happened', async (kind, stub) => {
    const error = await failure(stub);
    expect(error.message).toBe(TEXT.sv[kind]);
    setLocale('en');
    expect(error.message).toBe(TEXT.en[kind]);
    setLocale('nb');
    expect(String(error)).toBe(`Error: ${TEXT.nb[kind]}`);
  });

  it('leaves the server’s own explanation as it is', async () => {
    setLocale('en');
    expect((await failure(answer(409, '{"error":{"code":"conflict","message":"Finns redan"}}'))).message).toBe('Finns redan');
  });
});
