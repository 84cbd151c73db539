import { describe, expect, it } from 'vitest';
import type { TimelineBar, TimelineGroup } from '../../../../shared/timeline.js';
import { timelineRows } from './rows.js';

const bar = (id: string) => ({ activity: { id }, state: 'normal', left: 0, width: 1 }) as unknown as TimelineBar;
const group = (goal: string, bars: number): TimelineGroup => ({ goalId: goal, number: goal, title: goal, bars: Array.from({ length: bars }, (_, i) => bar(`${goal}.${i + 1}`)) });

describe('timelineRows: chunks and row indexes', () => {
  const cases: Array<{ name: string; sizes: number[]; chunk: number; count: number; headers: number[]; chunks: Array<Array<[number, number]>> }> = [
    { name: 'no goals: the header row only', sizes: [], chunk: 25, count: 1, headers: [], chunks: [] },
    { name: 'one goal, one activity', sizes: [1], chunk: 25, count: 3, headers: [2], chunks: [[[3, 1]]] },
    { name: 'exactly one chunk', sizes: [25], chunk: 25, count: 27, headers: [2], chunks: [[[3, 25]]] },
    { name: 'one over: a second chunk of one', sizes: [26], chunk: 25, count: 28, headers: [2], chunks: [[[3, 25], [28, 1]]] },
    { name: 'two goals: the second heading after the first goal’s rows', sizes: [3, 60], chunk: 25, count: 1 + 1 + 3 + 1 + 60, headers: [2, 6], chunks: [[[3, 3]], [[7, 25], [32, 25], [57, 10]]] },
    { name: 'chunks of 2', sizes: [5, 2], chunk: 2, count: 10, headers: [2, 8], chunks: [[[3, 2], [5, 2], [7, 1]], [[9, 2]]] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const rows = timelineRows(c.sizes.map((n, g) => group(`${g + 1}`, n)), c.chunk);
      expect(rows.count).toBe(c.count);
      expect(rows.groups.map((g) => g.headerRow)).toEqual(c.headers);
      expect(rows.groups.map((g) => g.chunks.map((chunk): [number, number] => [chunk.first, chunk.bars.length]))).toEqual(c.chunks);
    });
  }

  it('for any sizes: rows are numbered 2..count without gaps, every bar once and in order', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const sizes = Array.from({ length: seed % 9 }, (_, i) => (seed * (i + 7)) % 53);
      const groups = sizes.map((n, g) => group(`${g + 1}`, n));
      const rows = timelineRows(groups, 1 + (seed % 30));
      const indexes = rows.groups.flatMap((g) => [g.headerRow, ...g.chunks.flatMap((chunk) => chunk.bars.map((_, i) => chunk.first + i))]);
      expect(indexes).toEqual(Array.from({ length: rows.count - 1 }, (_, i) => i + 2));
      expect(rows.groups.map((g) => g.chunks.flatMap((chunk) => chunk.bars))).toEqual(groups.map((g) => g.bars));
    }
  });
});
