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

/**
 * The number of user-perceived characters in `text`. Time is proportional to its length;
 * callers bound it (`fitsLength` never counts past `max × MAX_UNITS_PER_CHARACTER`).
 * @example characterLength('👨‍👩‍👧') // 1 (five code points, eight code units)
 */
export function characterLength(text: string): number {
  const simple = simplePrefix(text, text.length);
  if (simple === text.length) return simple;
  const from = Math.max(0, simple - 1);
  let count = from;
  for (const _segment of segmenter.segment(from === 0 ? text : text.slice(from))) count++;
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
  // after, so the segmenter never needs more than `maxUnits + 2` units.
  let end = from;
  let count = from;
  for (const { segment, index } of segmenter.segment(text.slice(from, maxUnits + 2))) {
    if (count === max || from + index + segment.length > maxUnits) break;
    end = from + index + segment.length;
    count++;
  }
  return text.slice(0, end);
}
