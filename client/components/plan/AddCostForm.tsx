import { For } from 'solid-js';
import { addCost } from '../../../shared/model/action-plan.js';
import { t } from '../../i18n/index.js';
import { fieldId } from '../../sync/action-plan-view.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { useEditor } from '../editor/context.js';
import { focusWhenRendered } from './focus-new-row.js';

/**
 * "+ Lägg till kostnadsrad" in a section (typed, or one of `sections` from the list): adds
 * an empty line there (DESIGN action-plan `costs`) and puts the caret in its label once it
 * is drawn.
 */
export function AddCostForm(props: { sections: string[] }) {
  const editor = useEditor();
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const section = String(new FormData(form).get('section') ?? '').trim();
    const id = addCost(editor.doc, { section, label: '', description: '', amount: null }, LOCAL_ORIGIN);
    focusWhenRendered(fieldId(['costs', id, 'label']));
  };
  return (
    <form class="inline" onSubmit={add}>
      <label>
        {t('section')}
        <input name="section" list="cost-sections" maxlength="200" />
      </label>
      <datalist id="cost-sections">
        <For each={props.sections}>{(s) => <option value={s} />}</For>
      </datalist>
      <button type="submit" class="secondary" data-add-row="costs">
        + {t('addCost')}
      </button>
    </form>
  );
}
