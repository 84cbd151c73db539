/**
 * tests/support/near-miss.ts: every near miss of a token differs from it, for a token ending
 * (and starting) in each of the 64 base64url characters — the class of the invitations.test.ts
 * flake, where `${token.slice(0, -1)}A` was the real token whenever it ended in "A".
 */
import { describe, expect, it } from 'vitest';
import { nearMisses } from '../support/near-miss.js';
import { seeded } from '../support/seeded.js';

const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
const body = 'Qx7_k2-PmZ0aB9cD4eF6gH8iJ1lN3o'; // 30 characters, both cases

describe('nearMisses', () => {
  it.each(ALPHABET)('a token ending and starting in %j has misses that all differ from it', (char) => {
    for (const token of [`${body}${char}`, `${char}${body}`, char.repeat(32)]) {
      const misses = nearMisses(token);
      expect(misses.length).toBeGreaterThanOrEqual(2);
      for (const miss of misses) {
        expect(miss).not.toBe(token);
        expect(miss).toHaveLength(token.length);
        expect(miss).toMatch(/^[A-Za-z0-9_-]+$/);
      }
    }
  });

  it('holds for 2 000 tokens shaped as the server makes them (24 bytes, base64url; seeded)', () => {
    const random = seeded(17);
    for (let i = 0; i < 2000; i++) {
      const token = Buffer.from(random.bytes(24)).toString('base64url');
      expect(nearMisses(token)).not.toContain(token);
    }
  });

  it('refuses what is not a base64url token', () => {
    expect(() => nearMisses('')).toThrow();
    expect(() => nearMisses('abc=')).toThrow();
  });
});
