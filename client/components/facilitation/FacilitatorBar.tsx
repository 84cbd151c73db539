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
 * Moves focus, once the page has rendered the change just made, to the first of `selectors`
 * found in `root` (WCAG 2.4.3: a pressed control that goes away or disables itself must not
 * drop focus to <body>). Yjs and Solid update synchronously, so a microtask is enough.
 */
function focusAfter(root: Element | undefined, ...selectors: string[]): void {
  queueMicrotask(() => {
    for (const selector of selectors) {
      const el = root?.querySelector<HTMLElement>(selector);
      if (el) return el.focus();
    }
  });
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
  const spotlitLabel = () => f.items().find((item) => `${item.collection}:${item.id}` === current())?.label;
  let box: HTMLDivElement | undefined;
  const commit = () => {
    const value = shown();
    const at = value.indexOf(':');
    setSpotlight(f.doc, at > 0 ? { collection: value.slice(0, at), id: value.slice(at + 1) } : null, f.userId);
    setChosen(null);
    // "Lyft fram" has just disabled itself: the status naming the spotlit item (or, for none, the list) takes focus.
    if (document.activeElement?.hasAttribute('data-spotlight-commit')) focusAfter(box, '[data-spotlight-status]', '[data-spotlight-select]');
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    commit();
  };
  return (
    <div class="session-spotlight-controls" ref={box}>
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
      <Show when={spotlitLabel()}>
        {(label) => (
          <p class="session-spotlight-status" tabindex="-1" data-spotlight-status>
            {ft('spotlit', { label: label() })}
          </p>
        )}
      </Show>
    </div>
  );
}

/** "Avsluta arbetspass" after a confirmation: one stray click would end everyone's session. */
function StopButton(props: { f: Facilitation; bar: () => Element | undefined }) {
  const [asking, setAsking] = createSignal(false);
  const stop = () => {
    stopSession(props.f.doc);
    focusAfter(props.bar(), '[data-session-start]');
  };
  const notNow = () => {
    setAsking(false);
    focusAfter(props.bar(), '[data-session-stop]');
  };
  return (
    <Show
      when={asking()}
      fallback={
        <button type="button" class="secondary" onClick={() => setAsking(true)} data-session-stop>
          {ft('stop')}
        </button>
      }
    >
      <span role="group" aria-label={ft('stopConfirm')} class="session-confirm">
        {ft('stopConfirm')}{' '}
        <button type="button" onClick={stop} ref={(el) => queueMicrotask(() => el.focus())}>
          {ft('stopYes')}
        </button>{' '}
        <button type="button" class="secondary" onClick={notNow}>
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
  let bar: HTMLElement | undefined;
  const start = () => {
    startSession(f.doc, f.userId);
    focusAfter(bar, '[data-session-stop]');
  };
  return (
    <section class="facilitator-bar" aria-labelledby="facilitator-bar" ref={bar}>
      <h2 id="facilitator-bar">{ft('facilitatorBar')}</h2>
      <Show
        when={running()}
        fallback={
          <button type="button" onClick={start} data-session-start>
            {ft('start')}
          </button>
        }
      >
        <p>
          <strong>{ft('running')}</strong>{' '}
          <StopButton f={f} bar={() => bar} />
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
