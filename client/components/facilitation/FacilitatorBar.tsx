import { createSignal, For, onCleanup, Show } from 'solid-js';
import { ft } from '../../i18n/facilitation-messages.js';
import { keepSelectValue } from '../../lib/select-value.js';
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

/**
 * Spotlight: an item from the list, the focused one, or none. Choosing in the list spotlights
 * nothing yet — ArrowDown through a closed select fires `change` on every option in Chromium,
 * which would move everyone's page item by item; "Lyft fram" (or Enter) commits the choice.
 * The list shows the spotlit item (after a reload too) until another one is chosen.
 */
function SpotlightControls(props: { f: Facilitation }) {
  const f = props.f;
  const focused = useFocusedItem();
  const current = () => (f.session.spotlight ? `${f.session.spotlight.collection}:${f.session.spotlight.id}` : '');
  const [chosen, setChosen] = createSignal<string | null>(null);
  const shown = () => chosen() ?? current();
  const commit = () => {
    const value = shown();
    const at = value.indexOf(':');
    setSpotlight(f.doc, at > 0 ? { collection: value.slice(0, at), id: value.slice(at + 1) } : null, f.userId);
    setChosen(null);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    commit();
  };
  return (
    <div class="session-spotlight-controls">
      <label>
        {ft('spotlightLabel')}{' '}
        <select ref={(el) => keepSelectValue(el, shown)} onChange={(e) => setChosen(e.currentTarget.value)} onKeyDown={onKey} data-spotlight-select>
          <option value="">{ft('spotlightNone')}</option>
          <For each={f.items()}>{(item) => <option value={`${item.collection}:${item.id}`}>{item.label}</option>}</For>
        </select>
      </label>{' '}
      <button type="button" onClick={commit} disabled={shown() === current()} data-spotlight-commit>
        {ft('spotlight')}
      </button>{' '}
      <button type="button" class="secondary" disabled={!focused()} aria-describedby={focused() ? undefined : 'spotlight-focused-hint'} onClick={() => setSpotlight(f.doc, focused(), f.userId)}>
        {ft('spotlightFocused')}
      </button>
      <Show when={!focused()}>
        <p class="session-hint" id="spotlight-focused-hint">
          {ft('spotlightFocusedHint')}
        </p>
      </Show>
    </div>
  );
}

/** "Avsluta arbetspass" after a confirmation: one stray click would end everyone's session. */
function StopButton(props: { f: Facilitation }) {
  const [asking, setAsking] = createSignal(false);
  return (
    <Show when={asking()} fallback={<button type="button" class="secondary" onClick={() => setAsking(true)}>{ft('stop')}</button>}>
      <span role="group" aria-label={ft('stopConfirm')} class="session-confirm">
        {ft('stopConfirm')}{' '}
        <button type="button" onClick={() => stopSession(props.f.doc)} ref={(el) => queueMicrotask(() => el.focus())}>
          {ft('stopYes')}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => setAsking(false)}>
          {ft('stopNo')}
        </button>
      </span>
    </Show>
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
          <StopButton f={f} />
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
