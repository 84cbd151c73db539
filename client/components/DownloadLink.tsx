import type { JSX } from 'solid-js';
import { downloadName } from '../lib/file-name.js';

/**
 * A link that downloads a file from the API (an export): `download` names the file and makes
 * the browser save it, and `rel="external"` keeps the client router from catching the click
 * and showing "Sidan finns inte" (issue 17 item 1). A server's `Content-Disposition` name,
 * where it sends one, still wins.
 */
export function DownloadLink(props: { href: string; title: string; extension: string; children: JSX.Element }) {
  return (
    <a href={props.href} download={downloadName(props.title, props.extension)} rel="external" data-download={props.extension}>
      {props.children}
    </a>
  );
}
