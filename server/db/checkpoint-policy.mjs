// When the WAL checkpoint worker copies the log into the database file. Plain JavaScript,
// as the worker is (see checkpoint-worker.mjs).
//
// Every checkpoint that copies anything syncs the log and the database file to disk, and
// while the file system commits that, the server's own commits stall (in one big room
// with ten edits a second, one commit in ten took 0.5 ms instead of 0.15). A busy server
// checkpoints at every tick, to keep each copy short; a quiet one waits until enough
// commits have gathered or a few seconds have passed, so it syncs a few times a minute
// instead of four times a second.

/**
 * Whether a checkpoint is due: `commitsSince` commits have been made and `msSince`
 * milliseconds have passed since the last one. Commits the store did not count (HTTP
 * writes, compaction) are covered by the time limit.
 */
export function checkpointDue({ commitsSince, msSince }, { minCommits, maxWaitMs }) {
  return commitsSince >= minCommits || msSince >= maxWaitMs;
}
