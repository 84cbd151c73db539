/** What every attack gets and gives back (tests/hostile/run.ts runs them in turn). */
import type { RemoteBystanders } from './bystander-process.js';

export interface AttackContext {
  baseUrl: string;
  documentId: string;
  /** Session cookies of the attacking viewer and editor. */
  viewerCookie: string;
  editorCookie: string;
  /** How long the attack keeps going. */
  durationMs: number;
  quick: boolean;
  bystanders: RemoteBystanders;
}

export interface AttackOutcome {
  /** What the attacker saw: close codes and refusals with their counts, e.g. "1008×3". */
  saw: string[];
  /** Broken promises of DESIGN "Limits every boundary enforces", in words. */
  problems: string[];
}

export interface Attack {
  name: string;
  /** One line on what it does, for the report. */
  what: string;
  /**
   * Builds the payload before the phase is timed: an attacker can compute it beforehand,
   * and on two cores the harness's own work would otherwise be counted as server latency.
   */
  prepare?(context: AttackContext): Promise<void>;
  /**
   * A known open finding, said where it is tracked: the bystanders' p99 in this phase is
   * reported (with this text when over the limit), not held to it, and left out of the
   * run's overall figure. Everything else the attack checks still fails the run.
   */
  latencyOpen?: string;
  run(context: AttackContext): Promise<AttackOutcome>;
}

/** Counts of equal values as "value×count", in first-seen order. */
export function tally(values: Array<string | number>): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
  return [...counts].map(([value, count]) => (count === 1 ? value : `${value}×${count}`));
}
