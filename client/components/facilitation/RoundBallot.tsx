import { Show } from 'solid-js';
import { fcount, ft } from '../../i18n/facilitation-messages.js';
import { RetryError } from '../RetryError.jsx';
import { BallotList } from './BallotList.jsx';
import { DotBallot } from './DotBallot.jsx';
import type { RoundSetup } from './round-setup.js';
import type { Facilitation } from './use-facilitation.js';
import { useRoundBallot } from './use-round-ballot.js';

/**
 * One open round for any member, viewers included: +/− dots per item with the dots left,
 * the live count of voters (polled every 3 s: simple, and right after a reconnect too),
 * "Skicka röst" (the whole ballot, PUT); the facilitator also closes it.
 */
export function RoundBallot(props: { f: Facilitation; id: string; title: string; published: Map<string, RoundSetup> }) {
  const f = props.f;
  const ballot = useRoundBallot(props);
  const state = ballot.known;
  const labelOf = (collection: string, id: string) => f.items().find((i) => i.collection === collection && i.id === id)?.label ?? '–';
  return (
    <section class="session-round" aria-labelledby={`round-${props.id}`} data-round={props.id}>
      <h3 id={`round-${props.id}`} tabIndex={-1}>{ft('voting', { title: props.title || ballot.setup()?.title || '' })}</h3>
      <p data-voters={state()?.voters ?? 0}>{fcount('voters', state()?.voters ?? 0)}</p>
      <RetryError error={ballot.state.error} onRetry={ballot.retry} />
      <Show when={ballot.setup()}>{(value) => <DotBallot roundId={props.id} setup={value()} ballot={ballot} labelOf={labelOf} />}</Show>
      <Show when={f.facilitator && state()?.ballots}>{(ballots) => <BallotList ballots={ballots()} labelOf={labelOf} />}</Show>
      <Show when={f.facilitator}>
        <button type="button" class="secondary" onClick={() => void ballot.close()}>
          {ft('closeRound')}
        </button>
      </Show>
      <p role="status" class="session-message">
        {ballot.message()}
      </p>
    </section>
  );
}
