/**
 * `Content-Disposition: attachment` for a download named after a document's title: an
 * ASCII `filename` every client understands (å → a, anything else → `-`) and the real
 * name as RFC 5987/6266 `filename*=UTF-8''…`, which browsers prefer, so "Handlingsplan
 * Klimatnätverket Småland 2027–2028" is saved with its å/ä/ö and dash. The names come from
 * shared/file-name.ts, the scheme every document download uses (issue 17).
 */
import { asciiFileName, savedFileName } from '../../shared/file-name.js';

export { asciiFileName };

/** RFC 5987 `value-chars`: percent-encode everything outside attr-char (encodeURIComponent leaves `'()*!` too). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The header value for downloading `title` as `.extension`.
 * @example attachment('Plan Småland', 'xlsx') // `attachment; filename="Plan-Smaland.xlsx"; filename*=UTF-8''Plan%20Sm%C3%A5land.xlsx`
 */
export function attachment(title: string, extension: string): string {
  return `attachment; filename="${asciiFileName(title, extension)}"; filename*=UTF-8''${encodeRfc5987(savedFileName(title, extension))}`;
}
