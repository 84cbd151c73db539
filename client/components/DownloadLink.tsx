import { createEffect, createSignal, Show, type JSX } from 'solid-js';
import { t } from '../i18n/index.js';
import { downloadName } from '../lib/file-name.js';
import { browserOnline } from '../lib/online.js';
import './download.css';

/**
 * A link that downloads a file from the API (an export): `download` names the file and makes
 * the browser save it, and `rel="external"` keeps the client router from catching the click
 * and showing "Sidan finns inte" (issue 17 item 1). A server's `Content-Disposition` name,
 * where it sends one, still wins. Offline the file cannot come (the worker never keeps
 * downloads): the link is marked unavailable, leads nowhere, and a click or Enter says why
 * beside it (user test u11: it did nothing). Back online it is a link again by itself.
 */
export function DownloadLink(props: { href: string; title: string; extension: string; children: JSX.Element }) {
  const [told, setTold] = createSignal(false);
  createEffect(() => browserOnline() && setTold(false));
  const tell = (event: Event) => {
    event.preventDefault();
    setTold(true);
  };
  return (
    <Show
      when={browserOnline()}
      fallback={
        <>
          <a role="link" tabindex="0" aria-disabled="true" class="download-offline" data-download={props.extension} title={t('export_needsServer')} onClick={tell} onKeyDown={(event) => event.key === 'Enter' && tell(event)}>
            {props.children}
          </a>
          <Show when={told()}>
            {' '}
            <span role="status" class="download-reason">
              {t('export_needsServer')}
            </span>
          </Show>
        </>
      }
    >
      <a href={props.href} download={downloadName(props.title, props.extension)} rel="external" data-download={props.extension}>
        {props.children}
      </a>
    </Show>
  );
}
