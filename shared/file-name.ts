/**
 * The one name scheme for every download of a document (issue 17): the title itself as
 * the saved name (å/ä/ö, quotes and emoji kept), and an ASCII fallback for clients that
 * read only `filename=`. The server's `Content-Disposition` (server/export/content-disposition.ts)
 * and the client's `download` attribute both use these, so a plan's JSON, TSV, CSV, xlsx
 * and docx share one base name.
 */
import { cutToLength, exportText, withoutBidiControls } from './strings.js';

/** Nordic letters Unicode does not decompose into a base letter and a mark. */
const FOLDED: Record<string, string> = { ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', ß: 'ss' };

/** Characters of a saved name before its extension (both names): a title set over the websocket can be megabytes. */
const MAX_NAME = 150;

/**
 * The ASCII fallback: letters, digits and dashes, at most 150 of them; `dokument` when nothing is left.
 * @example asciiFileName('Plan Småland', 'xlsx') // 'Plan-Smaland.xlsx'
 */
export function asciiFileName(title: string, extension: string): string {
  const base = cutToLength(title, MAX_NAME)
    .replace(/[øØæÆß]/g, (letter) => FOLDED[letter] ?? '-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .slice(0, MAX_NAME)
    .replace(/^-|-$/g, '');
  return `${base || 'dokument'}.${extension}`;
}

/**
 * The name a download is saved under: the title without control characters, bidi controls
 * (`‮gpj.exe` would read as `exe.jpg`), noncharacters, lone surrogates or path separators,
 * cut to 150 whole characters (red-team FA2-1); `dokument` when nothing is left.
 * @example savedFileName('Plan "Å/Ö" 🌍', 'json') // 'Plan "Å Ö" 🌍.json'
 */
export function savedFileName(title: string, extension: string): string {
  const safe = withoutBidiControls(exportText(title, { multiLine: false }));
  const clean = cutToLength(safe.replace(/[\u0000-\u001f\u007f/\\]+/g, ' ').trim(), MAX_NAME).trim() || 'dokument';
  return `${clean}.${extension}`;
}
