import { createContext, createEffect, createSignal, Show, useContext, type JSX } from 'solid-js';
import { t } from '../i18n/index.js';
import { downloadName } from '../lib/file-name.js';
import { browserOnline } from '../lib/online.js';
import './download.css';

/** A row of downloads shares one "needs the server" message: a link in it asks the row to show it. */
const DownloadRow = createContext<{ tell: () => void }>();

/**
 * Why a download cannot start offline, shown once and spoken politely (role="status"). The
 * live region is always in the page so that filling it is announced; it empties itself once
 * the browser is back online.
 */
function OfflineReason(props: { told: boolean }) {
  return (
    <span role="status" class="download-reason" data-download-reason>
      {props.told ? ` ${t('export_needsServer')}` : ''}
    </span>
  );
}

/**
 * A group of download links in one row (user test u12, issue 17): a click or Enter on any
 * offline link in it shows the reason once after the row, not once per link clicked.
 */
export function DownloadGroup(props: { children: JSX.Element }) {
  const [told, setTold] = createSignal(false);
  createEffect(() => browserOnline() && setTold(false));
  return (
    <DownloadRow.Provider value={{ tell: () => setTold(true) }}>
      {props.children}
      <OfflineReason told={told()} />
    </DownloadRow.Provider>
  );
}

/**
 * A link that downloads a file from the API (an export): `download` names the file and makes
 * the browser save it, and `rel="external"` keeps the client router from catching the click
 * and showing "Sidan finns inte" (issue 17 item 1). A server's `Content-Disposition` name,
 * where it sends one, still wins. Offline the file cannot come (the worker never keeps
 * downloads): the link is marked unavailable (greyed, with a "⊘" mark, before any click),
 * leads nowhere, and a click or Enter says why — once for its DownloadGroup when it is in
 * one, else beside it (user test u11: it did nothing). Back online it is a link again.
 */
export function DownloadLink(props: { href: string; title: string; extension: string; children: JSX.Element }) {
  const row = useContext(DownloadRow);
  const [told, setTold] = createSignal(false);
  createEffect(() => browserOnline() && setTold(false));
  const tell = (event: Event) => {
    event.preventDefault();
    if (row) row.tell();
    else setTold(true);
  };
  return (
    <Show
      when={browserOnline()}
      fallback={
        <>
          <a role="link" tabindex="0" aria-disabled="true" class="download-offline" data-download={props.extension} title={t('export_needsServer')} onClick={tell} onKeyDown={(event) => event.key === 'Enter' && tell(event)}>
            {props.children}
          </a>
          <Show when={!row}>
            <OfflineReason told={told()} />
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
