/** See checkpoint-policy.mjs. */
export function checkpointDue(since: { commitsSince: number; msSince: number }, policy: { minCommits: number; maxWaitMs: number }): boolean;
