import { Show, type JSX } from 'solid-js';
import { t } from '../i18n/index.js';

/** Move up / move down / remove for one row, each named for screen readers. */
export function RowActions(props: {
  label: string;
  first: boolean;
  last: boolean;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  canMove?: boolean;
  /** Further controls for the row, placed before remove. */
  children?: JSX.Element;
}) {
  return (
    <div class="row-actions" role="group" aria-label={props.label}>
      <Show when={props.canMove !== false}>
        <button type="button" class="icon" disabled={props.first} onClick={() => props.onMove(-1)}>
          <span aria-hidden="true">↑</span>
          <span class="visually-hidden">{`${t('moveUp')} ${props.label}`}</span>
        </button>
        <button type="button" class="icon" disabled={props.last} onClick={() => props.onMove(1)}>
          <span aria-hidden="true">↓</span>
          <span class="visually-hidden">{`${t('moveDown')} ${props.label}`}</span>
        </button>
      </Show>
      {props.children}
      <button type="button" class="icon danger" onClick={() => confirm(t('deleteConfirm', { what: props.label })) && props.onRemove()}>
        <span aria-hidden="true">✕</span>
        <span class="visually-hidden">{`${t('remove')} ${props.label}`}</span>
      </button>
    </div>
  );
}
