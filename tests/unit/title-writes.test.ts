/**
 * Listing-title writes run one after another per document, in the order the titles came
 * (server/sync/title-writes.ts): a later title never starts before the earlier one ended,
 * so it cannot be overwritten by it. Other documents do not wait; a failure does not stop
 * the next write. The writes here end only when the test says, so order is observed, not timed.
 */
import { describe, expect, it } from 'vitest';
import { serialTitleWrites } from '../../server/sync/title-writes.js';

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function heldWrites() {
  const started: string[] = [];
  const pending = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const write = (documentId: string, title: string) =>
    new Promise<void>((resolve, reject) => {
      started.push(`${documentId}:${title}`);
      pending.set(`${documentId}:${title}`, { resolve, reject });
    });
  return { started, pending, write };
}

describe('listing-title writes', () => {
  it('start one after another per document, in order; other documents do not wait', async () => {
    const held = heldWrites();
    const errors: unknown[] = [];
    const setTitle = serialTitleWrites(held.write, (_id, error) => errors.push(error));
    setTitle('d', 'a');
    setTitle('d', 'b');
    setTitle('e', 'x');
    setTitle('d', 'c');
    await settle();
    expect(held.started).toEqual(['d:a', 'e:x']);
    held.pending.get('d:a')?.reject(new Error('database gone'));
    await settle();
    expect(held.started).toEqual(['d:a', 'e:x', 'd:b']);
    held.pending.get('d:b')?.resolve();
    await settle();
    expect(held.started).toEqual(['d:a', 'e:x', 'd:b', 'd:c']);
    expect(errors).toHaveLength(1);
  });
});
