/** server/auth/login-limits.ts: the log-in and password-hash limits from the environment (README "Configuration"). */
import { describe, expect, it } from 'vitest';
import { loginLimitsOf } from '../../server/auth/login-limits.js';
import { loadConfig } from '../../server/config.js';

describe('log-in limits from the environment', () => {
  it('defaults to 30 failures per address, 10 per account, 2 hashes at once and 32 waiting', () => {
    expect(loginLimitsOf({})).toEqual({ attemptsPerAddressPerMinute: 30, perAccountPerMinute: 10, hashesAtOnce: 2, hashQueue: 32 });
    expect(loadConfig({}).login).toEqual(loginLimitsOf({}));
  });

  it.each<[Record<string, string>, Partial<ReturnType<typeof loginLimitsOf>>]>([
    [{ LOGIN_ATTEMPTS_PER_MINUTE: '5' }, { attemptsPerAddressPerMinute: 5 }],
    [{ LOGINS_PER_ACCOUNT_PER_MINUTE: '3' }, { perAccountPerMinute: 3 }],
    [{ PASSWORD_HASHES_AT_ONCE: '1', PASSWORD_HASH_QUEUE: '0' }, { hashesAtOnce: 1, hashQueue: 0 }],
    [{ PASSWORD_HASH_QUEUE: '' }, { hashQueue: 32 }],
  ])('reads %j', (env, expected) => {
    expect(loadConfig(env).login).toMatchObject(expected);
  });

  it.each(['LOGIN_ATTEMPTS_PER_MINUTE', 'LOGINS_PER_ACCOUNT_PER_MINUTE', 'PASSWORD_HASHES_AT_ONCE'])('refuses a %s of 0 or not a number, naming it', (name) => {
    for (const value of ['0', 'många', '-1']) expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`Invalid configuration: ${name}`));
  });
});
