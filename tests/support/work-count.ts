/**
 * Counted work, for tests that hold a cost to its growth: wall and CPU time depend on what
 * else a 2-core CI machine is doing, so a gate on them fails by chance (a flaky test is a
 * bug). `countVisits` counts the elements that built-in iteration walks while the work
 * runs: every array, Map and Set method that visits elements (map, filter, find, indexOf,
 * includes, join, slice, sort …) adds its collection's length, and every for-of, spread or
 * Array.from over one adds its length. A nested scan (a `find` or `includes` per row) makes
 * that count grow with the square of the rows, whoever's code does it: ours, Yjs', exceljs'.
 * An index loop (`for (let i …)`) and string scans are not counted.
 */

type Counted = { prototype: object; methods: Array<string | symbol>; size: (self: unknown) => number };

const arrayLength = (self: unknown) => (Array.isArray(self) ? self.length : 0);
const collectionSize = (self: unknown) => (self instanceof Map || self instanceof Set ? self.size : 0);

const COUNTED: Counted[] = [
  {
    prototype: Array.prototype,
    methods: [
      'map', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'forEach', 'reduce', 'reduceRight',
      'flatMap', 'flat', 'indexOf', 'lastIndexOf', 'includes', 'join', 'slice', 'concat', 'sort', 'reverse', 'fill',
      'entries', 'keys', 'values', Symbol.iterator,
    ],
    size: arrayLength,
  },
  { prototype: Map.prototype, methods: ['forEach', 'entries', 'keys', 'values', Symbol.iterator], size: collectionSize },
  { prototype: Set.prototype, methods: ['forEach', 'entries', 'keys', 'values', Symbol.iterator], size: collectionSize },
];

/** What `work` returned and how many elements built-in iteration visited while it ran. */
export interface CountedWork<T> {
  result: T;
  visits: number;
}

/**
 * Runs `work` with the counting in place and takes it out again, also when `work` throws.
 * Async work is counted until its promise settles, so run nothing else meanwhile.
 * @example const { visits } = await countVisits(() => validate(plan, options));
 */
export async function countVisits<T>(work: () => T | Promise<T>): Promise<CountedWork<T>> {
  let visits = 0;
  const restore: Array<() => void> = [];
  for (const { prototype, methods, size } of COUNTED) {
    for (const name of methods) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
      const original: unknown = descriptor?.value;
      if (descriptor === undefined || typeof original !== 'function') continue;
      const counting = function (this: unknown, ...args: unknown[]): unknown {
        visits += size(this);
        return Reflect.apply(original, this, args);
      };
      Object.defineProperty(prototype, name, { ...descriptor, value: counting });
      restore.push(() => Object.defineProperty(prototype, name, descriptor));
    }
  }
  try {
    const result = await work();
    return { result, visits };
  } finally {
    for (const undo of restore) undo();
  }
}

/**
 * The visits of the work that `prepare(size)` returns (preparing is not counted) at each
 * size, and how the visits per added row change from one step to the next: `ratios[i]` is
 * (visits added per row from size i+1 to i+2) / (visits added per row from size i to i+1).
 * A fixed cost (a file's skeleton) cancels out: linear work gives 1, quadratic work gives
 * the growth in size (2 for sizes that double). At least three sizes, ascending.
 */
export async function growth(sizes: number[], prepare: (size: number) => () => unknown): Promise<{ visits: number[]; ratios: number[] }> {
  const visits: number[] = [];
  for (const size of sizes) {
    const work = prepare(size);
    visits.push((await countVisits(work)).visits);
  }
  const at = (list: number[], i: number) => list[i] ?? Number.NaN;
  const perRow = sizes.slice(1).map((size, i) => (at(visits, i + 1) - at(visits, i)) / (size - at(sizes, i)));
  return { visits, ratios: perRow.slice(1).map((added, i) => added / at(perRow, i)) };
}
