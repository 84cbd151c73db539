/**
 * A strategy goal's link reads as words whether or not its plan can be shown (issue 17 item 3):
 * offline, a plan missing from the list, not loaded or without the activity never shows the
 * bare "<planId>:<activityId>".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionPlanJSON } from '../../../shared/model/action-plan.js';
import type { Locale } from '../../../shared/locale.js';
import { setLocale } from '../../i18n/index.js';
import type { LinkedPlan } from '../../sync/linked-plans.js';
import { linkText } from './link-text.js';

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  globalThis.document = { documentElement: {} } as Document;
});
afterAll(() => setLocale('sv'));

const PLAN = '0b6c1f0e-5d7a-4c39-9a51-2f1d3c4b5a69';
const ACTIVITY = 'c2d3e4f5-0000-4aaa-8bbb-123456789abc';

function plan(title: string, activities: Array<{ id: string; number: string; title: string }>): LinkedPlan {
  const json = { title, goals: [{ activities }] } as unknown as ActionPlanJSON;
  return { id: PLAN, title, plan: json, loaded: true };
}

const loaded = plan('Handlingsplan Småland', [{ id: ACTIVITY, number: '1.1', title: 'Energikartläggning' }]);
const notLoaded = { ...plan('', []), title: 'Handlingsplan Småland', loaded: false };
const untitled = { ...plan('', []), title: '', loaded: false };

describe('a goal link as words', () => {
  it.each<[string, Locale, LinkedPlan[], string]>([
    ['its activity is in the loaded plan', 'sv', [loaded], 'Handlingsplan Småland: 1.1 Energikartläggning'],
    ['its plan is not in the list (offline, nothing seen)', 'sv', [], 'En aktivitet i en plan som inte kan visas nu'],
    ['its plan is listed but not loaded (offline)', 'sv', [notLoaded], 'Handlingsplan Småland: en aktivitet som inte kan visas nu'],
    ['its plan is listed without a title', 'sv', [untitled], 'En aktivitet i en plan som inte kan visas nu'],
    ['its activity is gone from the plan', 'sv', [plan('Handlingsplan Småland', [])], 'Handlingsplan Småland: en aktivitet som inte kan visas nu'],
    ['its plan is not in the list, in Norwegian', 'nb', [], 'Et tiltak i en plan som ikke kan vises nå'],
    ['its plan is listed but not loaded, in English', 'en', [notLoaded], 'Handlingsplan Småland: an activity that cannot be shown now'],
  ])('when %s (%s)', (_, locale, plans, expected) => {
    setLocale(locale);
    const text = linkText(`${PLAN}:${ACTIVITY}`, plans);
    expect(text).toBe(expected);
    expect(text).not.toContain(PLAN.slice(0, 8));
  });

  it('a link that is not "<plan>:<activity>" at all still reads as words', () => {
    setLocale('sv');
    for (const link of ['', ':', 'x', `${PLAN}:`, `:${ACTIVITY}`]) expect(linkText(link, [loaded])).toMatch(/inte kan visas nu$/);
  });
});
