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
 * The number of user-perceived characters in `text`.
 * @example characterLength('👨‍👩‍👧') // 1 (five code points, eight code units)
 */
export function characterLength(text: string): number {
  let count = 0;
  for (const _segment of segmenter.segment(text)) count++;
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
 * skin-tone modifier or a flag from the rest of its character.
 * @example cutToLength('ab👍🏽c', 3) // 'ab👍🏽'
 */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const maxUnits = max * MAX_UNITS_PER_CHARACTER;
  let end = 0;
  let count = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    if (count === max || index + segment.length > maxUnits) break;
    end = index + segment.length;
    count++;
  }
  return text.slice(0, end);
}
