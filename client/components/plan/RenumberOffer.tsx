import { createEffect, createSignal, Show } from 'solid-js';
import { applyNumberChanges, type NumberChange } from '../../../shared/numbering.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import './plan-rows.css';

/**
 * "Numrera om" (issue 17 item 9): offered to editors whenever the numbers do not follow the
 * order (clashes after moves and concurrent adds, `number.duplicate` / `number.out-of-place`
 * in "Att åtgärda"). `changes` is `renumberPlan` of the whole plan; `shown` says whether this
 * place offers it (above the goals: any change; in a goal: a change in that goal, so the offer
 * is beside the row just moved), `message` what it says. One click writes every change in one
 * transaction: one undo step. The status sentence stays after the offer goes, and takes focus.
 */
export function RenumberOffer(props: { changes: readonly NumberChange[]; shown: boolean; message: string }) {
  const editor = useEditor();
  const [done, setDone] = createSignal<number | null>(null);
  let status: HTMLParagraphElement | undefined;
  // A new clash replaces the last "n nummer ändrades" with the offer.
  createEffect(() => props.shown && setDone(null));
  const renumber = () => {
    const list = props.changes;
    // Its own undo step: not merged with an edit made just before or after it.
    editor.undo.stopCapturing();
    applyNumberChanges(editor.doc, list, LOCAL_ORIGIN);
    editor.undo.stopCapturing();
    setDone(list.length);
    // The button goes with the offer: focus the sentence that says what happened, not <body>
    // (WCAG 2.4.3, issue 17 user test item 1). Read once as focused; it is a status as well.
    status?.focus();
  };
  return (
    <>
      <Show when={editor.editable && props.shown}>
        <div class="renumber-offer" data-renumber-count={props.changes.length}>
          <p>{props.message}</p>
          <button type="button" class="secondary" onClick={renumber}>
            {t('renumber')}
          </button>
        </div>
      </Show>
      <p role="status" class="renumber-status muted" tabindex="-1" ref={status}>
        {done() === null ? '' : t('renumberDone', { count: done() ?? 0 })}
      </p>
    </>
  );
}
