/**
 * A strategy's linked budgets are never a confident "0 kr" for a plan it has not received
 * (user test u11: offline, the linked plans come over the websocket only), and say why; online
 * the figures are the real ones, as before. Table over (plan list answered / as last seen /
 * none) × (linked plan loaded / not) for a goal and its objectives, and the notice text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionPlanJSON } from '../../../shared/model/action-plan.js';
import type { StrategyJSON } from '../../../shared/model/strategy.js';
import { LOCALES, type Locale } from '../../../shared/locale.js';
import { setLocale } from '../../i18n/index.js';
import type { LinkedPlan } from '../../sync/linked-plans.js';
import { figureText, linkedFigures, plansNoticeText } from './linked-figures.js';

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
  globalThis.document = { documentElement: {} } as Document;
});
afterAll(() => setLocale('sv'));

const PLAN = 'p1';
const OTHER = 'p2';
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]/g, ' ');
const activities = [{ id: 'a1', budget: 420_000_00 }, { id: 'a2', budget: 96_500_00 }];
const planJson = { title: 'Handlingsplan', goals: [{ activities }] } as unknown as ActionPlanJSON;
const emptyJson = { title: '', goals: [] } as unknown as ActionPlanJSON;
const goal = (id: string, links: string[], objectives: string[]) => ({ id, links, objectives });
const strategy = {
  focusAreas: [{ goals: [goal('g1', [`${PLAN}:a1`, `${PLAN}:a2`], ['se-01']), goal('g2', [], ['se-02'])] }],
  goals: [goal('g3', [`${OTHER}:x`], ['se-03'])],
} as unknown as Pick<StrategyJSON, 'focusAreas' | 'goals'>;
const linked = (loaded: boolean): LinkedPlan => ({ id: PLAN, title: 'Handlingsplan', plan: loaded ? planJson : emptyJson, loaded });

describe('linked budgets: known or "–"', () => {
  it.each<[string, LinkedPlan[], boolean, number | null, number | null]>([
    ['online, the plan loaded: the real figure', [linked(true)], true, 516_500_00, 0],
    ['online, the plan not arrived yet: unknown', [linked(false)], true, null, 0],
    ['offline, the list as last seen, the plan not loaded', [linked(false)], false, null, null],
    ['offline, nothing seen: no plans at all', [], false, null, null],
    ['list failed but the socket up: the plan loaded', [linked(true)], false, 516_500_00, null],
  ])('%s', (_name, plans, answered, g1, g3) => {
    const figures = linkedFigures(strategy, plans, answered);
    expect(figures.byGoal.g1).toBe(g1);
    expect(figures.byObjective['se-01']).toBe(g1);
    // A link to a plan the server's list does not hold counts 0, as before; unknown when the list is not the server's.
    expect(figures.byGoal.g3).toBe(g3);
    expect(figures.byGoal.g2).toBe(0);
    expect(figures.byObjective['se-02']).toBe(0);
    expect(figures.unknown).toBe(g1 === null || g3 === null);
    const shown = plain(figureText(figures.byGoal.g1 ?? null, 'SEK'));
    expect(shown).toBe(g1 === null ? '–' : '516 500 kr');
    expect(shown).not.toBe('0 kr');
  });
});

describe('the notice says the plan list is as last seen and budgets show when the server can be reached', () => {
  const seen = { id: 'w1', name: 'Småland', country: 'SE', documents: [], seenAt: '2027-03-15T13:02:00.000Z' } as never;
  const words: Record<Locale, [RegExp, string, RegExp]> = {
    sv: [/Listan över planer visas som den sågs senast/, 'Budgetar från kopplade aktiviteter visas när servern kan nås.', /budgetarna visas som/],
    nb: [/Listen over planer vises slik den ble sett sist/, 'Budsjetter fra koblede tiltak vises når serveren kan nås.', /budsjettene vises slik/],
    en: [/The list of plans is shown as last seen/, 'Budgets from linked activities are shown when the server can be reached.', /budgets are shown as last seen/],
  };
  it.each(LOCALES)('%s', (locale) => {
    setLocale(locale);
    const [list, budgets, untrue] = words[locale];
    const offline = plansNoticeText('offline', seen, true);
    expect(offline).toMatch(list);
    expect(offline).toContain(budgets);
    expect(offline).not.toMatch(untrue);
    expect(plansNoticeText('offline', seen, false)).not.toContain(budgets);
    expect(plansNoticeText('offline', null, true)).toContain(budgets);
  });
});
