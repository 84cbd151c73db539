import { createEffect, createMemo, createSignal, on, Show } from 'solid-js';
import { ft } from '../../i18n/facilitation-messages.js';
import type { Facilitation } from './use-facilitation.js';
import { clockText, crossedMilestone, remainingSeconds } from './timer.js';

/**
 * The session timer as everyone sees it: `mm:ss kvar`, or `+mm:ss över tiden` in red and in
 * words (never colour alone). Screen readers hear the milestones (5 min, 1 min, time up),
 * not every second.
 */
export function TimerDisplay(props: { f: Facilitation }) {
  const timer = () => props.f.session.timer;
  const remaining = createMemo(() => {
    const value = timer();
    return value ? remainingSeconds(value, props.f.now()) : null;
  });
  const [announcement, setAnnouncement] = createSignal('');
  createEffect(
    on(remaining, (after, before) => {
      const milestone = crossedMilestone(before ?? null, after);
      if (milestone !== null) setAnnouncement(ft(`milestone${milestone}` as 'milestone0'));
    }),
  );
  // A new timer, the next item, added time or no timer: an old "Tiden är slut" is no longer true.
  const identity = () => {
    const value = timer();
    return value ? `${value.itemId ?? ''}|${value.durationSec}|${value.startedAt ?? ''}|${value.pausedRemainingSec ?? ''}` : '';
  };
  createEffect(on(identity, () => setAnnouncement(''), { defer: true }));
  // The spotlit item is named once, on the line above: the timer names its item only when it is another one (user test U14).
  const label = () => {
    const itemId = timer()?.itemId;
    const spot = props.f.session.spotlight;
    if (spot?.collection === 'items' && spot.id === itemId) return undefined;
    return props.f.items().find((i) => i.collection === 'items' && i.id === itemId)?.label;
  };
  return (
    <>
      <Show when={remaining() !== null}>
        <p class="session-timer" classList={{ overrun: (remaining() ?? 0) < 0 }} data-timer data-remaining={remaining() ?? undefined}>
          <span class="visually-hidden">{ft('timer')}: </span>
          <Show when={label()}>{(text) => <span class="session-timer-item">{text()} </span>}</Show>
          <strong>{(remaining() ?? 0) < 0 ? ft('timerOver', { time: clockText(remaining() ?? 0) }) : ft('timerLeft', { time: clockText(remaining() ?? 0) })}</strong>
          <Show when={timer()?.startedAt === null}> ({ft('timerPaused')})</Show>
        </p>
      </Show>
      <p class="visually-hidden" aria-live="polite" data-timer-announcement>
        {announcement()}
      </p>
    </>
  );
}
