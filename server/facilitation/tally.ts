/**
 * The dot-vote arithmetic (DESIGN "Facilitation", dot voting; docs/facilitation.md): what a
 * ballot may hold, the tally of a round's ballots, its ranking and the priorities it gives.
 * Pure functions: the routes read and write the database and the document around them.
 */
import { AppError } from '../errors.js';

export interface RoundItem {
  collection: string;
  id: string;
}

/** A round's rules, as its coordinator set them. */
export interface RoundRules {
  items: readonly RoundItem[];
  dotsPerPerson: number;
  /** Most dots one person may give one item; null: up to `dotsPerPerson`. */
  maxPerItem: number | null;
}

/** A ballot: dots per item key `"<collection>:<id>"`; items without dots are left out. */
export type Dots = Record<string, number>;

export interface RoundResult extends RoundItem {
  dots: number;
  /** People who gave the item at least one dot. */
  voters: number;
  /** The item's label when the round closed (`labelResults`); absent in older rounds. */
  label?: string;
}

export const itemKey = (item: RoundItem): string => `${item.collection}:${item.id}`;

const overAllowance = (message: string) => new AppError(400, 'round.over-allowance', message);

/**
 * The ballot as stored: zero entries dropped. Throws 400 `validation` for an unknown item
 * key or a count that is not a whole number ≥ 0, 400 `round.over-allowance` for more dots
 * than the round allows in total or on one item. `dots` as a Map holds every key the client
 * sent (validation.ts `clientRecord`), `__proto__` too, so such a name is refused, not lost.
 */
export function checkBallot(rules: RoundRules, dots: ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>): Dots {
  const known = new Set(rules.items.map(itemKey));
  const kept: Array<[string, number]> = [];
  let total = 0;
  for (const [key, count] of dots instanceof Map ? dots.entries() : Object.entries(dots)) {
    if (!known.has(key)) throw new AppError(400, 'validation', `dots: ${key} är inte med i omröstningen.`);
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw new AppError(400, 'validation', `dots.${key}: antalet prickar ska vara ett heltal, 0 eller mer.`);
    }
    const perItem = rules.maxPerItem ?? rules.dotsPerPerson;
    if (count > perItem) throw overAllowance(`Högst ${perItem} prickar på samma punkt.`);
    total += count;
    if (count > 0) kept.push([key, count]);
  }
  if (total > rules.dotsPerPerson) throw overAllowance(`Du har ${rules.dotsPerPerson} prickar att dela ut, inte ${total}.`);
  // Own properties whatever the key (Object.fromEntries defines, never assigns).
  return Object.fromEntries(kept);
}

/**
 * Every item of the round with its dots and voters, ranked: most dots first; equal dots by
 * more voters (wider support); then in the order the coordinator listed the items.
 */
export function tally(rules: RoundRules, ballots: readonly Dots[]): RoundResult[] {
  const results = rules.items.map((item, position) => {
    const key = itemKey(item);
    let dots = 0;
    let voters = 0;
    for (const ballot of ballots) {
      const given = ballot[key] ?? 0;
      dots += given;
      if (given > 0) voters++;
    }
    return { result: { collection: item.collection, id: item.id, dots, voters }, position };
  });
  results.sort((a, b) => b.result.dots - a.result.dots || b.result.voters - a.result.voters || a.position - b.position);
  return results.map(({ result }) => result);
}

/** An item and the priority it has or gets (null: not ranked). */
export interface ItemPriority {
  item: RoundItem;
  priority: number | null;
}

/**
 * The document's priorities after a round closes (docs/facilitation.md "Priority"), as the
 * writes to make: one ranking 1..n over the document, never with a gap or a repeat.
 * - Nobody gave a dot: nothing changes (an empty round ranks nothing).
 * - Else the round's items that got dots come first, by the round's ranking (1 = most
 *   dots); items that had a priority and were not in the round follow in their earlier
 *   order; a round item nobody gave a dot gets null.
 * `current`: every item of the document that has a priority now.
 */
export function documentPriorities(ranked: readonly RoundResult[], current: readonly ItemPriority[]): ItemPriority[] {
  if (!ranked.some((result) => result.dots > 0)) return [];
  const inRound = new Set(ranked.map(itemKey));
  const voted = ranked.filter((result) => result.dots > 0).map((result) => ({ collection: result.collection, id: result.id }));
  const unvoted = ranked.filter((result) => result.dots === 0).map((result) => ({ collection: result.collection, id: result.id }));
  const earlier = current
    .filter((entry) => entry.priority !== null && !inRound.has(itemKey(entry.item)))
    .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
    .map((entry) => entry.item);
  return [
    ...[...voted, ...earlier].map((item, index) => ({ item, priority: index + 1 })),
    ...unvoted.map((item) => ({ item, priority: null })),
  ];
}

/**
 * The priority each ranked item gets: its place (1 = most dots) among the items that got
 * any dots; an item nobody gave a dot gets null (not ranked).
 */
export function priorities(ranked: readonly RoundResult[]): Array<{ item: RoundItem; priority: number | null }> {
  let place = 0;
  return ranked.map((result) => ({
    item: { collection: result.collection, id: result.id },
    priority: result.dots > 0 ? ++place : null,
  }));
}
