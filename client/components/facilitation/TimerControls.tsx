import { createSignal, Show } from 'solid-js';
import { ft } from '../../i18n/facilitation-messages.js';
import { setSpotlight, setTimer } from '../../sync/session.js';
import { nextAgendaItem } from './items.js';
import { RunningTimerButtons } from './RunningTimerButtons.jsx';
import { startTimer } from './timer.js';
import type { Facilitation } from './use-facilitation.js';

/**
 * The facilitator's timer: from the current agenda item's planned minutes or free minutes,
 * pause/resume, +1/+5 min (RunningTimerButtons), and "Nästa punkt" (spotlight and timer
 * move to the next agenda item). Every time written is the server's (server-clock.ts).
 */
export function TimerControls(props: { f: Facilitation }) {
  const f = props.f;
  const [minutes, setMinutes] = createSignal(10);
  const timer = () => f.session.timer;
  const current = () => {
    const ref = f.session.spotlight;
    return ref?.collection === 'items' ? f.items().find((i) => i.collection === 'items' && i.id === ref.id) : undefined;
  };
  const next = () => {
    const item = nextAgendaItem(f.items(), timer()?.itemId ?? current()?.id ?? null);
    if (!item) return;
    setSpotlight(f.doc, { collection: 'items', id: item.id }, f.userId);
    setTimer(f.doc, startTimer(item.id, (item.minutes ?? 0) * 60, f.clock.now()));
  };
  return (
    <fieldset class="session-timer-controls">
      <legend>{ft('timer')}</legend>
      <Show when={current()}>
        {(item) => (
          <button type="button" onClick={() => setTimer(f.doc, startTimer(item().id, (item().minutes ?? 0) * 60, f.clock.now()))}>
            {ft('timerStartItem', { minutes: item().minutes ?? 0 })}
          </button>
        )}
      </Show>
      <label>
        {ft('timerMinutes')}{' '}
        <input type="number" min="1" max="480" class="narrow-number" value={minutes()} onInput={(e) => setMinutes(Number(e.currentTarget.value) || 1)} />
      </label>
      <button type="button" class="secondary" onClick={() => setTimer(f.doc, startTimer(null, minutes() * 60, f.clock.now()))}>
        {ft('timerStartFree')}
      </button>
      <Show when={timer()}>{(value) => <RunningTimerButtons f={f} timer={value()} />}</Show>
      <Show when={f.kind === 'agenda'}>
        <button type="button" onClick={next}>
          {ft('nextItem')}
        </button>
      </Show>
    </fieldset>
  );
}
