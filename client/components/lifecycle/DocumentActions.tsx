import { createSignal, Show } from 'solid-js';
import type { DocumentSummary } from '../../api.js';
import { roleAtLeast, type Role } from '../../../shared/roles.js';
import { t } from '../../i18n/index.js';
import { lifecycleApi } from '../../lifecycle-api.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';

/** What happened, so the page can follow: reload a list, open the copy, leave a deleted document. */
export type LifecycleEvent = { kind: 'renamed' | 'archived' | 'unarchived' | 'deleted' } | { kind: 'duplicated'; copy: DocumentSummary };

interface Props {
  document: DocumentSummary;
  role: Role;
  archived: boolean;
  onChange: (event: LifecycleEvent) => void;
}

/**
 * The document menu's lifecycle actions (DESIGN "Audit and exports"): rename and duplicate
 * for editors (rename not while archived: the server refuses it), archive/unarchive and
 * delete (two steps) for coordinators. Each action catches and shows its own failure.
 */
export function DocumentActions(props: Props) {
  const [error, setError] = createSignal<string | null>(null);
  const act = async (run: () => Promise<LifecycleEvent>) => {
    setError(null);
    try {
      props.onChange(await run());
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    }
  };
  return (
    <Show when={roleAtLeast(props.role, 'editor')}>
      <details class="lifecycle-menu" data-lifecycle={props.document.id} data-title={props.document.title}>
        {/* The name starts with the visible text (axe: label-content-name-mismatch) and says which document. */}
        <summary>
          {t('lifecycle_menu')}
          <span class="visually-hidden"> ({props.document.title})</span>
        </summary>
        <Show when={!props.archived}>
          <RenameForm title={props.document.title} onSubmit={(title) => act(async () => (await lifecycleApi.rename(props.document.id, title), { kind: 'renamed' }))} />
        </Show>
        <DuplicateForm
          title={props.document.title}
          onSubmit={(title, amounts) => act(async () => ({ kind: 'duplicated', copy: await lifecycleApi.duplicate(props.document.id, title, amounts) }))}
        />
        <Show when={roleAtLeast(props.role, 'coordinator')}>
          <p class="actions">
            <button type="button" class="secondary" onClick={() => void act(async () => (props.archived ? (await lifecycleApi.unarchive(props.document.id), { kind: 'unarchived' }) : (await lifecycleApi.archive(props.document.id), { kind: 'archived' })))}>
              {props.archived ? t('lifecycle_unarchive') : t('lifecycle_archive')}
            </button>
          </p>
          <DeleteButton title={props.document.title} onConfirm={() => act(async () => (await lifecycleApi.remove(props.document.id), { kind: 'deleted' }))} />
        </Show>
        <ErrorText message={error()} />
      </details>
    </Show>
  );
}

function RenameForm(props: { title: string; onSubmit: (title: string) => Promise<void> }) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget as HTMLFormElement).get('title') ?? '').trim();
    if (title) void props.onSubmit(title);
  };
  return (
    <form class="inline" onSubmit={submit} data-form="rename">
      <label>
        {t('lifecycle_newTitle')}
        <input name="title" required maxlength="200" value={props.title} />
      </label>
      <button type="submit">{t('lifecycle_save')}</button>
    </form>
  );
}

function DuplicateForm(props: { title: string; onSubmit: (title: string, amounts: boolean) => Promise<void> }) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const title = String(form.get('title') ?? '').trim();
    if (title) void props.onSubmit(title, form.get('amounts') === 'on');
  };
  return (
    <form class="inline" onSubmit={submit} data-form="duplicate">
      <label>
        {t('lifecycle_copyTitle')}
        <input name="title" required maxlength="200" value={t('lifecycle_copyOf', { title: props.title })} />
      </label>
      <label class="checkbox">
        <input type="checkbox" name="amounts" checked /> {t('lifecycle_withAmounts')}
      </label>
      <button type="submit">{t('lifecycle_makeCopy')}</button>
    </form>
  );
}

/** Delete in two steps: the first press only asks (Enter on the button never deletes at once). */
function DeleteButton(props: { title: string; onConfirm: () => Promise<void> }) {
  const [asking, setAsking] = createSignal(false);
  return (
    <p class="actions">
      <Show
        when={asking()}
        fallback={
          <button type="button" class="danger" onClick={() => setAsking(true)}>
            {t('lifecycle_delete')}
          </button>
        }
      >
        <span class="muted">{t('lifecycle_deleteHint')}</span>{' '}
        <button type="button" class="danger" data-confirm-delete onClick={() => void props.onConfirm()}>
          {t('lifecycle_confirmDelete', { title: props.title })}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => setAsking(false)}>
          {t('lifecycle_cancel')}
        </button>
      </Show>
    </p>
  );
}
