/**
 * Deletions are checked against the live protected items, listed from the roots that hold
 * protected keys only (protected-fields.ts `ROOTS_WITH_PROTECTED_KEYS`; listing every root
 * walked every item of a big plan per change). That holds while no other root has a key
 * any writer may not write: every root of every kind, any key, either writer.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, ROOTS } from '../../shared/model/kinds.js';
import { protectsRootKey, ROOTS_WITH_PROTECTED_KEYS } from '../../server/sync/protected-fields.js';

const KEYS = [null, '', 'kind', 'schemaVersion', 'rounds', 'spotlight', 'timer', 'title', 'priority', 'x'];

describe('roots with protected keys', () => {
  const roots = [...new Set(DOCUMENT_KINDS.flatMap((kind) => [...ROOTS[kind].maps, ...ROOTS[kind].texts])), 'unknown-root'];
  it.each(roots)('%s', (root) => {
    const listed = (ROOTS_WITH_PROTECTED_KEYS as readonly string[]).includes(root);
    const protectsAny = KEYS.some((key) => [true, false].some((facilitates) => protectsRootKey({ facilitates }, root, key)));
    // A root whose keys are protected is listed; one that is not listed protects nothing.
    if (!listed) expect(protectsAny).toBe(false);
    else expect(protectsAny).toBe(true);
  });
});
