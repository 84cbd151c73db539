/**
 * The red team's big plans as the server holds them (F1: validation and JSON; F2/F3: file
 * exports), and everything `export.json`, `validation` and `export.tsv` compute of one:
 * shared by the unit tests that count their work (big-plan-cost, export-scaling) and the
 * benchmarks that time it (tests/bench/big-plan-cost.ts, export-scaling.ts).
 */
import * as Y from 'yjs';
import { createDocument, toJSON } from '../../shared/model/document.js';
import type { ActionPlanInit, ActionPlanJSON } from '../../shared/model/action-plan.js';
import { importPlanTable } from '../../shared/table/import.js';
import { exportPlanTable } from '../../shared/table/export.js';
import { totals } from '../../shared/totals.js';
import { validate } from '../../shared/validate/index.js';

/** The red-team plan: 20 goals, `count` activities with ~95-character titles and ~100-character descriptions. */
export function bigPlan(count: number, title = (g: number, a: number) => `Aktivitet ${g}.${a} för energi och klimat i länets kommuner`.padEnd(95, ' ·')): ActionPlanInit {
  const perGoal = Math.ceil(count / 20);
  return {
    title: 'Stor plan',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    budget: { frame: 100_000 },
    goals: Array.from({ length: 20 }, (_, g) => ({
      number: String(g + 1),
      title: `Mål ${g + 1}`,
      description: 'Ett mål.',
      activities: Array.from({ length: Math.min(perGoal, count - g * perGoal) }, (_, a) => ({
        number: `${g + 1}.${a + 1}`,
        title: title(g + 1, a + 1),
        description: '- Gör saker och rapportera resultat till styrgruppen varje kvartal, med uppföljning av TBD.'.padEnd(100, '.'),
        budget: (a + 1) * 100_000,
        responsible: a % 7 === 0 ? '' : 'Energikontoret',
        start: '2027-02-01',
        end: a % 3 === 0 ? '2027-03-10' : '2027-09-30',
        recipients: 'Förvaltningarna',
      })),
    })),
  };
}

/** A document as the server holds one: decoded from its stored state. */
export function stored(init: ActionPlanInit): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(createDocument('action-plan', init)));
  return doc;
}

/** Everything `export.json`, `validation` and `export.tsv` compute. */
export function everything(doc: Y.Doc): { issues: number; tsv: number } {
  const json = toJSON(doc) as ActionPlanJSON;
  const issues = validate(json, { today: '2027-03-01', locale: 'sv' });
  totals(json);
  return { issues: issues.length, tsv: exportPlanTable(json).length };
}

/** A plan of `activities` activities in goals of 19, texts of everyday length, as an import builds it. */
export function planOf(activities: number): Uint8Array {
  const rows = ['Stor plan', '', 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat'];
  for (let g = 1; g <= Math.ceil(activities / 19); g++) {
    rows.push(`Mål ${g} Klimatanpassning i kommun ${g}. ${'Beskrivning av målet. '.repeat(4)}\t\t\t\t\t`);
    for (let a = 1; a <= 19 && (g - 1) * 19 + a <= activities; a++) {
      rows.push(`${g}.${a} Aktivitet ${a} för mål ${g}\t${'- Beskrivning av aktiviteten '.repeat(4)}\t100 000\tLänsstyrelsen\t2027-01-01 - 2027-12-31\tKommunerna`);
    }
  }
  return Y.encodeStateAsUpdate(createDocument('action-plan', importPlanTable(rows.join('\n')).plan));
}
