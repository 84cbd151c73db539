/** Keeps the documents listing's title in step with the live document's `meta.title`. */
import type * as Y from 'yjs';
import { Limits } from '../../shared/limits.js';
import { cutToLength, exportText, withoutBidiControls } from '../../shared/strings.js';

/**
 * The listing's form of a title set in the document: one line, no control or bidi control
 * characters, noncharacters or lone surrogates (what `PATCH …/title` refuses, arriving over
 * the websocket; red team F1), trimmed and cut on whole characters to the listing's limit.
 */
export function listingTitle(title: string): string {
  return cutToLength(withoutBidiControls(exportText(title, { multiLine: false })).trim(), Limits.maxNameLength);
}

/**
 * Calls `onTitle` with `listingTitle(title)` whenever a transaction not of `ignoredOrigin`
 * (loading) changes it to a text that is not empty in that form.
 */
export function observeTitle(doc: Y.Doc, ignoredOrigin: unknown, onTitle: (title: string) => void): void {
  const meta = doc.getMap<unknown>('meta');
  meta.observe((event) => {
    if (!event.keysChanged.has('title') || event.transaction.origin === ignoredOrigin) return;
    const title = meta.get('title');
    const listed = typeof title === 'string' ? listingTitle(title) : '';
    if (listed !== '') onTitle(listed);
  });
}
