import { createResource, For, Index, Show } from 'solid-js';
import { agendaToJSON } from '../../../shared/model/agenda.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { handsQueue, lowerHand, type SessionPeer } from '../../sync/session.js';
import { groupByOrganisation, workspaceParticipants } from './people.js';
import { createDocView } from '../../sync/y-solid.js';
import type { Facilitation } from './use-facilitation.js';

/** The facilitator's view of people: raised hands in the order raised, each with "Sänk", and everyone by organisation. */
export function PeoplePanel(props: { f: Facilitation }) {
  const agenda = createDocView(props.f.doc, (doc) => ({ participants: props.f.kind === 'agenda' ? agendaToJSON(doc).participants : [] }));
  // On a plan or strategy: the participants of the workspace's agendas say who is from where.
  const [known] = createResource(() => props.f.workspaceId, (ws) => workspaceParticipants(ws).catch(() => []));
  const hands = () => handsQueue(props.f.peers());
  const groups = () => groupByOrganisation(props.f.peers(), [...agenda.participants, ...(known() ?? [])], ft('unknownOrganisation'));
  let heading: HTMLHeadingElement | undefined;
  let list: HTMLOListElement | undefined;
  // After "Sänk" the button is gone: focus moves to the next hand's button (or the one before, or the heading), not the page top.
  const lower = (peer: SessionPeer, index: number) => {
    lowerHand(props.f.awareness, peer);
    queueMicrotask(() => {
      const buttons = list?.querySelectorAll<HTMLButtonElement>('[data-hand] button') ?? [];
      const next = buttons[Math.min(index, buttons.length - 1)];
      (next ?? heading)?.focus();
    });
  };
  return (
    <div class="session-people">
      <section aria-labelledby="session-hands">
        <h3 id="session-hands" tabindex="-1" ref={heading}>
          {ft('hands')}
        </h3>
        <Show when={hands().length > 0} fallback={<p>{ft('noHands')}</p>}>
          <ol class="session-hands" data-hands ref={list}>
            {/* Index, not For: peers are new objects on every awareness change, and a focused button must stay. */}
            <Index each={hands()}>
              {(peer, index) => (
                <li data-hand={peer().userId}>
                  <span>{peer().name}</span>{' '}
                  <button type="button" class="secondary" aria-label={ft('lowerHandOf', { name: peer().name })} onClick={() => lower(peer(), index)}>
                    {ft('lowerHand')}
                  </button>
                </li>
              )}
            </Index>
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
