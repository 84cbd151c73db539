/** When the WAL checkpoint worker copies the log: after enough commits, or after a while. */
import { describe, expect, it } from 'vitest';
import { checkpointDue } from '../../server/db/checkpoint-policy.mjs';

const policy = { minCommits: 64, maxWaitMs: 2000 };

describe('checkpointDue', () => {
  it('waits while few commits have come and little time has passed', () => {
    expect(checkpointDue({ commitsSince: 63, msSince: 1999 }, policy)).toBe(false);
    expect(checkpointDue({ commitsSince: 0, msSince: 250 }, policy)).toBe(false);
  });

  it('is due once enough commits have come, however soon', () => {
    expect(checkpointDue({ commitsSince: 64, msSince: 0 }, policy)).toBe(true);
  });

  it('is due once the time limit has passed, even with no counted commit (HTTP writes, compaction)', () => {
    expect(checkpointDue({ commitsSince: 0, msSince: 2000 }, policy)).toBe(true);
  });

  it('is always due when nothing counts commits', () => {
    expect(checkpointDue({ commitsSince: 0, msSince: 0 }, { minCommits: 0, maxWaitMs: 2000 })).toBe(true);
  });
});
