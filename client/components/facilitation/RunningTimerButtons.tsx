import { Show } from 'solid-js';
import { ft } from '../../i18n/facilitation-messages.js';
import { setTimer, type SessionTimer } from '../../sync/session.js';
import { addTime, pauseTimer, resumeTimer } from './timer.js';
import type { Facilitation } from './use-facilitation.js';

/**
 * The facilitator's buttons for the timer that is set (DESIGN "Facilitation", Timer): pause
 * or resume, +1/+5 min, stop. Each reads the session's timer when clicked (not `props.timer`
 * from render), so a click acts on what another facilitator's tab may just have written;
 * times are the server's.
 */
export function RunningTimerButtons(props: { f: Facilitation; timer: SessionTimer }) {
  const f = props.f;
  const update = (change: (t: SessionTimer) => SessionTimer | null) => {
    const value = f.session.timer;
    if (value) setTimer(f.doc, change(value));
  };
  return (
    <>
      <Show when={props.timer.startedAt !== null} fallback={<button type="button" class="secondary" onClick={() => update((t) => resumeTimer(t, f.clock.now()))}>{ft('timerResume')}</button>}>
        <button type="button" class="secondary" onClick={() => update((t) => pauseTimer(t, f.clock.now()))}>
          {ft('timerPause')}
        </button>
      </Show>
      <button type="button" class="secondary" onClick={() => update((t) => addTime(t, 60))}>
        {ft('timerAdd', { minutes: 1 })}
      </button>
      <button type="button" class="secondary" onClick={() => update((t) => addTime(t, 300))}>
        {ft('timerAdd', { minutes: 5 })}
      </button>
      <button type="button" class="secondary" onClick={() => setTimer(f.doc, null)}>
        {ft('timerStop')}
      </button>
    </>
  );
}
