/**
 * "Sammanställning" adds up (issue 17 item 7): the lines the summary shows sum to
 * "Planerat totalt" for any plan — cost lines without a section included.
 */
import { describe, expect, it } from 'vitest';
// The demo plan as shipped, read by Vite (the client's tests have no Node APIs).
import smaland from '../../../shared/samples/handlingsplan-smaland.tsv?raw';
import { actionPlanToJSON, type ActionPlanJSON, type CostJSON } from '../../../shared/model/action-plan.js';
import { createDocument } from '../../../shared/model/document.js';
import { summaryLines } from '../../../shared/summary.js';
import { importPlanTable } from '../../../shared/table/import.js';
import { totals } from '../../../shared/totals.js';

const sumOf = (plan: Pick<ActionPlanJSON, 'goals' | 'costs' | 'budget'>) =>
  summaryLines(plan, totals(plan)).reduce((sum, line) => sum + line.amount, 0);

/** A deterministic generator, so a failing plan can be found again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function randomPlan(next: () => number): Pick<ActionPlanJSON, 'goals' | 'costs' | 'budget'> {
  const amount = () => (next() < 0.2 ? null : Math.floor(next() * 2_000_000_00) - (next() < 0.05 ? 1_000_00 : 0));
  const sections = ['', '', 'Projektledning', 'Kommunikation', 'projektledning'];
  const goals = Array.from({ length: Math.floor(next() * 4) }, (_g, g) => ({
    id: `g${g}`,
    number: String(g + 1),
    title: '',
    description: '',
    priority: null,
    activities: Array.from({ length: Math.floor(next() * 5) }, (_a, a) => ({
      id: `a${g}.${a}`, goalId: `g${g}`, number: `${g + 1}.${a + 1}`, title: '', description: '', budget: amount(), responsible: '',
      start: null, end: null, recipients: '', status: 'planned' as const, progress: 0, priority: null, source: null,
    })),
  }));
  const costs: CostJSON[] = Array.from({ length: Math.floor(next() * 8) }, (_c, c) => ({
    id: `c${c}`, section: sections[Math.floor(next() * sections.length)] ?? '', label: next() < 0.2 ? '' : `Rad ${c}`, description: '', amount: amount(),
  }));
  return { goals, costs, budget: { frame: null, frameWithIncome: null, spentBefore: null, spentBeforeDate: null } };
}

describe('summaryLines', () => {
  it('gives the demo plan’s standalone cost its own line, so 1 846 250 + 1 285 000 + 150 000 = 3 281 250', () => {
    const { plan } = importPlanTable(smaland);
    const json = actionPlanToJSON(createDocument('action-plan', plan));
    const lines = summaryLines(json, totals(json));
    expect(lines.map((line) => [line.kind, 'label' in line ? line.label : 'section' in line ? line.section : '', line.amount])).toEqual([
      ['activities', '', 1_846_250_00],
      ['section', 'Projektledning', 1_285_000_00],
      ['cost', 'Extern utvärdering', 150_000_00],
    ]);
    expect(sumOf(json)).toBe(totals(json).planned);
  });

  it('fuzz: the lines sum to planned for random plans (empty, negative, missing amounts, unnamed lines)', () => {
    const next = random(7);
    for (let run = 0; run < 500; run++) {
      const plan = randomPlan(next);
      expect(sumOf(plan)).toBe(totals(plan).planned);
    }
  });

  it('puts every standalone cost line on a line of its own, sections once each', () => {
    const next = random(11);
    for (let run = 0; run < 200; run++) {
      const plan = randomPlan(next);
      const lines = summaryLines(plan, totals(plan));
      expect(lines.filter((l) => l.kind === 'cost').map((l) => (l.kind === 'cost' ? l.id : ''))).toEqual(
        plan.costs.filter((c) => c.section === '').map((c) => c.id),
      );
      const sections = lines.flatMap((l) => (l.kind === 'section' ? [l.section] : []));
      expect(new Set(sections).size).toBe(sections.length);
    }
  });
});
