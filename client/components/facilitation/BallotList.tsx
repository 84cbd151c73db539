import { For, Show } from 'solid-js';
import type { RoundState } from '../../facilitation-api.js';
import { fcount, ft } from '../../i18n/facilitation-messages.js';

type Ballots = NonNullable<RoundState['ballots']>;

/**
 * A round that is not anonymous, for its coordinator (DESIGN "Facilitation": the API gives
 * them `ballots`): who gave which item how many dots.
 */
export function BallotList(props: { ballots: Ballots; labelOf: (collection: string, id: string) => string }) {
  const line = (dots: Record<string, number>) =>
    Object.entries(dots)
      .filter(([, n]) => n > 0)
      .map(([key, n]) => {
        const at = key.indexOf(':');
        return `${props.labelOf(key.slice(0, at), key.slice(at + 1))} (${fcount('dotsOn', n)})`;
      })
      .join(', ');
  return (
    <details class="session-ballots" data-ballots open>
      <summary>{ft('ballots')}</summary>
      <Show when={props.ballots.length > 0} fallback={<p>{ft('noBallots')}</p>}>
        <ul>
          <For each={props.ballots}>
            {(ballot) => (
              <li data-ballot-of={typeof ballot.user === 'string' ? ballot.user : ballot.user.id}>
                <strong>{typeof ballot.user === 'string' ? ballot.user : ballot.user.name}</strong>: {line(ballot.dots)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </details>
  );
}
