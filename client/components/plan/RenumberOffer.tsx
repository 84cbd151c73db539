import { createEffect, createMemo, createSignal, Show } from 'solid-js';
import type { ActionPlanJSON } from '../../../shared/model/action-plan.js';
import { applyNumberChanges, renumberPlan } from '../../../shared/numbering.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import './plan-rows.css';

/**
 * "Numrera om" (issue 17 item 9): offered to editors whenever the numbers do not follow the
 * order (clashes after moves and concurrent adds, `number.duplicate` / `number.out-of-place`
 * in "Att åtgärda"). One click writes every change in one transaction: one undo step.
 */
export function RenumberOffer(props: { plan: ActionPlanJSON }) {
  const editor = useEditor();
  const changes = createMemo(() => renumberPlan(props.plan));
  const [done, setDone] = createSignal<number | null>(null);
  let status: HTMLParagraphElement | undefined;
  // A new clash replaces the last "n nummer ändrades" with the offer.
  createEffect(() => changes().length > 0 && setDone(null));
  const renumber = () => {
    const list = changes();
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
      <Show when={editor.editable && changes().length > 0}>
        <div class="renumber-offer" data-renumber-count={changes().length}>
          <p>{t('renumberOffer', { count: changes().length })}</p>
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
