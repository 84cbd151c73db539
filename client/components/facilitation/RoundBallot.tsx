import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { ApiError } from '../../api.js';
import { dotKey, facilitationApi, type RoundState } from '../../facilitation-api.js';
import { fcount, ft } from '../../i18n/facilitation-messages.js';
import { allowance, publishRoundSetup, roundSetup, type RoundSetup } from './round-setup.js';
import type { Facilitation } from './use-facilitation.js';

const POLL_MS = 3000;

type Ballots = NonNullable<RoundState['ballots']>;

/** A round that is not anonymous, for its coordinator (the API gives them the ballots): who gave which item how many dots. */
function BallotList(props: { ballots: Ballots; labelOf: (collection: string, id: string) => string }) {
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

/**
 * One open round for any member, viewers included: +/− dots per item with the dots left,
 * the live count of voters (polled every 3 s: simple, and right after a reconnect too),
 * "Skicka röst" (the whole ballot, PUT); the facilitator also closes it.
 */
export function RoundBallot(props: { f: Facilitation; id: string; title: string; published: Map<string, RoundSetup> }) {
  const f = props.f;
  const [state, { refetch }] = createResource(() => props.id, (id) => facilitationApi.round(f.documentId, id));
  const poll = setInterval(() => void refetch(), POLL_MS);
  onCleanup(() => clearInterval(poll));
  const [dots, setDots] = createSignal<Record<string, number> | null>(null);
  const [message, setMessage] = createSignal('');
  const setup = () => roundSetup(props.id, props.title, state.latest, props.published);
  const mine = () => dots() ?? state.latest?.myDots ?? {};
  const change = (key: string, by: 1 | -1) => {
    setMessage('');
    setDots({ ...mine(), [key]: Math.max(0, (mine()[key] ?? 0) + by) });
  };
  const fail = (error: unknown) => setMessage(error instanceof ApiError ? error.message : String(error));
  const placed = () => Object.values(mine()).reduce((sum, n) => sum + n, 0);
  const submit = async () => {
    if (placed() === 0) return setMessage(ft('noDots'));
    try {
      await facilitationApi.vote(f.documentId, props.id, Object.fromEntries(Object.entries(mine()).filter(([, n]) => n > 0)));
      setMessage(ft('voteSaved'));
      void refetch();
    } catch (error) {
      fail(error);
    }
  };
  const close = async () => {
    try {
      await facilitationApi.closeRound(f.documentId, props.id);
      publishRoundSetup(f.awareness, null);
    } catch (error) {
      fail(error);
    }
  };
  const labelOf = (collection: string, id: string) => f.items().find((i) => i.collection === collection && i.id === id)?.label ?? '–';
  const left = (value: RoundSetup) => allowance(value, mine(), '').left;
  return (
    <section class="session-round" aria-labelledby={`round-${props.id}`} data-round={props.id}>
      <h3 id={`round-${props.id}`}>{ft('voting', { title: props.title || setup()?.title || '' })}</h3>
      <p data-voters={state.latest?.voters ?? 0}>{fcount('voters', state.latest?.voters ?? 0)}</p>
      <Show when={setup()}>
        {(value) => (
          <>
            <p aria-live="polite" data-dots-left={left(value())}>
              <strong>{fcount('dotsLeft', left(value()))}</strong>
            </p>
            <ul class="session-ballot">
              <For each={value().items}>
                {(item) => {
                  const key = dotKey(item);
                  const label = () => labelOf(item.collection, item.id);
                  return (
                    <li data-ballot-item={key}>
                      <span class="grow">{label()}</span>
                      <button type="button" class="secondary" aria-label={ft('removeDot', { label: label() })} disabled={(mine()[key] ?? 0) === 0} onClick={() => change(key, -1)}>
                        −
                      </button>
                      <span class="session-dots" data-dots={mine()[key] ?? 0}>
                        {fcount('dotsOn', mine()[key] ?? 0)}
                      </span>
                      <button type="button" class="secondary" aria-label={ft('addDot', { label: label() })} disabled={!allowance(value(), mine(), key).canAdd} onClick={() => change(key, 1)}>
                        +
                      </button>
                    </li>
                  );
                }}
              </For>
            </ul>
            {/* An empty ballot is no vote: nothing to send, and never "Din röst är sparad" for it. */}
            <button type="button" onClick={() => void submit()} disabled={placed() === 0} aria-describedby={placed() === 0 ? `no-dots-${props.id}` : undefined}>
              {ft('submitVote')}
            </button>
            <Show when={placed() === 0}>
              <span class="session-hint" id={`no-dots-${props.id}`}>
                {' '}
                {ft('noDots')}
              </span>
            </Show>
          </>
        )}
      </Show>
      <Show when={f.facilitator && state.latest?.ballots}>{(ballots) => <BallotList ballots={ballots()} labelOf={labelOf} />}</Show>
      <Show when={f.facilitator}>
        <button type="button" class="secondary" onClick={() => void close()}>
          {ft('closeRound')}
        </button>
      </Show>
      <p role="status" class="session-message">
        {message()}
      </p>
    </section>
  );
}
