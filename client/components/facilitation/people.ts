import type { SessionPeer } from '../../sync/session.js';

/** People grouped by organisation: an agenda participant's organisation when the names match, else "Okänd organisation". */
export function groupByOrganisation(peers: readonly SessionPeer[], participants: ReadonlyArray<{ name: string; organisation: string }>, unknown: string): Array<[string, SessionPeer[]]> {
  const orgOf = new Map(participants.filter((p) => p.organisation.trim()).map((p) => [p.name.trim().toLocaleLowerCase('sv'), p.organisation.trim()]));
  const groups = new Map<string, SessionPeer[]>();
  // One entry per person, even with several tabs open.
  const people = [...new Map(peers.map((p) => [p.userId, p])).values()];
  for (const peer of people) {
    const org = orgOf.get(peer.name.trim().toLocaleLowerCase('sv')) ?? unknown;
    groups.set(org, [...(groups.get(org) ?? []), peer]);
  }
  return [...groups.entries()].sort(([a], [b]) => Number(a === unknown) - Number(b === unknown) || a.localeCompare(b, 'sv'));
}
