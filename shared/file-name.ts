/**
 * The one name scheme for every download of a document (issue 17): the title itself as
 * the saved name (å/ä/ö and emoji kept), and an ASCII fallback for clients that read only
 * `filename=`. The server's `Content-Disposition` (server/export/content-disposition.ts)
 * and the client's `download` attribute both use these, so a plan's JSON, TSV, CSV, xlsx
 * and docx share one base name.
 *
 * Both names are safe to save on Windows, macOS and Linux as they are (a browser otherwise
 * rewrites them its own way: Chromium saves `Träff 1: Start` as `Träff 1_ Start`): no
 * `: / \ * ? " < > |`, no control characters, no leading or trailing dot or space, no
 * reserved Windows device name (`CON`, `NUL`, `COM1` …), at most 150 characters
 * (user-perceived: graphemes) and 200 UTF-8 bytes for the whole name, `.extension` included
 * (file systems allow 255 bytes): "≤ 150 characters" is what a person counts in the name
 * they see saved (red team, issue 17: 150 + `.docx` measured 155). Clock times are written
 * the Swedish way, `14.00`.
 */
import { characterLength, cutToLength, exportText, withoutBidiControls } from './strings.js';

/** Nordic letters Unicode does not decompose into a base letter and a mark. */
const FOLDED: Record<string, string> = { ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', ß: 'ss' };

/** Characters of a whole saved name, extension included (both names): a title set over the websocket can be megabytes. */
export const MAX_FILE_NAME_CHARACTERS = 150;

/** UTF-8 bytes of a whole saved name, extension included: 255 is the limit of ext4 and APFS, room left for ` (1)`. */
export const MAX_FILE_NAME_BYTES = 200;

/** The characters and bytes left for the name before `.extension`, so that the whole name fits both limits. */
function budgetFor(extension: string): { characters: number; bytes: number } {
  const suffix = `.${extension}`;
  return { characters: Math.max(1, MAX_FILE_NAME_CHARACTERS - characterLength(suffix)), bytes: Math.max(1, MAX_FILE_NAME_BYTES - utf8Bytes(suffix)) };
}

/** Device names Windows reserves whatever the extension (`nul.json` cannot be created). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** A 24-hour clock time `9:00`/`14:00`, written `14.00` as Swedish does (and no `:` left in a name). */
const CLOCK = /\b([01]?\d|2[0-3]):([0-5]\d)\b/g;

/**
 * The ASCII fallback: letters, digits, dashes and the dot of a clock time, at most 150
 * characters with the extension; `dokument` when nothing is left.
 * @example asciiFileName('Plan Småland 14:00', 'xlsx') // 'Plan-Smaland-14.00.xlsx'
 */
export function asciiFileName(title: string, extension: string): string {
  const max = budgetFor(extension).characters;
  // A clock's colon is marked with NUL (taken out of the title first) and comes back as its dot.
  const base = cutToLength(title, max)
    .replace(/\u0000/g, ' ')
    .replace(CLOCK, '$1\u0000$2')
    .replace(/[øØæÆß]/g, (letter) => FOLDED[letter] ?? '-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9\u0000]+/g, '-')
    .replace(/\u0000/g, '.')
    .slice(0, max)
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${fitted(notReserved(base || 'dokument'), extension)}.${extension}`;
}

/**
 * The name a download is saved under: the title without control characters, bidi controls
 * (`‮gpj.exe` would read as `exe.jpg`), noncharacters, lone surrogates or any character a
 * file system refuses (red-team FA2-1; see the module comment), cut on whole characters
 * so that the whole name, extension included, is at most 150 characters and 200 bytes;
 * `dokument` when nothing is left. `"` becomes the Swedish `”`,
 * `a: b` becomes `a - b`, `/ \ |` a space, `* ? < >` go.
 * @example savedFileName('Träff 1: "Start" 14:00 🌍', 'docx') // 'Träff 1 - ”Start” 14.00 🌍.docx'
 */
export function savedFileName(title: string, extension: string): string {
  const safe = withoutBidiControls(exportText(title, { multiLine: false }))
    .replace(CLOCK, '$1.$2')
    .replace(/"/g, '”')
    .replace(/\s*:\s*/g, ' - ')
    .replace(/[\u0000-\u001f\u007f-\u009f/\\|*?<>]+/g, ' ')
    .replace(/\s+/g, ' ');
  const base = fitted(trimEnds(safe), extension);
  return `${fitted(notReserved(base || 'dokument'), extension)}.${extension}`;
}

/**
 * The title a meeting's minutes are saved under (`minutes.docx`, server and client alike):
 * the agenda, the meeting's date and start time, and its title.
 * @example minutesFileTitle('Nätverksträffar 2027', { date: '2027-03-11', start: '09:00', title: 'Träff 1: Start' })
 *   // 'Nätverksträffar 2027 2027-03-11 09:00 Träff 1: Start' (savedFileName makes it '… 09.00 Träff 1 - Start')
 */
export function minutesFileTitle(agendaTitle: string, meeting: { date: string; start: string; title: string }): string {
  return [agendaTitle, meeting.date, meeting.start, meeting.title].filter((part) => part.trim() !== '').join(' ');
}

/**
 * Spaces and dots go from both ends: Windows drops trailing ones, and a leading dot hides a
 * file on macOS and Linux; so does a dash left at an end (`: Start` → ` - Start`).
 */
function trimEnds(text: string): string {
  return text.replace(/^[\s.-]+|[\s.-]+$/g, '');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const utf8Bytes = (text: string) => {
  let bytes = 0;
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  }
  return bytes;
};

/** `base` cut on whole characters to what `.extension` leaves of both limits, no space, dot or dash left at its end. */
function fitted(base: string, extension: string): string {
  const budget = budgetFor(extension);
  if (base.length <= budget.characters && utf8Bytes(base) <= budget.bytes) return base;
  return trimEnds(cutToBytes(cutToLength(base, budget.characters), budget.bytes));
}

/** `text` cut to whole characters (graphemes: an emoji or a letter with its mark stays whole) of at most `max` UTF-8 bytes. */
function cutToBytes(text: string, max: number): string {
  if (utf8Bytes(text) <= max) return text;
  let end = 0;
  let bytes = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    bytes += utf8Bytes(segment);
    if (bytes > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** `CON` → `_CON`: Windows reserves a device name before the first dot, whatever follows. */
function notReserved(base: string): string {
  const stem = base.split('.')[0]?.trim() ?? '';
  return RESERVED.test(stem) ? `_${base}` : base;
}
