import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { closeForJoinFailure, CloseCode } from '../../server/sync/close-codes.js';

/** A socket that lost the race for a document's lease is moved (1012), not failed (1011). */
describe('closeForJoinFailure', () => {
  it.each([
    ['another process holds the lease', new AppError(503, 'document.elsewhere', 'Dokumentet öppnas på en annan server.'), CloseCode.ServiceRestart],
    ['a storage fault', new Error('SQLITE_IOERR'), CloseCode.LoadFailed],
    ['another 503', new AppError(503, 'busy', 'Upptaget'), CloseCode.LoadFailed],
    ['a thrown string', 'document.elsewhere', CloseCode.LoadFailed],
    ['nothing', undefined, CloseCode.LoadFailed],
  ])('%s', (_what, error, expected) => {
    expect(closeForJoinFailure(error)).toBe(expected);
  });
});
