/**
 * Lets the WAL checkpointer pause the document store's commits for a moment, so that it
 * can catch up with the whole log (see checkpointer.ts). Only commits wait: the event
 * loop, reads and sends go on, and a held commit runs the moment the gate opens.
 */
export class CommitGate {
  /**
   * Commits let through so far, in memory the checkpoint worker reads too, so that it can
   * tell a busy log from a quiet one without asking the main thread (see checkpoint-policy.mjs).
   */
  readonly commits = new Int32Array(new SharedArrayBuffer(4));
  private waiting: Array<() => void> = [];
  private holdTimer: NodeJS.Timeout | null = null;

  /** Whether commits are waiting for the gate to open. */
  get held(): boolean {
    return this.holdTimer !== null;
  }

  /**
   * Holds commits until `open()`, and at most `maxMs`: a checkpoint that never answers
   * must not keep edits from being stored.
   */
  hold(maxMs: number): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = setTimeout(() => this.open(), maxMs);
  }

  open(): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    const waiting = this.waiting;
    this.waiting = [];
    for (const commit of waiting) commit();
  }

  /** Runs `commit` now, or as soon as the gate opens. */
  whenOpen(commit: () => void): void {
    Atomics.add(this.commits, 0, 1);
    if (this.held) this.waiting.push(commit);
    else commit();
  }
}
