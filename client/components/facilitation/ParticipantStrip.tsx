import { For, Show } from 'solid-js';
import { ft } from '../../i18n/facilitation-messages.js';
import { setFollowing, setHand } from '../../sync/session.js';
import { selectorOf } from './items.js';
import { trackStripHeight } from './strip-height.js';
import { roundText, type OpenRound } from './open-rounds.js';
import { TimerDisplay } from './TimerDisplay.jsx';
import type { Facilitation } from './use-facilitation.js';

/**
 * What every member sees of a running session: the spotlit item (with a "Gå dit" link for
 * those not following), the timer, "Sluta följa"/"Följ igen" and the hand. Following and
 * the hand are awareness: a reload follows again and has its hand down. The facilitator who
 * runs the session (`leads`) neither follows nor raises a hand, so sees neither button.
 * An open vote is named here too, with a button to its ballot (user test u13 item 1).
 */
export function ParticipantStrip(props: { f: Facilitation; leads: boolean; rounds: OpenRound[] }) {
  const me = () => props.f.peers().find((p) => p.self);
  const following = () => me()?.following ?? true;
  const handUp = () => (me()?.handRaisedAt ?? null) !== null;
  const spotlit = () => {
    const ref = props.f.session.spotlight;
    return ref ? (props.f.items().find((i) => i.collection === ref.collection && i.id === ref.id) ?? null) : null;
  };
  const goThere = () => {
    const ref = props.f.session.spotlight;
    const element = ref ? document.querySelector(selectorOf(ref)) : null;
    element?.scrollIntoView({ block: 'center' });
  };
  return (
    <div class="session-strip" data-session-strip ref={trackStripHeight}>
      <Show when={spotlit()}>
        {(item) => (
          <p class="session-spotlight" data-spotlight-label>
            {ft('spotlit', { label: item().label })}
            <Show when={!following()}>
              {' '}
              <button type="button" class="link" onClick={goThere}>
                {ft('goThere')}
              </button>
            </Show>
          </p>
        )}
      </Show>
      <TimerDisplay f={props.f} />
      <For each={props.rounds}>{(round) => <VoteNotice round={round} />}</For>
      <Show when={!props.leads}>
        <div class="session-actions">
          <Show when={!following()}>
            <span class="session-not-following" data-following="false">
              {ft('notFollowing')}
            </span>
          </Show>
          <button type="button" class="secondary" onClick={() => setFollowing(props.f.awareness, !following())}>
            {following() ? ft('unfollow') : ft('follow')}
          </button>
          <button type="button" class="secondary" onClick={() => setHand(props.f.awareness, handUp() ? null : new Date(props.f.clock.now()).toISOString())}>
            {handUp() ? ft('lowerOwnHand') : ft('raiseHand')}
          </button>
        </div>
      </Show>
    </div>
  );
}

/** "Röstning pågår: …" and a button that brings focus to the round's ballot heading. */
function VoteNotice(props: { round: OpenRound }) {
  const goToBallot = () => {
    const heading = document.getElementById(`round-${props.round.id}`);
    heading?.scrollIntoView({ block: 'center' });
    heading?.focus({ preventScroll: true });
  };
  return (
    <p class="session-vote-notice" data-vote-notice>
      {roundText('voteOpenNotice', props.round.title)}{' '}
      <button type="button" class="link" onClick={goToBallot}>
        {ft('goToVote')}
      </button>
    </p>
  );
}
