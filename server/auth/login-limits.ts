/**
 * The limits on log-in and password hashing (docs/security.md "Log-in throttling"; README
 * "Configuration"), read from the environment next to server/config.ts's.
 */
import { z } from 'zod';

export interface LoginLimits {
  /** Failed log-ins per client address and minute (a right password gives its attempt back); past it 429. */
  attemptsPerAddressPerMinute: number;
  /** Log-in attempts per (account as typed, client address) and minute, right or wrong; past it 429. */
  perAccountPerMinute: number;
  /** Password hashes (log-in, sign-up, confirmation, change) this process computes at once, and waiting; past it 503 `busy`. */
  hashesAtOnce: number;
  hashQueue: number;
}

const count = () => z.coerce.number().int().positive();

const LoginEnvSchema = z.object({
  LOGIN_ATTEMPTS_PER_MINUTE: count().default(30),
  LOGINS_PER_ACCOUNT_PER_MINUTE: count().default(10),
  PASSWORD_HASHES_AT_ONCE: count().max(64).default(2),
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(32),
});

/**
 * The LOGIN_* and PASSWORD_HASH* variables of `env` (empty ones unset) as `Config.login`;
 * throws `Invalid configuration: NAME: problem` like loadConfig.
 */
export function loginLimitsOf(env: NodeJS.ProcessEnv): LoginLimits {
  const parsed = LoginEnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const e = parsed.data;
  return {
    attemptsPerAddressPerMinute: e.LOGIN_ATTEMPTS_PER_MINUTE,
    perAccountPerMinute: e.LOGINS_PER_ACCOUNT_PER_MINUTE,
    hashesAtOnce: e.PASSWORD_HASHES_AT_ONCE,
    hashQueue: e.PASSWORD_HASH_QUEUE,
  };
}
