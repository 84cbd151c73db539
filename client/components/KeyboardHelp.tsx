import { For, onCleanup } from 'solid-js';
import { t } from '../i18n/index.js';
import type { MessageKey } from '../i18n/messages.js';
import { isHelpShortcut } from '../lib/shortcuts.js';

const SHORTCUTS: ReadonlyArray<{ keys: string[]; what: MessageKey }> = [
  { keys: ['Alt', 'Shift', 'A'], what: 'key_issues' },
  { keys: ['Alt', '↑ / ↓'], what: 'key_rows' },
  { keys: ['Ctrl', 'Z / Shift+Z / Y'], what: 'key_undo' },
  { keys: ['Enter'], what: 'key_commit' },
  { keys: ['?'], what: 'key_help' },
];

function inTextField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"], [role="textbox"]') !== null;
}

/**
 * "Tangentbord": the document pages' shortcuts in a modal dialog (native `<dialog>`: focus
 * stays inside, Escape closes, focus returns to the button). "?" outside a text field opens it.
 */
export function KeyboardHelp() {
  let dialog: HTMLDialogElement | undefined;
  const open = () => dialog?.showModal();
  const onKey = (event: KeyboardEvent) => {
    if (!isHelpShortcut(event, inTextField(event.target)) || dialog?.open) return;
    event.preventDefault();
    open();
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => document.removeEventListener('keydown', onKey));
  return (
    <>
      <button type="button" class="link-button" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={open}>
        {t('keyboardHelp')}
      </button>
      <dialog ref={dialog} class="keyboard-help" aria-labelledby="keyboard-help-heading">
        <h2 id="keyboard-help-heading">{t('keyboardHelpHeading')}</h2>
        <dl>
          <For each={SHORTCUTS}>
            {(shortcut) => (
              <div>
                <dt>
                  <For each={shortcut.keys}>{(key, i) => (i() > 0 ? <>+<kbd>{key}</kbd></> : <kbd>{key}</kbd>)}</For>
                </dt>
                <dd>{t(shortcut.what)}</dd>
              </div>
            )}
          </For>
        </dl>
        <p class="muted">{t('key_help_note')}</p>
        <button type="button" onClick={() => dialog?.close()}>
          {t('close')}
        </button>
      </dialog>
    </>
  );
}
