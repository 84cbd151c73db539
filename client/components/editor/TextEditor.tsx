import { onCleanup, onMount } from 'solid-js';
import * as Y from 'yjs';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import { yCollab } from 'y-codemirror.next';
import { useEditor } from './context.js';

/**
 * A co-edited text (`Y.Text`) through CodeMirror and y-codemirror.next: every person's caret
 * is kept under concurrent edits and remote carets show with name and colour.
 */
export function TextEditor(props: { id: string; describedBy: string; text: Y.Text; multiline?: boolean; placeholder?: string }) {
  const editor = useEditor();
  let host: HTMLDivElement | undefined;
  let view: EditorView | undefined;
  onMount(() => {
    if (!host) return;
    view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: props.text.toString(),
        extensions: [
          yCollab(props.text, editor.awareness, { undoManager: editor.undo }),
          EditorView.lineWrapping,
          EditorState.readOnly.of(!editor.editable),
          EditorView.editable.of(editor.editable),
          props.multiline ? [] : keymap.of([{ key: 'Enter', run: () => true }]),
          props.placeholder ? placeholderText(props.placeholder) : [],
          EditorView.contentAttributes.of({
            id: props.id,
            role: 'textbox',
            'aria-labelledby': `${props.id}-label`,
            'aria-multiline': props.multiline ? 'true' : 'false',
            'aria-describedby': props.describedBy,
            'aria-readonly': editor.editable ? 'false' : 'true',
          }),
        ],
      }),
    });
  });
  onCleanup(() => view?.destroy());
  return <div class="text-editor" classList={{ multiline: props.multiline }} ref={host} />;
}

/** The `Y.Text` of an item's field, or null if a peer stored something else there. */
export function textOf(collection: Y.Map<unknown>, id: string, field: string): Y.Text | null {
  const item = collection.get(id);
  const value = item instanceof Y.Map ? item.get(field) : undefined;
  return value instanceof Y.Text ? value : null;
}
