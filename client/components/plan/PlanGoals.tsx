import { createMemo, For, onCleanup, Show } from 'solid-js';
import { addGoal, type ActionPlanJSON, type GoalJSON } from '../../../shared/model/action-plan.js';
import { goalsToRenumber, renumberPlan } from '../../../shared/numbering.js';
import { fieldId } from '../../sync/action-plan-view.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { t } from '../../i18n/index.js';
import { useEditor } from '../editor/context.js';
import { GoalSection } from './GoalSection.jsx';
import { RenumberOffer } from './RenumberOffer.jsx';
import { focusWhenRendered } from './focus-new-row.js';
import type { LazyGoals } from './lazy-goals.js';

/** A goal's key for the builder: its id (the activities without a goal have none). */
export function goalKey(goal: GoalJSON): string {
  return goal.id ?? '';
}

/**
 * A not-yet-built goal's place, watched so that goals scrolled near are built first. It
 * holds the goal's and its activities' labels as one text node, a line per row, so that
 * find in page (Ctrl+F) finds an activity before its row is built; scrolled there, the
 * goal is built in place (as the timeline's placeholders do).
 */
function Placeholder(props: { goal: GoalJSON; goalKey: string; lazy: LazyGoals }) {
  const heading = () => (props.goal.id === null ? t('noGoal') : `${t('goal')} ${props.goal.number} ${props.goal.title}`.trim());
  const lines = () => [heading(), '', ...props.goal.activities.map((a) => `${a.number} ${a.title}`.trim())].join('\n');
  return (
    <div class="goal-placeholder" ref={(el) => onCleanup(props.lazy.watch(el, props.goalKey))}>
      <div class="goal-placeholder-lines">{lines()}</div>
    </div>
  );
}

/**
 * The plan table's goals (DESIGN action-plan `goals`): the renumber offer (above them, and in
 * each goal whose numbers are off), a slot per goal
 * (built ones, and placeholders sized by `--rows` for the rest, see lazy-goals.ts) and,
 * for editors, "+ Lägg till mål", which builds every goal and focuses the new one's title.
 * `sectionRef` gets the section, whose first goals size the placeholders.
 */
export function PlanGoals(props: { plan: ActionPlanJSON; lazy: LazyGoals; sectionRef: (el: HTMLElement) => void }) {
  const editor = useEditor();
  const realGoals = () => props.plan.goals.filter((g) => g.id !== null);
  // Worked out once per change for the whole plan; each goal only asks whether it is named.
  const changes = createMemo(() => renumberPlan(props.plan));
  const offGoals = createMemo(() => goalsToRenumber(props.plan, changes()));
  const add = () => {
    props.lazy.showEverything();
    focusWhenRendered(fieldId(['goals', addGoal(editor.doc, { number: String(realGoals().length + 1), title: '' }, LOCAL_ORIGIN), 'title']));
  };
  return (
    <section aria-labelledby="goals-heading" ref={props.sectionRef}>
      <h2 id="goals-heading">{t('goals')}</h2>
      <RenumberOffer changes={changes()} shown={changes().length > 0} message={t('renumberOffer', { count: changes().length })} />
      <For each={props.plan.goals}>
        {(goal, i) => (
          <div class="goal-slot" style={{ '--rows': goal.activities.length }}>
            <Show when={props.lazy.isBuilt(goalKey(goal), i())} fallback={<Placeholder goal={goal} goalKey={goalKey(goal)} lazy={props.lazy} />}>
              <GoalSection goal={goal} goals={props.plan.goals} first={i() === 0} last={i() === realGoals().length - 1}>
                <Show when={editor.editable && goal.id !== null}>
                  <RenumberOffer changes={changes()} shown={offGoals().has(goalKey(goal))} message={t('renumberOfferHere')} />
                </Show>
              </GoalSection>
            </Show>
          </div>
        )}
      </For>
      <Show when={editor.editable}>
        <button type="button" onClick={add} data-add-row="goals">
          + {t('addGoal')}
        </button>
      </Show>
    </section>
  );
}
