import { describe, expect, it } from 'vitest';
import { loggableFailure } from '../../server/history/refusal.js';

/** A refused write's log line never carries the database's message or detail (they quote the row). */
describe('loggableFailure', () => {
  const row = "Failing row contains (Erik Redaktör, 'personnummer 19800101-1234')";
  it.each([
    ['PostgreSQL check violation', Object.assign(new Error(row), { code: '23514', detail: row })],
    ['PostgreSQL NUL in text', Object.assign(new Error(row), { code: '22021' })],
    ['SQLite constraint', Object.assign(new Error(row), { code: 'SQLITE_CONSTRAINT_CHECK' })],
  ])('%s: only its code', (_what, error) => {
    expect(loggableFailure(error)).toEqual({ code: error.code });
    expect(JSON.stringify(loggableFailure(error))).not.toContain('Erik');
  });

  it.each([
    ['a lost connection', Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' })],
    ['an error without a code', new Error('timeout')],
  ])('%s: as it is (it says nothing of the content)', (_what, error) => {
    expect(loggableFailure(error)).toBe(error);
  });
});
