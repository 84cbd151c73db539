/**
 * Timer arithmetic (DESIGN "Facilitation"): remaining = durationSec − (serverNow − startedAt),
 * or pausedRemainingSec while paused. Pure: `now` is the server's time in ms (server-clock.ts),
 * so every browser computes the same value whatever its own clock says.
 */
import type { SessionTimer } from '../../sync/session.js';

/** Whole seconds left (negative past the end: the overrun), or null for a malformed start time. */
export function remainingSeconds(timer: SessionTimer, now: number): number | null {
  if (timer.startedAt === null) return timer.pausedRemainingSec ?? timer.durationSec;
  const started = Date.parse(timer.startedAt);
  if (Number.isNaN(started)) return null;
  // Ceil: a timer started now shows its full duration for the first second, and 00:00 only at the end.
  // Never above the duration: a reading taken a moment before the start (a tick's lag, a
  // millisecond of clock offset) is "not begun yet", not 601 of 600 seconds.
  return Math.min(timer.durationSec, Math.ceil(timer.durationSec - (now - started) / 1000));
}

/** A running timer from `durationSec` at server time `now`. */
export function startTimer(itemId: string | null, durationSec: number, now: number): SessionTimer {
  return { itemId, durationSec: Math.max(0, Math.round(durationSec)), startedAt: new Date(now).toISOString(), pausedRemainingSec: null };
}

/** The timer held at what remains at `now`. */
export function pauseTimer(timer: SessionTimer, now: number): SessionTimer {
  return { ...timer, startedAt: null, pausedRemainingSec: remainingSeconds(timer, now) ?? timer.durationSec };
}

/** A paused timer running again from where it stopped; `durationSec` stays the planned length. */
export function resumeTimer(timer: SessionTimer, now: number): SessionTimer {
  const left = timer.pausedRemainingSec ?? timer.durationSec;
  return { ...timer, startedAt: new Date(now - (timer.durationSec - left) * 1000).toISOString(), pausedRemainingSec: null };
}

/** `seconds` more (running or paused). */
export function addTime(timer: SessionTimer, seconds: number): SessionTimer {
  return {
    ...timer,
    durationSec: timer.durationSec + seconds,
    pausedRemainingSec: timer.pausedRemainingSec === null ? null : timer.pausedRemainingSec + seconds,
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** `mm:ss` of a number of seconds (its absolute value); hours fold into minutes ("75:00"). */
export function clockText(seconds: number): string {
  const abs = Math.abs(seconds);
  return `${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** Remaining-time thresholds announced to screen readers (seconds), and 0 = time is up. */
export const MILESTONES = [300, 60, 0] as const;

/**
 * The milestone passed when the remaining time went from `before` to `after` seconds (a
 * tick), or null: aria-live announces these, not every second.
 */
export function crossedMilestone(before: number | null, after: number | null): number | null {
  if (before === null || after === null || after >= before) return null;
  // A jump past several (a late tab) announces where the time is now: the lowest one passed.
  return [...MILESTONES].reverse().find((m) => before > m && after <= m) ?? null;
}
