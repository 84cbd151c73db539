import { createSignal, For, Show, type JSX } from 'solid-js';
import { fieldId, fieldKey } from '../../sync/action-plan-view.js';
import { useParams } from '@solidjs/router';
import { createFieldGuard } from '../../sync/field-binding.js';
import { keptConflict, sessionConflictStore } from '../../sync/held-conflicts.js';
import { setEditing } from '../../sync/presence.js';
import { t } from '../../i18n/index.js';
import { useEditor } from './context.js';
import { FieldContext, type FieldInput } from './field-draft.js';
import { FieldNotices } from './FieldNotices.jsx';
import { IssueIcon } from '../icons/IssueIcon.jsx';

/**
 * A labelled field with its markers: who else is editing it (in their colour) and the
 * validation issues that point at it (an error with its message in words beside it, issue 17
 * C item 4; the input's aria-describedby names them). Focus inside tells the others where you are.
 * A value another person commits while you type here waits beside the field instead of
 * replacing your text (field-binding.ts, FieldNotices.tsx).
 */
export function Field(props: { path: string[]; label: string; hideLabel?: boolean; children: (id: string, describedBy: string) => JSX.Element; class?: string }) {
  const editor = useEditor();
  const key = () => fieldKey(props.path);
  const id = () => fieldId(props.path);
  const editors = () => editor.peers().filter((peer) => !peer.self && peer.editing === key());
  const issues = () => editor.issuesByField().get(key()) ?? [];
  const describedBy = () => `${id()}-issues`;
  // The path of a mounted field does not change (rows are keyed by id).
  // An undecided conflict outlives a reload of the page (held-conflicts.ts).
  const where = keptConflict(sessionConflictStore(), editor.awareness, useParams<{ doc?: string }>().doc, props.path);
  const kept = where && { ...where, afterSync: editor.afterSync };
  const guard = createFieldGuard(editor.doc, editor.awareness, props.path, kept);
  const [input, setInput] = createSignal<FieldInput>();
  const focusIn = () => {
    setEditing(editor.awareness, key());
    guard.watch();
  };
  return (
    <div
      class={`field ${props.class ?? ''}`}
      classList={{ 'remote-editing': editors().length > 0, 'has-error': issues().some((i) => i.severity === 'error'), 'has-warning': issues().some((i) => i.severity === 'warning') }}
      style={editors()[0] ? { '--peer-color': editors()[0]?.color } : {}}
      onFocusIn={focusIn}
      onFocusOut={() => setEditing(editor.awareness, null)}
    >
      <label id={`${id()}-label`} for={id()} classList={{ 'visually-hidden': props.hideLabel }}>
        {props.label}
      </label>
      <FieldContext.Provider value={{ guard, register: (registered) => setInput(() => registered) }}>{props.children(id(), describedBy())}</FieldContext.Provider>
      <FieldNotices id={id()} guard={guard} input={input} />
      <Show when={editors().length > 0}>
        <span class="peer-marker" style={{ background: editors()[0]?.color }}>
          {t('editing', { name: editors().map((p) => p.name).join(', ') })}
        </span>
      </Show>
      <span id={describedBy()} class="field-issues">
        <For each={issues()}>
          {(issue) => (
            // An error's message is drawn beside the icon (WCAG 3.3.1: identified in text, not by a
            // tooltip); warnings and hints stay an icon here, their words in "Att åtgärda".
            <span class={`issue-marker ${issue.severity}`} title={issue.severity === 'error' ? undefined : issue.message}>
              <IssueIcon severity={issue.severity} />
              <span class={issue.severity === 'error' ? 'issue-text' : 'visually-hidden'}>{issue.message}</span>
            </span>
          )}
        </For>
      </span>
    </div>
  );
}
