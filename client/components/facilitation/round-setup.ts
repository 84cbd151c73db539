/**
 * What a voter needs to know of an open round: its items and allowance. `GET …/rounds/:r`
 * gives them when the server echoes them; the facilitator's browser also publishes them in
 * its awareness (`votingRound`) when it opens a round, so voters have them either way.
 */
import { z } from '../../lib/zod.js';
import type { RoundState } from '../../facilitation-api.js';
import type { AwarenessLike } from '../../sync/session.js';

const setup = z.object({
  id: z.string().min(1).max(100),
  title: z.string().max(200).catch(''),
  items: z.array(z.object({ collection: z.string().max(40), id: z.string().max(100) })).max(500),
  dotsPerPerson: z.number().int().min(1).max(20),
  maxPerItem: z.number().int().min(1).max(20).nullable().catch(null),
});
export type RoundSetup = z.infer<typeof setup>;

/** Publishes the set-up of the round this facilitator opened (null when none is open). */
export function publishRoundSetup(awareness: AwarenessLike, value: RoundSetup | null): void {
  awareness.setLocalStateField('votingRound', value);
}

/** Every well-formed round set-up published in awareness, by round id. */
export function publishedSetups(awareness: AwarenessLike): Map<string, RoundSetup> {
  const found = new Map<string, RoundSetup>();
  for (const state of awareness.getStates().values()) {
    const parsed = setup.safeParse(state.votingRound);
    if (parsed.success) found.set(parsed.data.id, parsed.data);
  }
  return found;
}

/** The round's set-up: the server's answer first, else what a facilitator published, else null. */
export function roundSetup(id: string, title: string, state: RoundState | undefined, published: Map<string, RoundSetup>): RoundSetup | null {
  if (state?.items && state.dotsPerPerson) {
    return { id, title, items: state.items, dotsPerPerson: state.dotsPerPerson, maxPerItem: state.maxPerItem ?? null };
  }
  return published.get(id) ?? null;
}

/** Dots left to give, and whether one more fits on `key` (`collection:id`). */
export function allowance(value: RoundSetup, dots: Record<string, number>, key: string): { left: number; canAdd: boolean } {
  const used = Object.values(dots).reduce((sum, n) => sum + n, 0);
  const left = value.dotsPerPerson - used;
  return { left, canAdd: left > 0 && (value.maxPerItem === null || (dots[key] ?? 0) < value.maxPerItem) };
}
