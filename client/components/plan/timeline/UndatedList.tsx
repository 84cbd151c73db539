import { createMemo, createSignal, Index, Show, type Accessor } from 'solid-js';
import type { ActivityJSON } from '../../../../shared/model/action-plan.js';
import { t } from '../../../i18n/index.js';
import { createRowBuilder, type RowBuilder } from './lazy-rows.js';
import { CHUNK_ROWS } from './rows.js';

interface ItemChunk {
  /** Position (1-based) of the chunk's first item in the whole list. */
  first: number;
  items: ActivityJSON[];
}

/**
 * The activities the timeline cannot draw (no start or end), as a list built in chunks like
 * the timeline's rows: a big plan without dates does not build thousands of items at once.
 * `aria-setsize`/`aria-posinset` give a screen reader the list's real size meanwhile.
 */
export function UndatedList(props: { activities: ActivityJSON[]; labelledBy: string }) {
  const builder = createRowBuilder();
  const chunks = createMemo(() => {
    const all: ItemChunk[] = [];
    for (let i = 0; i < props.activities.length; i += CHUNK_ROWS) all.push({ first: i + 1, items: props.activities.slice(i, i + CHUNK_ROWS) });
    return all;
  });
  return (
    <ul class="timeline-undated" aria-labelledby={props.labelledBy}>
      <Index each={chunks()}>{(chunk) => <Chunk chunk={chunk} size={props.activities.length} builder={builder} />}</Index>
    </ul>
  );
}

const itemLabel = (a: ActivityJSON) => `${a.number} ${a.title}`.trim() || t('activity');

function Chunk(props: { chunk: Accessor<ItemChunk>; size: number; builder: RowBuilder }) {
  const [built, setBuilt] = createSignal(props.chunk().first === 1);
  return (
    <Show
      when={built() || props.builder.printing()}
      fallback={
        // Each item's text, for find in page (as the timeline's rows, TimelineChart.tsx).
        <li class="timeline-undated-placeholder" aria-hidden="true" style={{ '--rows': props.chunk().items.length }} ref={(item) => props.builder.watch(item, () => setBuilt(true))}>
          <div class="timeline-placeholder-lines">{props.chunk().items.map(itemLabel).join('\n')}</div>
        </li>
      }
    >
      <Index each={props.chunk().items}>
        {(a, i) => (
          <li aria-setsize={props.size} aria-posinset={props.chunk().first + i}>
            {itemLabel(a())}
          </li>
        )}
      </Index>
    </Show>
  );
}
