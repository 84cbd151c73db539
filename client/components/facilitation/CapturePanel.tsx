import { createSignal, Show } from 'solid-js';
import { agendaToJSON } from '../../../shared/model/agenda.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { captureAction, captureDecision } from '../../sync/agenda-capture.js';
import { createDocView } from '../../sync/y-solid.js';
import { ActionItemForm } from './ActionItemForm.jsx';
import { CapturedActions } from './CapturedActions.jsx';
import { DecisionForm } from './DecisionForm.jsx';
import type { Facilitation } from './use-facilitation.js';

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
  /** Runs one capture on the current item; a saved one clears its form and says "Sparat.". */
  const capture = (add: typeof captureDecision, form: HTMLFormElement) => {
    if (!add(f.doc, item()?.id ?? '', new FormData(form))) return;
    form.reset();
    setSaved(ft('saved'));
  };
  return (
    <Show when={item()} fallback={<p>{ft('captureNoItem')}</p>}>
      {(current) => (
        <section class="session-capture" aria-labelledby="session-capture">
          <h3 id="session-capture">{ft('capture', { label: current().title || '–' })}</h3>
          <DecisionForm onSubmit={(form) => capture(captureDecision, form)} />
          <ActionItemForm onSubmit={(form) => capture(captureAction, form)} />
          <p role="status">{saved()}</p>
          <CapturedActions f={f} actions={current().actions} />
        </section>
      )}
    </Show>
  );
}
