import { createResource, createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n/index.js';
import { usePollWhileOpen } from '../../lib/poll-while-open.js';
import { versionsApi, type ShareLink } from '../../versions-api.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';
import { RetryError } from '../RetryError.jsx';
import { dateTime } from '../present/ChangeList.jsx';

/** The new link with a copy button; the clipboard API needs https, so plain http selects and copies. */
function NewLink(props: { url: string }) {
  const [copied, setCopied] = createSignal(false);
  let input: HTMLInputElement | undefined;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.url);
    } catch {
      input?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };
  return (
    <div class="invite-link" data-testid="share-link">
      <p>{t('share_created')}</p>
      <label>
        <span class="visually-hidden">{t('share_url')}</span>
        <input ref={input} readOnly value={props.url} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={() => void copy()}>
        {t('copyLink')}
      </button>
      <Show when={copied()}>
        <p role="status">{t('linkCopied')}</p>
      </Show>
    </div>
  );
}

function linkState(link: ShareLink): string {
  if (link.revoked) return t('share_revoked');
  if (Date.parse(link.expiresAt) <= Date.now()) return t('share_expired');
  return t('share_expires', { date: dateTime(link.expiresAt) });
}

/** The links, each with its state, last use and (while alive) a revoke button. */
function ShareLinkList(props: { links: ShareLink[]; onRevoke: (link: ShareLink) => void }) {
  return (
    <ul class="members">
      <For each={props.links} fallback={<li>{t('share_none')}</li>}>
        {(link) => (
          <li data-share-link={link.id}>
            <span>
              <strong>{link.label}</strong> <span class="muted">· {linkState(link)} · {link.lastUsedAt ? t('share_lastUsed', { time: dateTime(link.lastUsedAt) }) : t('share_neverUsed')}</span>
            </span>
            <Show when={!link.revoked}>
              <button type="button" class="secondary danger" onClick={() => window.confirm(t('share_revokeConfirm', { label: link.label })) && props.onRevoke(link)}>
                {t('share_revoke', { label: link.label })}
              </button>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

/**
 * How often the open panel asks for the links again, ms: a guest opening one changes its
 * last use on the server, which no live update carries (user test: "inte använd än" stayed
 * until a reload).
 */
export const SHARE_LINKS_POLL_MS = 5_000;

/**
 * Share links for guests (DESIGN "Share links"), coordinators only: create (label, 1–90 days,
 * default 7), copy the new link (its token is shown only then), list with last use (asked
 * again every SHARE_LINKS_POLL_MS while the tab is shown), revoke.
 */
export function ShareLinksPanel(props: { documentId: string }) {
  const [links, { refetch, mutate }] = createResource(() => props.documentId, (id) => versionsApi.shareLinks(id).then((r) => r.links));
  // Quietly: a poll that fails (offline for a moment) keeps the list shown, not an error box.
  usePollWhileOpen(() => {
    const id = props.documentId;
    versionsApi.shareLinks(id).then(
      (r) => id === props.documentId && !links.loading && mutate(r.links),
      () => undefined,
    );
  }, SHARE_LINKS_POLL_MS);
  const [created, setCreated] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
      await refetch();
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    }
  };
  const create = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    void act(async () => {
      const link = await versionsApi.createShareLink(props.documentId, String(data.get('label') ?? '').trim(), Number(data.get('days') ?? 7));
      setCreated(link.url);
      form.reset();
    });
  };
  return (
    <section class="share-panel" aria-labelledby="share-heading">
      <h2 id="share-heading">{t('share_heading')}</h2>
      <p class="muted">{t('share_help')}</p>
      <form class="inline" onSubmit={create}>
        <label>
          {t('share_label')}
          <input name="label" required maxLength={200} />
        </label>
        <label>
          {t('share_days')}
          <input name="days" type="number" min="1" max="90" step="1" value="7" required />
        </label>
        <button type="submit">{t('share_create')}</button>
      </form>
      <Show when={created()}>{(url) => <NewLink url={url()} />}</Show>
      <RetryError error={links.error} onRetry={() => void refetch()} />
      {/* Not "no links" when they could not be loaded: the list waits for a load that worked. */}
      <Show when={!links.error && links()}>{(list) => <ShareLinkList links={list()} onRevoke={(link) => void act(() => versionsApi.revokeShareLink(props.documentId, link.id))} />}</Show>
      <ErrorText message={error()} />
    </section>
  );
}
