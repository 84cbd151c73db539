/**
 * What a field tells about the other people in it (issue 17 item 10): a value that arrived
 * while you typed, with "Använd deras" / "Behåll mitt", and a value of yours that someone
 * replaced. Both are also read out once through the shared live region.
 */
import { createEffect, on, Show } from 'solid-js';
import type { FieldGuard, RemoteValue, ReplacedValue } from '../../sync/field-binding.js';
import { t } from '../../i18n/index.js';
import { announce } from './announcer.js';
import type { FieldInput } from './field-draft.js';
import './field-notices.css';

function heldText(held: RemoteValue, format: (value: unknown) => string): string {
  const value = format(held.value);
  return held.by ? t('field_changedBy', { name: held.by, value }) : t('field_changedBySomeone', { value });
}

function replacedText(replaced: ReplacedValue, format: (value: unknown) => string): string {
  const params = { mine: format(replaced.mine), value: format(replaced.theirs) };
  return replaced.by ? t('field_replacedBy', { ...params, name: replaced.by }) : t('field_replacedBySomeone', params);
}

// Buttons keep focus in the input on a mouse press: the input's blur would otherwise count as leaving it.
const keepFocus = (event: MouseEvent) => event.preventDefault();

/** The notices of one field; `input` is the field's input, once it has registered. */
export function FieldNotices(props: { id: string; guard: FieldGuard; input: () => FieldInput | undefined }) {
  const format = (value: unknown) => (value === null || value === undefined || value === '' ? t('field_empty') : (props.input()?.format(value) ?? String(value)));
  createEffect(on(props.guard.held, (held) => held && announce(heldText(held, format))));
  createEffect(on(props.guard.replaced, (replaced) => replaced && announce(replacedText(replaced, format))));
  return (
    <>
      <Show when={props.guard.held()}>
        {(held) => (
          <div class="field-notice conflict" role="group" aria-label={t('field_conflict')} data-field-conflict={props.id}>
            <span class="field-notice-text">{heldText(held(), format)}</span>
            <button type="button" onMouseDown={keepFocus} onClick={() => props.input()?.useTheirs?.()}>
              {t('field_useTheirs')}
            </button>
            <button type="button" onMouseDown={keepFocus} onClick={() => props.input()?.keepMine?.()}>
              {t('field_keepMine')}
            </button>
          </div>
        )}
      </Show>
      <Show when={props.guard.replaced()}>
        {(replaced) => (
          <div class="field-notice replaced" data-field-replaced={props.id}>
            <span class="field-notice-text">{replacedText(replaced(), format)}</span>
            <button type="button" class="icon" aria-label={t('field_dismiss')} title={t('field_dismiss')} onClick={() => props.guard.dismissReplaced()}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        )}
      </Show>
    </>
  );
}
