/**
 * What a plan's reading code produces, as one comparable string: `toJSON`, `validate` in
 * every locale at two dates, and `totals`, for the sample plans and a plan built to raise
 * every action-plan issue (long emoji and accent titles, placeholders, bad and near dates,
 * duplicates, orphans, over the frame). Pinned by a hash in tests/unit/big-plan-cost.test.ts
 * so a speed-up can be shown to change no result.
 */
import { createHash } from 'node:crypto';
import { createDocument, toJSON } from '../../shared/model/document.js';
import type { ActionPlanJSON, ActionPlanInit } from '../../shared/model/action-plan.js';
import { importPlanTable } from '../../shared/table/import.js';
import { totals } from '../../shared/totals.js';
import { validate } from '../../shared/validate/index.js';
import { readSample } from './samples.js';

const LONG = 'Energieffektivisering i kommunens fastigheter och lokaler, med uppföljning';

/** A plan that raises every action-plan issue, with labels that must be cut at whole characters. */
export function issuePlan(): ActionPlanInit {
  return {
    title: 'Plan XXX',
    subtitle: 'TBD',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    budget: { frame: 1_000_000, frameWithIncome: -5, spentBefore: 200_000, spentBeforeDate: '2026-13-01' },
    goals: [
      { id: null, number: '', title: '', description: '', activities: [{ number: '9.1', title: 'Föräldralös', budget: 100 }] },
      {
        number: '1',
        title: `${LONG} 🌍🇸🇪👨‍👩‍👧‍👦 och mer`,
        description: 'todo',
        activities: [
          { number: '1.1', title: `${LONG} 👍🏽 e\u0301 slut`, budget: null, responsible: '', start: '2027-02-30', end: '2027-03-05' },
          { number: '1.1', title: 'Kort ???', budget: -500, responsible: 'Eva', start: '2027-04-01', end: '2027-03-01' },
          { number: '1.2', title: 'Försenad', budget: 10_000, responsible: 'Ola', start: '2026-06-01', end: '2027-02-01' },
          { number: '1.3', title: 'Klar', budget: 1, responsible: 'Ola', end: '2026-01-01', status: 'done' },
          { number: '1.4', title: 'Inställd', budget: null, end: '2028-02-01', status: 'cancelled' },
          // No title, numbered as another goal's (issue 17 item 9).
          { number: '2.9', title: '', budget: 5, responsible: 'Ola' },
        ],
      },
      { number: '1', title: 'Dubblett', description: 'x'.repeat(5_000), activities: [] },
    ],
    costs: [
      { section: 'Projektledning', label: 'Samordnare XXX', description: '', amount: 900_000 },
      { section: '', label: 'Revision', description: '', amount: -1 },
    ],
  };
}

/** The sha-256 of everything the reading code says about the sample plans and `issuePlan()`. */
export function planFingerprint(): string {
  const plans: ActionPlanInit[] = [
    importPlanTable(readSample('handlingsplan-smaland.tsv')).plan,
    importPlanTable(readSample('handlingsplan-innherred.csv')).plan,
    issuePlan(),
  ];
  const hash = createHash('sha256');
  for (const init of plans) {
    const json = toJSON(createDocument('action-plan', init)) as ActionPlanJSON;
    // Ids are random per build; the fingerprint is of everything else.
    const ids = new Map<string, string>();
    const stable = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => ids.get(id) ?? (ids.set(id, `id${ids.size}`), `id${ids.size - 1}`));
    hash.update(stable(JSON.stringify(json)));
    hash.update(JSON.stringify(totals(json)));
    for (const locale of ['sv', 'nb', 'en'] as const) {
      for (const today of ['2027-03-01', '2026-06-15']) hash.update(stable(JSON.stringify(validate(json, { today, locale }))));
    }
  }
  return hash.digest('hex');
}
