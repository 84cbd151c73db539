import { For, Show } from 'solid-js';
import { agendaToJSON } from '../../../shared/model/agenda.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { handsQueue, lowerHand } from '../../sync/session.js';
import { groupByOrganisation } from './people.js';
import { createDocView } from '../../sync/y-solid.js';
import type { Facilitation } from './use-facilitation.js';

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
