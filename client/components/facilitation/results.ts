/** How a closed round's results read (RoundResults.tsx): pure, so they are tested apart. */

/**
 * The priority a result gave its item: the server ranks most dots first and gives items
 * without dots no priority (server/facilitation/tally.ts), so it is the place in the list
 * while there are dots — the item's stored `priority` is the latest round's, not this one's.
 */
export function resultRank(result: { dots: number }, index: number): number | null {
  return result.dots > 0 ? index + 1 : null;
}

/**
 * A name short enough to stand under a bar: an agenda item's own title (its label starts
 * with the meeting's, "Nätverksträff 1: Uppstart"), cut at `max` characters with "…".
 */
export function shortLabel(label: string, max = 18): string {
  const own = label.split(': ').pop() ?? label;
  return own.length <= max ? own : `${own.slice(0, max - 1).trimEnd()}…`;
}
