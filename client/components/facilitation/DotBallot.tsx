import { For, Show } from 'solid-js';
import { dotKey } from '../../facilitation-api.js';
import { fcount, ft } from '../../i18n/facilitation-messages.js';
import { allowance, type RoundSetup } from './round-setup.js';
import type { RoundBallotState } from './use-round-ballot.js';

/**
 * The caller's ballot in a round with a known set-up (DESIGN "Facilitation", Dot voting):
 * the dots left, +/− per item and "Skicka röst"; an empty ballot cannot be sent and says why
 * (`no-dots-<round>`).
 */
export function DotBallot(props: { roundId: string; setup: RoundSetup; ballot: RoundBallotState; labelOf: (collection: string, id: string) => string }) {
  const b = props.ballot;
  const left = () => allowance(props.setup, b.mine(), '').left;
  return (
    <>
      <p aria-live="polite" data-dots-left={left()}>
        <strong>{fcount('dotsLeft', left())}</strong>
      </p>
      <ul class="session-ballot">
        <For each={props.setup.items}>{(item) => <BallotItem itemKey={dotKey(item)} label={props.labelOf(item.collection, item.id)} setup={props.setup} ballot={b} />}</For>
      </ul>
      {/* An empty ballot is no vote: nothing to send, and never "Din röst är sparad" for it. */}
      <button type="button" onClick={() => void b.submit()} disabled={b.placed() === 0} aria-describedby={b.placed() === 0 ? `no-dots-${props.roundId}` : undefined}>
        {ft('submitVote')}
      </button>
      <Show when={b.placed() === 0}>
        <span class="session-hint" id={`no-dots-${props.roundId}`}>
          {' '}
          {ft('noDots')}
        </span>
      </Show>
    </>
  );
}

/** One item on the ballot: its label, −, the dots on it, + (disabled past the allowance). */
function BallotItem(props: { itemKey: string; label: string; setup: RoundSetup; ballot: RoundBallotState }) {
  const b = props.ballot;
  const on = () => b.mine()[props.itemKey] ?? 0;
  return (
    <li data-ballot-item={props.itemKey}>
      <span class="grow">{props.label}</span>
      <button type="button" class="secondary" aria-label={ft('removeDot', { label: props.label })} disabled={on() === 0} onClick={() => b.change(props.itemKey, -1)}>
        −
      </button>
      <span class="session-dots" data-dots={on()}>
        {fcount('dotsOn', on())}
      </span>
      <button type="button" class="secondary" aria-label={ft('addDot', { label: props.label })} disabled={!allowance(props.setup, b.mine(), props.itemKey).canAdd} onClick={() => b.change(props.itemKey, 1)}>
        +
      </button>
    </li>
  );
}
