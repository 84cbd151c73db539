/**
 * The timeline table's rows in chunks (issue 17 item 14): a big plan's timeline builds only
 * the chunks near the viewport, so each chunk knows its rows and their `aria-rowindex`
 * (1-based, the axis header row is 1), and the table its `aria-rowcount`: a screen reader
 * hears the real size of the table whatever is built.
 */
import type { TimelineBar, TimelineGroup } from '../../../../shared/timeline.js';

/** Rows per chunk: small enough to build within a frame, big enough to keep observers few. */
export const CHUNK_ROWS = 25;

export interface RowChunk {
  /** `aria-rowindex` of the chunk's first row. */
  first: number;
  bars: TimelineBar[];
}

export interface GroupRows {
  group: TimelineGroup;
  /** `aria-rowindex` of the goal's heading row. */
  headerRow: number;
  chunks: RowChunk[];
}

export interface TimelineRows {
  groups: GroupRows[];
  /** Every row of the table: the axis header, each goal's heading and each activity. */
  count: number;
}

/**
 * `groups` laid out as rows: a heading row per goal, then its activities in chunks of
 * `chunkRows`.
 *
 * @example timelineRows([{ bars: 30 bars … }]).groups[0].chunks.map((c) => c.first) // [3, 28]
 */
export function timelineRows(groups: TimelineGroup[], chunkRows: number = CHUNK_ROWS): TimelineRows {
  let row = 1;
  const laidOut = groups.map((group): GroupRows => {
    const headerRow = ++row;
    const chunks: RowChunk[] = [];
    for (let i = 0; i < group.bars.length; i += chunkRows) chunks.push({ first: row + 1 + i, bars: group.bars.slice(i, i + chunkRows) });
    row += group.bars.length;
    return { group, headerRow, chunks };
  });
  return { groups: laidOut, count: row };
}
