/**
 * Making a live document's content equal to a version's, as a new change (DESIGN
 * "Versions": restore; history is never rewritten). Yjs cannot "go back": a version's
 * state is a past state of the same document, so every struct it holds is already in the
 * live one, and the deletions made since cannot be undone by merging. So the content is
 * written over, field by field: only what differs is written, and an item or text that
 * exists in both keeps its identity (people's carets and concurrent edits stay on it).
 */
import * as Y from 'yjs';
import { ROOTS, type DocumentKind } from '../../shared/model/kinds.js';

/**
 * Fields no restore writes: `meta.kind` and `meta.schemaVersion` are the server's
 * (DESIGN "Protected document fields"; a restore never downgrades the schema).
 */
const PROTECTED: Record<string, readonly string[]> = { meta: ['kind', 'schemaVersion'] };
/** Live facilitation state (spotlight, timer, voting rounds) is not content: a restore leaves it. */
const NOT_CONTENT = new Set(['session']);

/** Writes `source`'s content of a document of `kind` into `target` (call inside one transaction). */
export function restoreContent(target: Y.Doc, source: Y.Doc, kind: DocumentKind): void {
  for (const name of ROOTS[kind].maps) {
    if (NOT_CONTENT.has(name)) continue;
    restoreMap(target.getMap<unknown>(name), source.getMap<unknown>(name), PROTECTED[name] ?? []);
  }
  for (const name of ROOTS[kind].texts) restoreText(target.getText(name), source.getText(name).toString());
}

function restoreMap(target: Y.Map<unknown>, source: Y.Map<unknown>, keep: readonly string[] = []): void {
  for (const key of [...target.keys()]) if (!source.has(key) && !keep.includes(key)) target.delete(key);
  source.forEach((value, key) => {
    if (keep.includes(key)) return;
    const current = target.get(key);
    if (value instanceof Y.Map && current instanceof Y.Map) restoreMap(current as Y.Map<unknown>, value as Y.Map<unknown>);
    else if (value instanceof Y.Text && current instanceof Y.Text) restoreText(current, value.toString());
    else if (value instanceof Y.AbstractType) {
      if (!(current instanceof Y.AbstractType) || JSON.stringify(current.toJSON()) !== JSON.stringify(value.toJSON())) target.set(key, cloneValue(value));
    } else if (current instanceof Y.AbstractType || JSON.stringify(current) !== JSON.stringify(value)) target.set(key, value);
  });
}

/** A copy of a value from another document: shared types belong to one document, so they are rebuilt. */
function cloneValue(value: unknown): unknown {
  if (value instanceof Y.Text) return new Y.Text(value.toString());
  if (value instanceof Y.Map) {
    const map = new Y.Map<unknown>();
    value.forEach((entry: unknown, key: string) => map.set(key, cloneValue(entry)));
    return map;
  }
  if (value instanceof Y.Array) {
    const array = new Y.Array<unknown>();
    array.push(value.toArray().map((entry: unknown) => cloneValue(entry)));
    return array;
  }
  return value;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Replaces only the middle that differs. Never between the halves of a surrogate pair: a
 * half alone would be encoded as U+FFFD and the emoji lost.
 */
export function restoreText(target: Y.Text, wanted: string): void {
  const current = target.toString();
  if (current === wanted) return;
  let start = 0;
  const shortest = Math.min(current.length, wanted.length);
  while (start < shortest && current.charCodeAt(start) === wanted.charCodeAt(start)) start++;
  if (start > 0 && isHigh(current.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < shortest - start && current.charCodeAt(current.length - 1 - end) === wanted.charCodeAt(wanted.length - 1 - end)) end++;
  if (end > 0 && isLow(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) target.delete(start, removed);
  const inserted = wanted.slice(start, wanted.length - end);
  if (inserted !== '') target.insert(start, inserted);
}
