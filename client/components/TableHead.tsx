import { For, Show } from 'solid-js';
import { t } from '../i18n/index.js';

/**
 * The head row of an editable table (costs, measurements, participants): one column header
 * per name, and — when the table is editable — a last column for the rows' remove buttons,
 * named for screen readers only (WCAG 1.3.1: every column has a header).
 */
export function EditableTableHead(props: { columns: string[]; editable: boolean }) {
  return (
    <thead>
      <tr>
        <For each={props.columns}>{(name) => <th scope="col">{name}</th>}</For>
        <Show when={props.editable}>
          <th scope="col">
            <span class="visually-hidden">{t('remove')}</span>
          </th>
        </Show>
      </tr>
    </thead>
  );
}
