import { For, Show } from 'solid-js';
import { agendaToJSON } from '../../../shared/model/agenda.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { handsQueue, lowerHand, type SessionPeer } from '../../sync/session.js';
import { createDocView } from '../../sync/y-solid.js';
import type { Facilitation } from './use-facilitation.js';

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

/** The facilitator's view of people: raised hands in the order raised, each with "Sänk", and everyone by organisation. */
export function PeoplePanel(props: { f: Facilitation }) {
  const agenda = createDocView(props.f.doc, (doc) => ({ participants: props.f.kind === 'agenda' ? agendaToJSON(doc).participants : [] }));
  const hands = () => handsQueue(props.f.peers());
  const groups = () => groupByOrganisation(props.f.peers(), agenda.participants, ft('unknownOrganisation'));
  return (
    <div class="session-people">
      <section aria-labelledby="session-hands">
        <h3 id="session-hands">{ft('hands')}</h3>
        <Show when={hands().length > 0} fallback={<p>{ft('noHands')}</p>}>
          <ol class="session-hands" data-hands>
            <For each={hands()}>
              {(peer) => (
                <li data-hand={peer.userId}>
                  <span>{peer.name}</span>{' '}
                  <button type="button" class="secondary" aria-label={ft('lowerHandOf', { name: peer.name })} onClick={() => lowerHand(props.f.awareness, peer)}>
                    {ft('lowerHand')}
                  </button>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>
      <section aria-labelledby="session-people">
        <h3 id="session-people">{ft('participants', { count: new Set(props.f.peers().map((p) => p.userId)).size })}</h3>
        <For each={groups()}>
          {([org, people]) => (
            <div class="session-org" data-organisation={org}>
              <h4>{org}</h4>
              <ul>
                <For each={people}>
                  {(peer) => (
                    <li>
                      {peer.name} <Show when={!peer.following}>{ft('notFollowingMark')}</Show>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          )}
        </For>
      </section>
    </div>
  );
}
