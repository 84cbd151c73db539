import { createSignal, For, onCleanup, Show } from 'solid-js';
import { ft } from '../../i18n/facilitation-messages.js';
import { setSpotlight, startSession, stopSession, type ItemRef } from '../../sync/session.js';
import { CapturePanel } from './CapturePanel.jsx';
import { itemAt } from './items.js';
import { PeoplePanel } from './PeoplePanel.jsx';
import { RoundForm } from './RoundForm.jsx';
import { TimerControls } from './TimerControls.jsx';
import type { Facilitation } from './use-facilitation.js';

/** The item of the field last focused in the document (not in the bar), for "Lyft fram markerad". */
function useFocusedItem() {
  const [focused, setFocused] = createSignal<ItemRef | null>(null);
  const onFocus = (event: FocusEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || target.closest('.facilitation')) return;
    const found = itemAt(target);
    if (found) setFocused(found);
  };
  document.addEventListener('focusin', onFocus);
  onCleanup(() => document.removeEventListener('focusin', onFocus));
  return focused;
}

/** Spotlight: any item from a list, the focused one, or none. */
function SpotlightControls(props: { f: Facilitation }) {
  const f = props.f;
  const focused = useFocusedItem();
  const current = () => (f.session.spotlight ? `${f.session.spotlight.collection}:${f.session.spotlight.id}` : '');
  const choose = (value: string) => {
    const at = value.indexOf(':');
    setSpotlight(f.doc, at > 0 ? { collection: value.slice(0, at), id: value.slice(at + 1) } : null, f.userId);
  };
  return (
    <div class="session-spotlight-controls">
      <label>
        {ft('spotlightLabel')}{' '}
        <select value={current()} onChange={(e) => choose(e.currentTarget.value)} data-spotlight-select>
          <option value="">{ft('spotlightNone')}</option>
          <For each={f.items()}>{(item) => <option value={`${item.collection}:${item.id}`}>{item.label}</option>}</For>
        </select>
      </label>{' '}
      <button type="button" class="secondary" disabled={!focused()} title={focused() ? undefined : ft('spotlightFocusedHint')} onClick={() => setSpotlight(f.doc, focused(), f.userId)}>
        {ft('spotlightFocused')}
      </button>
    </div>
  );
}

/**
 * The facilitator's bar (coordinators; DESIGN "Facilitation"): start/stop the session,
 * spotlight, timer, hands and people by organisation, dot-voting rounds and, on agendas,
 * capture on the current item.
 */
export function FacilitatorBar(props: { f: Facilitation }) {
  const f = props.f;
  const running = () => f.session.spotlightBy !== null;
  return (
    <section class="facilitator-bar" aria-labelledby="facilitator-bar">
      <h2 id="facilitator-bar">{ft('facilitatorBar')}</h2>
      <Show when={running()} fallback={<button type="button" onClick={() => startSession(f.doc, f.userId)}>{ft('start')}</button>}>
        <p>
          <strong>{ft('running')}</strong>{' '}
          <button type="button" class="secondary" onClick={() => stopSession(f.doc)}>
            {ft('stop')}
          </button>
        </p>
        <SpotlightControls f={f} />
        <TimerControls f={f} />
        <PeoplePanel f={f} />
        <Show when={f.kind === 'agenda' && f.canEdit}>
          <CapturePanel f={f} />
        </Show>
      </Show>
      <RoundForm f={f} />
    </section>
  );
}
