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

/**
 * How a result names its item: by the label it had when the round closed (`voted`, stored
 * by the server since U14), with the current label beside it when it has changed since, or
 * marked removed when the item is gone; a round closed before labels were stored names the
 * item by its current label ('–' when gone). `words` gives the two marked forms.
 */
export function resultName(
  voted: string | undefined,
  current: string | undefined,
  words: { renamed: (label: string, now: string) => string; removed: (label: string) => string },
): string {
  if (voted === undefined) return current ?? '–';
  if (current === undefined) return words.removed(voted);
  return current === voted ? voted : words.renamed(voted, current);
}
