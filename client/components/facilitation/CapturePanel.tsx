import { createSignal, For, Show } from 'solid-js';
import { agendaToJSON } from '../../../shared/model/agenda.js';
import { ft } from '../../i18n/facilitation-messages.js';
import { captureAction, captureDecision } from '../../sync/agenda-capture.js';
import { createDocView } from '../../sync/y-solid.js';
import { CaptureForm } from './CaptureForm.jsx';
import { CapturedActions } from './CapturedActions.jsx';
import { FormDateInput } from '../FormDateInput.jsx';
import type { Facilitation } from './use-facilitation.js';

/** The agenda item being worked on: the spotlit one, else the timer's. */
export function currentAgendaItemId(f: Facilitation): string | null {
  const ref = f.session.spotlight;
  if (ref?.collection === 'items') return ref.id;
  return f.session.timer?.itemId ?? null;
}

/**
 * Capture on the current agenda item in one step (DESIGN "Facilitation", Capture): a
 * decision, or an action item with owner and due date. The item's decisions are listed (so
 * one just captured stays in view, user test U14), then its action items: each can become a
 * plan activity (ToPlanForm), and one that has shows its link.
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
          <CaptureForm submitLabel={ft('addDecision')} onSubmit={(form) => capture(captureDecision, form)}>
            <label>
              {ft('decision')} <input name="decision" maxLength={2000} />
            </label>
          </CaptureForm>
          <CaptureForm submitLabel={ft('addAction')} onSubmit={(form) => capture(captureAction, form)}>
            <label>
              {ft('action')} <input name="action" maxLength={2000} />
            </label>
            <label>
              {ft('owner')} <input name="owner" maxLength={200} />
            </label>
            <label>
              {ft('due')} <FormDateInput name="due" />
            </label>
          </CaptureForm>
          <p role="status">{saved()}</p>
          <Show when={current().decisions.length > 0}>
            <h4 id="session-decisions">{ft('decisionsOnItem')}</h4>
            <ul class="session-decisions-list" aria-labelledby="session-decisions">
              <For each={current().decisions}>{(decision) => <li data-decision={decision.id}>{decision.text || '–'}</li>}</For>
            </ul>
          </Show>
          <CapturedActions f={f} actions={current().actions} />
        </section>
      )}
    </Show>
  );
}
