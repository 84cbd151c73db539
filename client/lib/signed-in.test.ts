import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api.js';
import { API_CACHE } from '../sync/local-copies.js';
import { CACHE_DELETE_WAIT_MS, signedInOrNobody } from './signed-in.js';

const nobody = () => Promise.reject(new ApiError(401, 'unauthorized', 'Inte inloggad'));

describe('signedInOrNobody', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('answers who is signed in, and deletes nothing', async () => {
    const caches = { delete: vi.fn(() => Promise.resolve(true)) };
    await expect(signedInOrNobody(() => Promise.resolve({ user: 'erik' }), caches)).resolves.toEqual({ user: 'erik' });
    expect(caches.delete).not.toHaveBeenCalled();
  });

  it.each([
    ['is deleted', () => Promise.resolve(true)],
    ['cannot be deleted', () => Promise.reject(new Error('quota'))],
    ['stays pending for ever', () => new Promise<boolean>(() => undefined)],
  ])('on a 401 answers nobody by the bound when the cache %s', async (_how, deletion) => {
    const caches = { delete: vi.fn(deletion) };
    const answer = signedInOrNobody(nobody, caches);
    await vi.advanceTimersByTimeAsync(CACHE_DELETE_WAIT_MS);
    await expect(answer).resolves.toBeNull();
    expect(caches.delete).toHaveBeenCalledWith(API_CACHE);
  });

  it('on a 401 without Cache Storage answers nobody', async () => {
    await expect(signedInOrNobody(nobody, undefined)).resolves.toBeNull();
  });

  it.each([new ApiError(0, 'network', 'Servern kunde inte nås'), new ApiError(500, 'internal', 'Fel'), new TypeError('x')])('rethrows %s for the page to show', async (error) => {
    await expect(signedInOrNobody(() => Promise.reject(error), { delete: vi.fn() })).rejects.toBe(error);
  });
});
