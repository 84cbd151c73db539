import { Show, type JSX } from 'solid-js';
import { t } from '../i18n/index.js';
import { focusAfterMove, focusAfterRemove } from './row-focus.js';

/**
 * Move up / move down / remove for one row, each named for screen readers. With `rowId` and
 * `rowKind` (the row's id and collection), focus stays on the moved row's arrow, or goes to
 * the next row after a removal, instead of falling to <body> (row-focus.ts).
 */
export function RowActions(props: {
  label: string;
  first: boolean;
  last: boolean;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  canMove?: boolean;
  rowId?: string;
  rowKind?: string;
  /** Further controls for the row, placed before remove. */
  children?: JSX.Element;
}) {
  let group: HTMLDivElement | undefined;
  const move = (direction: -1 | 1) => {
    props.onMove(direction);
    if (props.rowId && props.rowKind) focusAfterMove(props.rowKind, props.rowId, direction);
  };
  const remove = () => {
    if (!confirm(t('deleteConfirm', { what: props.label }))) return;
    const after = group && props.rowKind ? focusAfterRemove(group, props.rowKind) : null;
    props.onRemove();
    after?.then();
  };
  return (
    <div class="row-actions" role="group" aria-label={props.label} ref={group} data-actions-id={props.rowId} data-actions-kind={props.rowKind}>
      <Show when={props.canMove !== false}>
        <button type="button" class="icon" disabled={props.first} onClick={() => move(-1)} data-row-action="up">
          <span aria-hidden="true">↑</span>
          <span class="visually-hidden">{`${t('moveUp')} ${props.label}`}</span>
        </button>
        <button type="button" class="icon" disabled={props.last} onClick={() => move(1)} data-row-action="down">
          <span aria-hidden="true">↓</span>
          <span class="visually-hidden">{`${t('moveDown')} ${props.label}`}</span>
        </button>
      </Show>
      {props.children}
      <button type="button" class="icon danger" onClick={remove} data-row-action="remove">
        <span aria-hidden="true">✕</span>
        <span class="visually-hidden">{`${t('remove')} ${props.label}`}</span>
      </button>
    </div>
  );
}
