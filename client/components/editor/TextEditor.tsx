import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import type * as Y from 'yjs';
import { EditorSelection, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText, ViewPlugin } from '@codemirror/view';
import { yCollab } from 'y-codemirror.next';
import { undoStepOf } from '../../lib/undo-keys.js';
import { ContentLimits } from '../../../shared/content-limits.js';
import { lengthLimit } from './length-limit.js';
import { textCharacters } from './text-characters.js';
import { caretOncePerFrame } from './caret-frame.js';
import { caretAwareness } from '../../sync/presence.js';
import { useEditor } from './context.js';
import { announce } from './announcer.js';
import { decimal, t } from '../../i18n/index.js';
import './field-notices.css';

/**
 * Remote carets (y-codemirror.next draws them as widgets holding the peer's name) are
 * hidden from screen readers: otherwise "Erik Redaktör" is read as part of the text
 * (issue 17 item 11). Who is here is announced by the header's presence list instead.
 * Set after each redraw (a measure pass runs after the DOM update); CodeMirror ignores
 * attribute changes inside widgets.
 */
const hideRemoteCarets = ViewPlugin.fromClass(
  class {
    constructor(view: EditorView) {
      this.hide(view);
    }
    update(update: { view: EditorView }) {
      this.hide(update.view);
    }
    hide(view: EditorView) {
      view.requestMeasure({
        read: () => null,
        write: () => view.contentDOM.querySelectorAll('.cm-ySelectionCaret:not([aria-hidden])').forEach((caret) => caret.setAttribute('aria-hidden', 'true')),
      });
    }
  },
);

/**
 * Undo and redo keys (lib/undo-keys.ts: Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl/Cmd+Y) take the
 * document's undo, handled on keydown: Chromium's own undo (one history per page, not per
 * editor) would otherwise run as well and type the undone text a second time, in this
 * editor or one edited before (user test: "Sep-målSep-mål"). Read from Shift, not from the
 * key's case, which not every keyboard event reports alike.
 */
function undoKeys(undo: { undo(): unknown; redo(): unknown }) {
  return Prec.highest(
    EditorView.domEventHandlers({
      keydown(event) {
        const step = undoStepOf(event);
        if (step === null) return false;
        event.preventDefault();
        if (step === 'redo') undo.redo();
        else undo.undo();
        return true;
      },
    }),
  );
}

/**
 * Home and End in a one-line text (a title) go to its start and end, with Shift extending
 * the selection: a wrapped title is still one line to the person typing, and End stopping
 * at the wrap put typed text mid-title (user test).
 */
const titleEnds = keymap.of(
  [
    { key: 'Home', at: 'start' as const, extend: false },
    { key: 'End', at: 'end' as const, extend: false },
    { key: 'Shift-Home', at: 'start' as const, extend: true },
    { key: 'Shift-End', at: 'end' as const, extend: true },
  ].map(({ key, at, extend }) => ({
    key,
    run: (view: EditorView) => {
      const head = at === 'start' ? 0 : view.state.doc.length;
      const anchor = extend ? view.state.selection.main.anchor : head;
      view.dispatch({ selection: EditorSelection.single(anchor, head), scrollIntoView: true, userEvent: 'select' });
      return true;
    },
  })),
);

/** What the length limit left out of one's last edit, in words: shown under the text and read out once. */
function tooLongText(max: number, dropped: number): string {
  return t('field_tooLong', { max: decimal(max), dropped: decimal(dropped) });
}

/**
 * A co-edited text (`Y.Text`) through CodeMirror and y-codemirror.next: every person's caret
 * is kept under concurrent edits and remote carets show with name and colour.
 */
export function TextEditor(props: { id: string; describedBy: string; text: Y.Text; multiline?: boolean; placeholder?: string; autoFocus?: boolean }) {
  const editor = useEditor();
  let host: HTMLDivElement | undefined;
  let view: EditorView | undefined;
  const max = props.multiline ? ContentLimits.maxTextLength : ContentLimits.maxTitleLength;
  const [dropped, setDropped] = createSignal(0);
  const report = (count: number) => {
    setDropped(count);
    if (count > 0) announce(tooLongText(max, count));
  };
  // One's caret goes to the others once a frame, not inside each keystroke (caret-frame.ts).
  const carets = caretOncePerFrame(caretAwareness(editor.awareness), { request: (run) => requestAnimationFrame(run), cancel: (id) => cancelAnimationFrame(id) });
  onMount(() => {
    if (!host) return;
    view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: props.text.toString(),
        extensions: [
          // Remote carets are drawn from sanitized users only (issue 15 item 4).
          yCollab(props.text, carets.awareness, { undoManager: editor.undo }),
          undoKeys(editor.undo),
          lengthLimit(max, report),
          textCharacters(),
          hideRemoteCarets,
          EditorView.lineWrapping,
          EditorState.readOnly.of(!editor.editable),
          EditorView.editable.of(editor.editable),
          props.multiline ? [] : [keymap.of([{ key: 'Enter', run: () => true }]), titleEnds],
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
    if (props.autoFocus) view.focus();
  });
  onCleanup(() => {
    view?.destroy();
    carets.flush();
  });
  return (
    <>
      <div class="text-editor" classList={{ multiline: props.multiline }} ref={host} />
      <Show when={dropped() > 0}>
        <p class="field-notice too-long" id={`${props.id}-too-long`} data-field-too-long={props.id}>
          {tooLongText(max, dropped())}
        </p>
      </Show>
    </>
  );
}

/**
 * A co-edited text that shows as plain text until someone focuses it, and only then mounts
 * the editor: a plan with a thousand activities would otherwise start two thousand editors.
 * Who else is in the field is shown by the field's marker meanwhile; once open, their
 * carets show too.
 */
export function TextField(props: { id: string; describedBy: string; text: Y.Text | null; value: string; multiline?: boolean }) {
  const editor = useEditor();
  const [open, setOpen] = createSignal(false);
  const activate = () => props.text && setOpen(true);
  return (
    <Show
      when={open() && props.text}
      fallback={
        <div
          id={props.id}
          class="text-static"
          classList={{ multiline: props.multiline }}
          role="textbox"
          tabindex="0"
          aria-labelledby={`${props.id}-label`}
          aria-describedby={props.describedBy}
          aria-multiline={props.multiline ? 'true' : 'false'}
          aria-readonly={editor.editable ? 'false' : 'true'}
          onFocus={activate}
          onClick={activate}
        >
          {props.value}
        </div>
      }
    >
      {(text) => <TextEditor id={props.id} describedBy={props.describedBy} text={text()} multiline={props.multiline} autoFocus />}
    </Show>
  );
}
