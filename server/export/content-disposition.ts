/**
 * `Content-Disposition: attachment` for a download named after a document's title: an
 * ASCII `filename` every client understands (å → a, anything else → `-`) and the real
 * name as RFC 5987/6266 `filename*=UTF-8''…`, which browsers prefer, so "Handlingsplan
 * Klimatnätverket Småland 2027–2028" is saved with its å/ä/ö and dash.
 */
import { cutToLength, exportText, withoutBidiControls } from '../../shared/strings.js';

/** Nordic letters Unicode does not decompose (as client/lib/file-name.ts folds them). */
const FOLDED: Record<string, string> = { ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', ß: 'ss' };

/** The ASCII fallback: letters, digits and dashes; `dokument` when nothing is left. */
export function asciiFileName(title: string, extension: string): string {
  const base = title
    .replace(/[øØæÆß]/g, (letter) => FOLDED[letter] ?? '-')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${base || 'dokument'}.${extension}`;
}

/** RFC 5987 `value-chars`: percent-encode everything outside attr-char (encodeURIComponent leaves `'()*!` too). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The header value for downloading `title` as `.extension`.
 * @example attachment('Plan Småland', 'xlsx') // `attachment; filename="Plan-Smaland.xlsx"; filename*=UTF-8''Plan%20Sm%C3%A5land.xlsx`
 */
export function attachment(title: string, extension: string): string {
  // Control characters, bidi controls (`‮gpj.exe` would read as `exe.jpg`), noncharacters,
  // lone surrogates (encodeURIComponent throws on them) and path separators never reach a
  // file name; the cut keeps whole characters (red-team FA2-1).
  const safe = withoutBidiControls(exportText(title, { multiLine: false }));
  const clean = cutToLength(safe.replace(/[\u0000-\u001f\u007f/\\]+/g, ' ').trim(), 150).trim() || 'dokument';
  return `attachment; filename="${asciiFileName(title, extension)}"; filename*=UTF-8''${encodeRfc5987(`${clean}.${extension}`)}`;
}
