/**
 * Checks the totals a plan table states (`Totalsumma målaktiviteter och projektledning`)
 * against the sums of what was imported, so a table whose figures do not add up is caught.
 */
import type { ActionPlanInit } from '../model/action-plan.js';
import { ACTIVITIES_TERM, TERM_SEPARATOR } from './vocabulary.js';

export interface StatedTotal {
  label: string;
  /** Minor units, as the table states it. */
  stated: number;
  /** Minor units, summed from the imported rows; null when a term names nothing in the plan. */
  computed: number | null;
  ok: boolean;
}

export interface StatedTotalRow {
  label: string;
  /** What the total sums, after its `Totalsumma` prefix: `målaktiviteter, projektledning och …`. */
  terms: string;
  stated: number;
}

type Plan = Pick<ActionPlanInit, 'goals' | 'costs'>;

/** A term names the activities, a cost section, or a cost line (its first word is enough). */
function resolveTerm(term: string, plan: Plan): { kind: 'activities' } | { kind: 'costs'; indexes: number[] } | null {
  if (ACTIVITIES_TERM.test(term)) return { kind: 'activities' };
  const costs = plan.costs ?? [];
  const lower = term.toLowerCase();
  const inSection = costs.flatMap((cost, i) => (cost.section !== '' && cost.section.toLowerCase() === lower ? [i] : []));
  if (inSection.length > 0) return { kind: 'costs', indexes: inSection };
  const byLabel = costs.findIndex((cost) => cost.label.toLowerCase() === lower);
  if (byLabel >= 0) return { kind: 'costs', indexes: [byLabel] };
  const firstWord = lower.split(/\s+/)[0] ?? '';
  const byFirstWord = costs.findIndex((cost) => (cost.label.toLowerCase().split(/\s+/)[0] ?? '') === firstWord);
  if (firstWord !== '' && byFirstWord >= 0) return { kind: 'costs', indexes: [byFirstWord] };
  return null;
}

/** How names compare: case- and space-insensitively. */
const nameKey = (name: string): string => name.toLowerCase().replace(/\s+/g, ' ').trim();
/**
 * Code units of candidate names one import may compare in the whole-name search (a hostile
 * table of long totals over many short names cannot make it quadratic); past it, and for
 * terms longer than `MAX_WHOLE_TERMS`, terms are only split.
 */
const WHOLE_NAME_BUDGET = 2_000_000;
const MAX_WHOLE_TERMS = 4096;

type Resolved = { kind: 'activities' } | { kind: 'costs'; indexes: number[] };

/** Every name the plan knows (`nameKey` → what it may mean, best first) and the search budget left. */
interface Names {
  byKey: Map<string, Resolved[]>;
  longest: number;
  budget: number;
}

/**
 * The plan's names, each meaning best first: a cost section, a standalone cost line, a cost
 * line in a section (the activities are `ACTIVITIES_TERM`). No first-word guessing: that is
 * only for split terms (`resolveTerm`).
 */
function namesOf(plan: Plan): Names {
  const byKey = new Map<string, Resolved[]>();
  const add = (name: string, indexes: number[]) => {
    const key = nameKey(name);
    if (key !== '') byKey.set(key, [...(byKey.get(key) ?? []), { kind: 'costs', indexes }]);
  };
  const costs = plan.costs ?? [];
  for (const section of new Set(costs.map((cost) => cost.section))) {
    if (section !== '') add(section, costs.flatMap((cost, i) => (cost.section === section ? [i] : [])));
  }
  costs.forEach((cost, i) => cost.section === '' && add(cost.label, [i]));
  costs.forEach((cost, i) => cost.section !== '' && add(cost.label, [i]));
  const longest = Math.max(0, ...costs.flatMap((cost) => [cost.section.length, cost.label.length]));
  return { byKey, longest: longest + 32, budget: WHOLE_NAME_BUDGET };
}

function candidatesOf(name: string, names: Names): Resolved[] {
  names.budget -= name.length;
  const key = nameKey(name);
  return ACTIVITIES_TERM.test(key) ? [{ kind: 'activities' }] : (names.byKey.get(key) ?? []);
}

/**
 * The terms read as whole known names joined by separators (X17 finding 7: a section named
 * "Kommunikation och spridning" or "+Projektledning" was split into names it is not): the
 * reading with the fewest names, each a section, a cost line or the activities; null when
 * there is none (or the budget is spent). A name used twice (a section and a line of the
 * same name) means the next thing of that name.
 */
function wholeNames(terms: string, names: Names): Resolved[] | null {
  if (terms.length > MAX_WHOLE_TERMS || names.budget < 0) return null;
  const separator = new RegExp(TERM_SEPARATOR.source, 'iy');
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < terms.length; i++) {
    separator.lastIndex = i;
    if (separator.exec(terms) !== null && separator.lastIndex > i) spans.push([i, separator.lastIndex]);
  }
  // best[p]: the fewest names that read terms[0, p), p the start or the end of a separator.
  const best = new Map<number, string[]>([[0, []]]);
  const tryName = (start: number, from: number, to: number, before: string[]) => {
    const name = terms.slice(start, from);
    if (candidatesOf(name, names).length === 0) return;
    const known = best.get(to);
    if (known === undefined || known.length > before.length + 1) best.set(to, [...before, name]);
  };
  let first = 0;
  for (const start of [...new Set([0, ...spans.map(([, end]) => end)])].sort((a, b) => a - b)) {
    const before = best.get(start);
    while (first < spans.length && (spans[first]?.[0] ?? 0) <= start) first++;
    if (before === undefined) continue;
    // Names are at most `longest` long, so only separators that close enough can end one.
    for (let k = first; k < spans.length && (spans[k]?.[0] ?? 0) - start <= names.longest; k++) {
      const [from, to] = spans[k] ?? [0, 0];
      tryName(start, from, to, before);
    }
    if (terms.length - start <= names.longest) tryName(start, terms.length, terms.length, before);
    if (names.budget < 0) return null;
  }
  const found = best.get(terms.length);
  return found === undefined ? null : chooseMeanings(found, names);
}

/** Each name's first meaning not taken by an earlier name (a section and a line may share a name). */
function chooseMeanings(found: string[], names: Names): Resolved[] {
  const used = new Set<number>();
  return found.map((name) => {
    const candidates = candidatesOf(name, names);
    const chosen = candidates.find((c) => c.kind === 'activities' || c.indexes.some((i) => !used.has(i))) ?? candidates[0];
    if (chosen?.kind === 'costs') chosen.indexes.forEach((i) => used.add(i));
    return chosen ?? { kind: 'activities' };
  });
}

/** The terms split on `,` `+` `och`/`og`/`and` (parentheses dropped), each resolved by `resolveTerm`; null when one names nothing. */
function splitNames(terms: string, plan: Plan): Resolved[] | null {
  const parts = terms
    .replace(/\([^)]*\)/g, '')
    .split(TERM_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const resolved = parts.map((part) => resolveTerm(part, plan));
  return resolved.some((r) => r === null) ? null : (resolved as Resolved[]);
}

/**
 * Each stated total with the sum of what its terms name, in minor units (DESIGN "The plan
 * table", the import report's `statedTotals`). The terms are read as whole known names
 * first (`wholeNames`), split on separators only when they are not; a bare `Totalsumma`
 * states the whole plan. `computed` is null when a term names nothing in the plan.
 */
export function checkStatedTotals(rows: StatedTotalRow[], plan: Plan): StatedTotal[] {
  const costs = plan.costs ?? [];
  const activitiesSum = (plan.goals ?? []).flatMap((goal) => goal.activities ?? []).reduce((sum, a) => sum + (a.budget ?? 0), 0);
  const costAmount = (i: number) => costs[i]?.amount ?? 0;
  const names = namesOf(plan);

  return rows.map(({ label, terms, stated }) => {
    let computed: number | null;
    if (terms.replace(/\([^)]*\)/g, '').trim() === '') {
      // A bare `Totalsumma:` states the whole plan.
      computed = activitiesSum + costs.reduce((sum, _cost, i) => sum + costAmount(i), 0);
    } else {
      const resolved = wholeNames(terms, names) ?? splitNames(terms, plan);
      const included = new Set(resolved?.flatMap((r) => (r.kind === 'costs' ? r.indexes : [])));
      const activities = resolved?.some((r) => r.kind === 'activities') ?? false;
      computed = resolved === null ? null : (activities ? activitiesSum : 0) + [...included].reduce((sum, i) => sum + costAmount(i), 0);
    }
    return { label, stated, computed, ok: computed === stated };
  });
}
