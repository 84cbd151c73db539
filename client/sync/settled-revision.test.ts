/**
 * Lists compared with the live draft follow it (issue 18 follow-up, finding 2): the
 * revision they refetch on goes up once per burst of changes, `quietMs` after the last one,
 * whatever made the change — and never again after its owner is disposed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoot } from 'solid-js';
import * as Y from 'yjs';
import { createSettledRevision } from './present-document.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const edit = (doc: Y.Doc, origin: unknown, n: number) => doc.transact(() => doc.getMap('meta').set('title', `T${n}`), origin);

describe('createSettledRevision', () => {
  it.each([
    ['a local edit', 'local'],
    ['a peer’s update', { provider: true }],
    ['a restore (server origin)', null],
  ])('goes up once, %s after a quiet second and a half', (_what, origin) => {
    const doc = new Y.Doc();
    createRoot((dispose) => {
      const revision = createSettledRevision(doc, 1500);
      for (let i = 0; i < 5; i++) {
        edit(doc, origin, i);
        vi.advanceTimersByTime(1000);
      }
      expect(revision()).toBe(0);
      vi.advanceTimersByTime(499);
      expect(revision()).toBe(0);
      vi.advanceTimersByTime(1);
      expect(revision()).toBe(1);
      edit(doc, origin, 9);
      vi.advanceTimersByTime(1500);
      expect(revision()).toBe(2);
      dispose();
      edit(doc, origin, 10);
      vi.advanceTimersByTime(5000);
      expect(revision()).toBe(2);
    });
  });
});
