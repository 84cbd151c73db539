/**
 * User test u14 item 1: an action's "I planen: aktivitet" outlived its activity. The agenda
 * asks the plan's export whether the activity is still there: gone (restored away, deleted,
 * the plan deleted: 404) shows "Aktiviteten finns inte längre i planen" and "Gör till
 * aktivitet" again; an unclear answer keeps the link. And the text is there in every language.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ft } from '../../i18n/facilitation-messages.js';
import { setLocale } from '../../i18n/index.js';
import { activityExists } from './activity-exists.js';

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  globalThis.document = { documentElement: {}, cookie: '' } as Document;
});
afterEach(() => vi.unstubAllGlobals());
afterAll(() => setLocale('sv'));

const plan = { goals: [{ activities: [{ id: 'a1' }] }, { activities: [{ id: 'a2' }] }] };
const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('whether the linked activity still exists', () => {
  it.each([
    ['the activity is in a goal', 200, plan, 'a2', true],
    ['the activity is gone from the plan (a restore, a deletion)', 200, plan, 'a3', false],
    ['the plan is empty', 200, { goals: [] }, 'a1', false],
    ['the plan is deleted or unknown (404)', 404, { error: { code: 'not-found', message: 'x' } }, 'a1', false],
    ['the plan is forbidden (403): unclear, the link stays', 403, { error: { code: 'forbidden', message: 'x' } }, 'a1', true],
    ['an answer of another shape: unclear, the link stays', 200, { nothing: true }, 'a1', true],
  ] as const)('%s', async (_what, status, body, activityId, exists) => {
    vi.stubGlobal('fetch', answer(status, body));
    expect(await activityExists('plan-1', activityId)).toBe(exists);
  });

  it('offline: unclear, the link stays', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    expect(await activityExists('plan-1', 'a1')).toBe(true);
  });
});

describe('the text where the link was', () => {
  it.each([
    ['sv', 'Aktiviteten finns inte längre i planen'],
    ['nb', 'Tiltaket finnes ikke lenger i planen'],
    ['en', 'The activity is no longer in the plan'],
  ] as const)('%s: %s', (locale, text) => {
    setLocale(locale);
    expect(ft('activityGone')).toBe(text);
  });
});
