import { z } from '../../lib/zod.js';
import { api, call } from '../../api.js';
import type { SessionPeer } from '../../sync/session.js';

const agendaParticipants = z.object({ participants: z.array(z.object({ name: z.string().catch(''), organisation: z.string().catch('') })).catch([]) });

/**
 * Everyone listed as a participant on one of the workspace's agendas (name, organisation):
 * accounts carry no organisation, and a plan's or strategy's workshop has no participant
 * list of its own. An agenda that cannot be read adds nobody.
 */
export async function workspaceParticipants(workspaceId: string): Promise<Array<{ name: string; organisation: string }>> {
  const ws = await api.workspace(workspaceId);
  const lists = await Promise.all(
    ws.documents
      .filter((d) => d.kind === 'agenda')
      .map((d) =>
        call<unknown>('GET', `/documents/${encodeURIComponent(d.id)}/export.json`).then(
          (json) => agendaParticipants.safeParse(json).data?.participants ?? [],
          () => [],
        ),
      ),
  );
  return lists.flat();
}

/** People grouped by organisation: an agenda participant's organisation when the names match, else "Okänd organisation". */
export function groupByOrganisation(peers: readonly SessionPeer[], participants: ReadonlyArray<{ name: string; organisation: string }>, unknown: string): Array<[string, SessionPeer[]]> {
  // The first listing wins: the document's own agenda comes before the workspace's others.
  const orgOf = new Map([...participants].reverse().filter((p) => p.organisation.trim()).map((p) => [p.name.trim().toLocaleLowerCase('sv'), p.organisation.trim()]));
  const groups = new Map<string, SessionPeer[]>();
  // One entry per person, even with several tabs open.
  const people = [...new Map(peers.map((p) => [p.userId, p])).values()];
  for (const peer of people) {
    const org = orgOf.get(peer.name.trim().toLocaleLowerCase('sv')) ?? unknown;
    groups.set(org, [...(groups.get(org) ?? []), peer]);
  }
  return [...groups.entries()].sort(([a], [b]) => Number(a === unknown) - Number(b === unknown) || a.localeCompare(b, 'sv'));
}
