/**
 * What `export.json`, `validation` and `export.tsv` of the red team's big plan cost on this
 * machine (red-team F1: a 20 000-activity plan took 10–27 s): best of 3 at 2 000 and
 * 20 000 activities, and their ratio (linear work ~10, quadratic ~100). A benchmark, not a
 * test: tests/unit/big-plan-cost.test.ts holds the growth to linear by counted work, which
 * a busy machine cannot change. `npx tsx tests/bench/big-plan-cost.ts`
 */
import { bigPlan, everything, stored } from '../support/big-plan.js';

function bestOf3(work: () => unknown): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const small = stored(bigPlan(2_000));
const big = stored(bigPlan(20_000));
const smallMs = bestOf3(() => everything(small));
const bigMs = bestOf3(() => everything(big));
console.log(`2 000 activities: ${smallMs.toFixed(0)} ms; 20 000: ${bigMs.toFixed(0)} ms; ratio ${(bigMs / smallMs).toFixed(1)} (linear ~10)`);
