// When the WAL checkpoint worker copies the log into the database file. Plain JavaScript,
// as the worker is (see checkpoint-worker.mjs).
//
// Every checkpoint that copies anything syncs the log and the database file to disk, and
// while the file system commits that, the server's own commits stall: in one big room
// with ten edits a second, checkpointing at every 250 ms tick made one commit in ten take
// 0.5 ms instead of 0.15. So a checkpoint waits for enough commits (256, a few pages
// each: about the 1 000 pages of SQLite's own automatic checkpoint) or for a few seconds.
// A server making a thousand commits a second still checkpoints at every tick, and the
// commit hold that starts the log over always follows a checkpoint at once
// (checkpoint-worker.mjs), so what it waits for stays small either way.
//
// The wait is also how old the newest edits on disk can be when the machine itself loses
// power (with synchronous = NORMAL the log is synced at checkpoints); a killed process
// loses nothing, and clients send what the server lacks when they reconnect.

/**
 * Whether a checkpoint is due: `commitsSince` commits have been made and `msSince`
 * milliseconds have passed since the last one. Commits the store did not count (HTTP
 * writes, compaction) are covered by the time limit.
 */
export function checkpointDue({ commitsSince, msSince }, { minCommits, maxWaitMs }) {
  return commitsSince >= minCommits || msSince >= maxWaitMs;
}
