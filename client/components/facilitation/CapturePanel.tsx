import { createSignal, For, Show } from 'solid-js';
import { AGENDA_COLLECTIONS, agendaToJSON } from '../../../shared/model/agenda.js';
import { addItem } from '../../../shared/model/collections.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { LOCAL_ORIGIN } from '../../sync/undo.js';
import { createDocView } from '../../sync/y-solid.js';
import { ToPlanForm } from './ToPlanForm.jsx';
import { PlanActivityLink } from './links.jsx';
import type { Facilitation } from './use-facilitation.js';
import { FormDateInput } from '../FormDateInput.jsx';

/** The agenda item being worked on: the spotlit one, else the timer's. */
export function currentAgendaItemId(f: Facilitation): string | null {
  const ref = f.session.spotlight;
  if (ref?.collection === 'items') return ref.id;
  return f.session.timer?.itemId ?? null;
}

/**
 * Capture on the current agenda item in one step (DESIGN "Facilitation", Capture): a
 * decision, or an action item with owner and due date; each action item can become a plan
 * activity (ToPlanForm), and one that has shows its link.
 */
export function CapturePanel(props: { f: Facilitation }) {
  const f = props.f;
  const agenda = createDocView(f.doc, (doc) => ({ items: agendaToJSON(doc).meetings.flatMap((m) => m.items) }));
  const item = () => agenda.items.find((i) => i.id !== null && i.id === currentAgendaItemId(f));
  const [saved, setSaved] = createSignal('');
  const onDecision = (event: SubmitEvent, itemId: string) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const text = String(new FormData(form).get('decision') ?? '').trim();
    if (!text) return;
    addItem(f.doc, AGENDA_COLLECTIONS.decisions, { itemId, text }, LOCAL_ORIGIN);
    form.reset();
    setSaved(ft('saved'));
  };
  const onAction = (event: SubmitEvent, itemId: string) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = String(data.get('action') ?? '').trim();
    if (!text) return;
    const due = String(data.get('due') ?? '');
    addItem(f.doc, AGENDA_COLLECTIONS.actions, { itemId, text, owner: String(data.get('owner') ?? '').trim(), due: /^\d{4}-\d{2}-\d{2}$/.test(due) ? due : null, done: false, planActivity: null }, LOCAL_ORIGIN);
    form.reset();
    setSaved(ft('saved'));
  };
  return (
    <Show when={item()} fallback={<p>{ft('captureNoItem')}</p>}>
      {(current) => (
        <section class="session-capture" aria-labelledby="session-capture">
          <h3 id="session-capture">{ft('capture', { label: current().title || '–' })}</h3>
          <form class="session-inline" onSubmit={(e) => onDecision(e, current().id ?? '')}>
            <label>
              {ft('decision')} <input name="decision" maxLength={2000} />
            </label>
            <button type="submit">{ft('addDecision')}</button>
          </form>
          <form class="session-inline" onSubmit={(e) => onAction(e, current().id ?? '')}>
            <label>
              {ft('action')} <input name="action" maxLength={2000} />
            </label>
            <label>
              {ft('owner')} <input name="owner" maxLength={200} />
            </label>
            <label>
              {ft('due')} <FormDateInput name="due" />
            </label>
            <button type="submit">{ft('addAction')}</button>
          </form>
          <p role="status">{saved()}</p>
          <ul class="session-actions-list">
            <For each={current().actions}>
              {(action) => (
                <li data-action={action.id}>
                  <span>{action.text || '–'}</span>
                  <Show when={action.owner}> ({action.owner}{action.due ? `, ${action.due}` : ''})</Show>{' '}
                  <Show when={action.planActivity} fallback={<ToPlanForm f={f} actionId={action.id} label={action.text} />}>
                    {(link) => <PlanActivityLink link={link()} />}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </section>
      )}
    </Show>
  );
}
