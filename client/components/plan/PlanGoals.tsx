import { For, Show } from 'solid-js';
import { addGoal, type ActionPlanJSON } from '../../../shared/model/action-plan.js';
import { fieldId } from '../../sync/action-plan-view.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { GoalSection } from './GoalSection.jsx';
import { RenumberOffer } from './RenumberOffer.jsx';
import { focusWhenRendered } from './focus-new-row.js';

/**
 * The plan table's goals (DESIGN action-plan `goals`): the renumber offer, a slot per goal
 * (the first `shown` built, the rest placeholders sized by `--rows`, see lazy-goals.ts) and,
 * for editors, "+ Lägg till mål", which builds every goal and focuses the new one's title.
 * `sectionRef` gets the section, whose first goals size the placeholders.
 */
export function PlanGoals(props: { plan: ActionPlanJSON; shown: number; showEverything: () => void; sectionRef: (el: HTMLElement) => void }) {
  const editor = useEditor();
  const realGoals = () => props.plan.goals.filter((g) => g.id !== null);
  const add = () => {
    props.showEverything();
    focusWhenRendered(fieldId(['goals', addGoal(editor.doc, { number: String(realGoals().length + 1), title: '' }, LOCAL_ORIGIN), 'title']));
  };
  return (
    <section aria-labelledby="goals-heading" ref={props.sectionRef}>
      <h2 id="goals-heading">{t('goals')}</h2>
      <RenumberOffer plan={props.plan} />
      <For each={props.plan.goals}>
        {(goal, i) => (
          <div class="goal-slot" style={{ '--rows': goal.activities.length }}>
            <Show when={i() < props.shown} fallback={<div class="goal-placeholder" />}>
              <GoalSection goal={goal} goals={props.plan.goals} first={i() === 0} last={i() === realGoals().length - 1} />
            </Show>
          </div>
        )}
      </For>
      <Show when={editor.editable}>
        <button type="button" onClick={add}>
          + {t('addGoal')}
        </button>
      </Show>
    </section>
  );
}
