import { For, Show } from 'solid-js';
import { objectiveByCode } from '../../../shared/reference/environmental-objectives.js';
import type { FocusAreaJSON, IndicatorJSON, StrategyGoalJSON, StrategyJSON } from '../../../shared/model/strategy.js';
import { decimal, t } from '../../i18n/index.js';
import { objectiveName } from '../strategy/StrategyGoal.jsx';
import { IndicatorChart } from '../strategy/IndicatorChart.jsx';

type Recent = () => ReadonlySet<string>;

function value(v: number | null, unit: string): string {
  return v === null ? '–' : `${decimal(v)} ${unit}`.trim();
}

/** An indicator: baseline and target in words, then the same uPlot chart the editor draws. */
function PresentIndicator(props: { indicator: IndicatorJSON; recent: Recent }) {
  const i = () => props.indicator;
  return (
    <div class="present-indicator" data-indicator={i().id} classList={{ recent: props.recent().has(i().id) }}>
      <h4>{i().name}</h4>
      <p class="muted">
        {t('baselineValue')} {i().baselineYear ?? '–'}: {value(i().baselineValue, i().unit)} · {t('targetValue')} {i().targetYear ?? '–'}: {value(i().targetValue, i().unit)} · {t(`direction_${i().direction}`)}
      </p>
      <IndicatorChart indicator={i()} />
    </div>
  );
}

function PresentStrategyGoal(props: { goal: StrategyGoalJSON; recent: Recent }) {
  const g = () => props.goal;
  const objectives = () => g().objectives.map((code) => objectiveByCode(code)).flatMap((o) => (o ? [objectiveName(o)] : []));
  return (
    <section class="present-block" data-goal={g().id} classList={{ recent: props.recent().has(g().id) }} aria-labelledby={`pg-${g().id}`}>
      <h3 id={`pg-${g().id}`}>{`${g().number} ${g().title}`.trim()}</h3>
      <Show when={g().description}>
        <p>{g().description}</p>
      </Show>
      <Show when={objectives().length > 0}>
        <p class="muted">
          {t('objectives')}: {objectives().join(', ')}
        </p>
      </Show>
      <For each={g().indicators}>{(indicator) => <PresentIndicator indicator={indicator} recent={props.recent} />}</For>
    </section>
  );
}

function PresentArea(props: { area: FocusAreaJSON; recent: Recent }) {
  const title = () => (props.area.id === null ? t('goalsWithoutArea') : props.area.title);
  const headingId = () => `pa-${props.area.id ?? 'none'}`;
  return (
    <section class="present-section" aria-labelledby={headingId()} classList={{ recent: props.area.id !== null && props.recent().has(props.area.id) }}>
      <h2 id={headingId()}>{title()}</h2>
      <Show when={props.area.description}>
        <p>{props.area.description}</p>
      </Show>
      <For each={props.area.goals}>{(goal) => <PresentStrategyGoal goal={goal} recent={props.recent} />}</For>
    </section>
  );
}

/** The strategy: vision, focus areas with their goals, national objectives and indicator charts. */
export function PresentStrategy(props: { strategy: StrategyJSON; recent: Recent }) {
  const s = () => props.strategy;
  return (
    <>
      <Show when={s().adopted || s().periodStart || s().periodEnd}>
        <p class="muted">
          <Show when={s().adopted}>{`${t('adopted')} ${s().adopted ?? ''} · `}</Show>
          {t('present_period', { start: s().periodStart ?? '…', end: s().periodEnd ?? '…' })}
        </p>
      </Show>
      <Show when={s().vision}>
        <section class="present-section" aria-labelledby="present-vision">
          <h2 id="present-vision">{t('vision')}</h2>
          <p class="present-vision">{s().vision}</p>
        </section>
      </Show>
      <For each={s().focusAreas}>{(area) => <PresentArea area={area} recent={props.recent} />}</For>
      <Show when={s().goals.length > 0}>
        <PresentArea area={{ id: null, title: t('goalsWithoutArea'), description: '', priority: null, goals: s().goals }} recent={props.recent} />
      </Show>
    </>
  );
}
