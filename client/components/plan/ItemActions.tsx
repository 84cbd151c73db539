import type { JSX } from 'solid-js';
import { removeItem, reorderItem } from '../../../shared/model/action-plan.js';
import { LOCAL_ORIGIN } from '../../sync/open-document.js';
import { useEditor } from '../editor/context.js';
import { RowActions } from '../RowActions.jsx';

/**
 * Move up / move down / remove for one goal, activity or cost line of the plan (DESIGN
 * "Document schemas", action-plan collections), each a local edit. `label` names the item to
 * screen readers; `children` are further controls placed before remove.
 */
export function ItemActions(props: {
  collection: 'goals' | 'activities' | 'costs';
  id: string;
  label: string;
  first: boolean;
  last: boolean;
  children?: JSX.Element;
}) {
  const editor = useEditor();
  return (
    <RowActions
      label={props.label}
      rowId={props.id}
      rowKind={props.collection}
      first={props.first}
      last={props.last}
      onMove={(direction) => reorderItem(editor.doc, props.collection, props.id, direction, LOCAL_ORIGIN)}
      onRemove={() => removeItem(editor.doc, props.collection, props.id, LOCAL_ORIGIN)}
    >
      {props.children}
    </RowActions>
  );
}
