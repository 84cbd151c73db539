/**
 * Lengths of text as people count them: user-perceived characters (grapheme clusters), so
 * that a length limit never splits an emoji into a lone surrogate, a flag into two letters
 * or a letter from its accent (issue 17). Every length limit on names, titles and labels
 * goes through here: the server's request schemas, the title sync, the import, the client.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * UTF-16 code units one character may take on average before a text counts as longer than
 * its limit: a family emoji is 11, a flag 4; a "character" of hundreds of stacked
 * combining marks would otherwise let a 200-character name hold megabytes.
 */
export const MAX_UNITS_PER_CHARACTER = 16;

/**
 * Code units that are a whole character on their own and always end one: no combining mark,
 * ZWJ, regional indicator, Hangul jamo, prepend or spacing mark is among them, and CR is
 * left out (CR LF is one character). Between two of these there is always a character
 * boundary, so text made of them needs no segmenter — which costs microseconds per
 * character and, on a long text, time proportional to the whole text for every segment
 * read (a 5 MB cell took 1.9 s to yield its first 60; red-team F1). Checked against
 * `Intl.Segmenter` for every one of them in strings.test.ts.
 */
const SIMPLE = /[^\r\u0300-\u200f\u2028-\u202f\u205f-\u209f\u20c1-\uffff]/y;
const SIMPLE_RUN = /[^\r\u0300-\u200f\u2028-\u202f\u205f-\u209f\u20c1-\uffff]*/y;

/** How many code units of `text` from its start, at most `limit`, are simple (see SIMPLE). */
function simplePrefix(text: string, limit: number): number {
  SIMPLE_RUN.lastIndex = 0;
  SIMPLE_RUN.test(limit < text.length ? text.slice(0, limit) : text);
  return SIMPLE_RUN.lastIndex;
}

/**
 * A character boundary at or before the end of the simple prefix, from which the rest can
 * be segmented as a text of its own: the boundary before the prefix's last unit, since the
 * first unit that is not simple may still belong to that one (`e` + U+0301).
 */
function knownBoundary(text: string, limit: number): number {
  return Math.max(0, simplePrefix(text, limit) - 1);
}

/** Whether the code unit at `index` is simple (see SIMPLE); exported for the test. */
export function isSimpleUnit(text: string, index: number): boolean {
  SIMPLE.lastIndex = index;
  return SIMPLE.test(text);
}

/** Code units segmented at a time by `characterLength` (see there). */
const CHARACTER_WINDOW = 256;

/**
 * The number of user-perceived characters in `text`. Time is proportional to its length;
 * callers bound it (`fitsLength` never counts past `max × MAX_UNITS_PER_CHARACTER`).
 * @example characterLength('👨‍👩‍👧') // 1 (five code points, eight code units)
 */
export function characterLength(text: string): number {
  const simple = simplePrefix(text, text.length);
  if (simple === text.length) return simple;
  let from = Math.max(0, simple - 1);
  let count = from;
  // In windows: V8's segment iterator costs time proportional to the text for every segment
  // it yields, so segmenting a whole text is quadratic (32 000 family emoji took 52 s; red
  // team F5, where the server counts pushed texts). Each window's last segment may go on
  // past it, so it is counted again from its start — a character boundary (the rules look
  // one code point ahead, and a window never ends inside one), as `knownBoundary` is — in the
  // next window; a window of one segment is widened.
  let window = CHARACTER_WINDOW;
  while (from < text.length) {
    let end = Math.min(text.length, from + window);
    // Never between the halves of a pair: the boundary before a character is decided by it whole.
    if (end < text.length && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
    let last = -1;
    let segments = 0;
    for (const { index } of segmenter.segment(text.slice(from, end))) {
      segments++;
      last = index;
    }
    if (end === text.length) return count + segments;
    if (segments <= 1) {
      window *= 2;
      continue;
    }
    count += segments - 1;
    from += last;
    window = CHARACTER_WINDOW;
  }
  return count;
}

/**
 * Whether `text` fits `max` characters: at most `max` user-perceived characters and at
 * most `max × MAX_UNITS_PER_CHARACTER` UTF-16 code units.
 */
export function fitsLength(text: string, max: number): boolean {
  if (text.length <= max) return true;
  return text.length <= max * MAX_UNITS_PER_CHARACTER && characterLength(text) <= max;
}

/**
 * The longest prefix of `text` made of whole characters that `fitsLength(…, max)`.
 * Never ends in a lone surrogate or separates a combining mark, a ZWJ sequence, a
 * skin-tone modifier or a flag from the rest of its character. Reads at most
 * `max × MAX_UNITS_PER_CHARACTER + 2` code units, however long `text` is.
 * @example cutToLength('ab👍🏽c', 3) // 'ab👍🏽'
 */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const maxUnits = max * MAX_UNITS_PER_CHARACTER;
  // Every unit of a simple prefix longer than `max` is a character, and one more follows.
  const from = knownBoundary(text, max + 1);
  if (from >= max) return text.slice(0, max);
  // Boundaries up to `maxUnits` depend only on the text before them and the code point
  // after, so the segmenter never needs more than `maxUnits + 2` units — read in windows,
  // as `characterLength` does (at once, 20 000 family emoji took 8.4 s to cut).
  return text.slice(0, cutEnd(text.slice(0, Math.min(text.length, maxUnits + 2)), from, max, maxUnits));
}

/**
 * Where `cutToLength` ends: after the last whole character within `max` characters (the
 * `from` units before `from` are simple characters) and `maxUnits` code units. `bounded` is
 * the text up to `maxUnits + 2` units. A window's last segment may go on past it, so it is
 * held back and the next window starts there (a character boundary); a window holding only
 * that segment is widened.
 */
function cutEnd(bounded: string, from: number, max: number, maxUnits: number): number {
  let start = from;
  let end = from;
  let count = from;
  let window = CHARACTER_WINDOW;
  for (;;) {
    let stop = Math.min(bounded.length, start + window);
    // Never between the halves of a pair: the boundary before a character is decided by it whole.
    if (stop < bounded.length && /[\ud800-\udbff]/.test(bounded.charAt(stop - 1))) stop -= 1;
    const final = stop === bounded.length;
    let held = start;
    for (const { segment, index } of segmenter.segment(bounded.slice(start, stop))) {
      const segmentEnd = start + index + segment.length;
      if (!final && segmentEnd === stop) {
        held = start + index;
        break;
      }
      if (count === max || segmentEnd > maxUnits) return end;
      end = segmentEnd;
      count++;
    }
    if (final) return end;
    if (held === start) window *= 2;
    else [start, window] = [held, CHARACTER_WINDOW];
  }
}

export const SingleLineProblem = { Control: 'control', Bidi: 'bidi', Invalid: 'invalid', Blank: 'blank' } as const;
export type SingleLineProblem = (typeof SingleLineProblem)[keyof typeof SingleLineProblem];

/** C0 and C1 controls (TAB, LF, CR, DEL, NEL among them) and U+2028/U+2029. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Bidi embedding, override and isolate controls. LRM/RLM/ALM stay: they are marks, not overrides. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
/**
 * What no text may hold however it arrives (issue 17): C0 controls but TAB, LF and CR, DEL,
 * C1 controls, the bidi controls of BIDI_CONTROL and (the `u` flag pairs surrogates) lone
 * surrogates. Multi-line texts keep TAB/LF/CR; the single-line rule above is stricter.
 */
const NOT_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u;
const NOT_IN_TEXT_ALL = new RegExp(NOT_IN_TEXT.source, 'gu');

/**
 * Whether `text` holds a character no text may hold (NOT_IN_TEXT: controls but TAB/LF/CR,
 * DEL, C1, bidi embedding/override/isolate, lone surrogates). The websocket refuses an
 * update inserting one (1008; server/sync/struct-content.ts), as HTTP refuses it in a title
 * (`singleLineProblem`). One regex test, linear in the text.
 * @example hasForbiddenCharacter('1.4 \u202Egpj.exe') // true
 */
export function hasForbiddenCharacter(text: string): boolean {
  return NOT_IN_TEXT.test(text);
}

/** `text` without the characters of `hasForbiddenCharacter` (the editor strips pastes); `text` itself when none. */
export function withoutForbiddenCharacters(text: string): string {
  return NOT_IN_TEXT.test(text) ? text.replace(NOT_IN_TEXT_ALL, '') : text;
}

/**
 * Whether a plain value (string, array, object, anything else) holds such a character in
 * a string or an object key; walks the value once (its size is already bounded by the
 * reader that decoded it).
 */
export function valueHasForbiddenCharacter(value: unknown): boolean {
  if (typeof value === 'string') return NOT_IN_TEXT.test(value);
  if (Array.isArray(value)) return value.some(valueHasForbiddenCharacter);
  // Binary holds no text (and walking a megabyte of it entry by entry would be slow).
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return false;
  return Object.entries(value).some(([key, item]) => NOT_IN_TEXT.test(key) || valueHasForbiddenCharacter(item));
}
/** Noncharacters and (with the `u` flag a pair is one code point) lone surrogates. */
const INVALID = /[\p{Noncharacter_Code_Point}\ud800-\udfff]/u;
/** What nobody sees: whitespace, format and default-ignorable characters, braille blank. */
const INVISIBLE = /[\s\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/**
 * Why a single-line text (a title, a name, a label) is refused, or null when it is fine
 * (red-team FA2-1). One rule for every single-line text that enters through HTTP; the
 * server's schemas (server/validation.ts `singleLine`) turn each kind into a Swedish 400.
 * - `control`: C0/C1 controls, CR/LF/TAB included, and the line/paragraph separators: a
 *   line break in a title forges lines in a calendar file (`BEGIN:VEVENT`), NUL and BEL
 *   make an Office file's XML not well-formed.
 * - `bidi`: embedding, override and isolate controls (U+202A–202E, U+2066–2069), which
 *   make `gpj.exe` read as `exe.jpg` in a file name or a list.
 * - `invalid`: noncharacters (U+FFFE, U+FFFF, U+FDD0–FDEF, …) and lone surrogates, which
 *   XML and UTF-8 cannot carry.
 * - `blank`: nothing left after removing whitespace and invisible characters (zero-width
 *   spaces, joiners, BOM, fillers): a title nobody can see or click.
 * @example singleLineProblem('Plan\r\nBEGIN:VEVENT') // 'control'
 */
export function singleLineProblem(text: string): SingleLineProblem | null {
  if (CONTROL.test(text)) return 'control';
  if (BIDI_CONTROL.test(text)) return 'bidi';
  if (INVALID.test(text)) return 'invalid';
  if (text.replace(INVISIBLE, '') === '') return 'blank';
  return null;
}

/** Line breaks and tabs, which a single line holds as one space. */
const LINE_BREAKS = /[\t\n\r\u000b\u000c\u0085\u2028\u2029]+/g;
const NOT_IN_LINE_ALL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\p{Noncharacter_Code_Point}\ud800-\udfff]/gu;

/**
 * `text` made a single-line text that passes `singleLineProblem` (X17 finding 2: an imported
 * plan's title took the table's first line as it was): line breaks and tabs become a space,
 * every other character `singleLineProblem` refuses (controls, bidi controls, noncharacters,
 * lone surrogates) is removed, and the result is trimmed; '' when nothing visible is left
 * (the caller chooses a default). Not cut to any length: `cutToLength` after it.
 * @example asSingleLine('Hand\u0007lingsplan \u202eTest') // 'Handlingsplan Test'
 */
export function asSingleLine(text: string): string {
  const line = text.replace(LINE_BREAKS, ' ').replace(NOT_IN_LINE_ALL, '').trim();
  return line.replace(INVISIBLE, '') === '' ? '' : line;
}

/** What XML 1.0 cannot carry, plus DEL and C1 controls (no text of ours means them). */
const NOT_FOR_FILES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Noncharacter_Code_Point}\ud800-\udfff]/u;
const NOT_FOR_FILES_ALL = new RegExp(NOT_FOR_FILES.source, 'gu');
/** Line breaks and tabs, which a single-line value (an ICS NAME, a file name) turns into a space. */
const BREAKS = /[\t\n\r\u0085\u2028\u2029]+/g;

/**
 * `text` as an export may write it (red-team FA2-1): text that arrived through the
 * websocket is not refused per field, so every file writer (xlsx, docx, ics, csv) passes
 * its text through here. Removes what XML 1.0 does not allow (C0 controls but TAB, LF and
 * CR; noncharacters such as U+FFFE/U+FFFF; lone surrogates) and DEL/C1 controls; with
 * `multiLine: false` line breaks and tabs also become one space. Returns `text` itself
 * when nothing is to be removed (the common case costs one regex test).
 * @example exportText('A\u0000B\uffff') // 'AB'
 * @example exportText('Plan\r\nBEGIN:VEVENT', { multiLine: false }) // 'Plan BEGIN:VEVENT'
 */
export function exportText(text: string, options: { multiLine?: boolean } = {}): string {
  const joined = options.multiLine === false ? text.replace(BREAKS, ' ') : text;
  return NOT_FOR_FILES.test(joined) ? joined.replace(NOT_FOR_FILES_ALL, '') : joined;
}

/**
 * A copy of `value` (plain JSON: objects, arrays, strings, numbers, booleans, null) with
 * every string passed through `exportText` (multi-line). Writers call it once on the
 * document they are given, so no text of it reaches a file unsanitised whichever field or
 * sheet writes it. Unchanged strings keep their identity; cost is linear in the size.
 */
export function exportSafe<T>(value: T): T {
  return cleanValue(value) as T;
}

function cleanValue(value: unknown): unknown {
  if (typeof value === 'string') return exportText(value);
  if (Array.isArray(value)) return value.map(cleanValue);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = cleanValue(item);
  return copy;
}

/** Bidi embedding, override and isolate controls removed (for file names). */
export function withoutBidiControls(text: string): string {
  return text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}
