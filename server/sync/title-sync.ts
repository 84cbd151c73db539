/** Keeps the documents listing's title in step with the live document's `meta.title`. */
import type * as Y from 'yjs';
import { Limits } from '../../shared/limits.js';
import { cutToLength } from '../../shared/strings.js';

/**
 * Calls `onTitle` with the trimmed title, cut on whole characters to the listing's limit,
 * whenever a transaction not of `ignoredOrigin` (loading) changes it to a non-empty text.
 */
export function observeTitle(doc: Y.Doc, ignoredOrigin: unknown, onTitle: (title: string) => void): void {
  const meta = doc.getMap<unknown>('meta');
  meta.observe((event) => {
    if (!event.keysChanged.has('title') || event.transaction.origin === ignoredOrigin) return;
    const title = meta.get('title');
    if (typeof title === 'string' && title.trim() !== '') onTitle(cutToLength(title.trim(), Limits.maxNameLength));
  });
}
